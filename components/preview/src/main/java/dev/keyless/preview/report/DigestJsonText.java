package dev.keyless.preview.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.UncheckedIOException;

/**
 * JSON as {@code pulumi preview --json} prints its digest: Go's {@code json.MarshalIndent(&digest,
 * "", "    ")} then {@code fmt.Println} (pulumi/pulumi pkg/backend/display/json.go,
 * {@code ShowPreviewDigest}). That is four spaces a level, {@code "key": value}, {@code {}} and
 * {@code []} when empty, and Go's HTML-safe strings: {@code <}, {@code >}, {@code &}, U+2028 and
 * U+2029 written as {@code \u003c}, {@code \u003e}, {@code \u0026}, {@code \u2028}, {@code \u2029}
 * (Go's {@code encoding/json} escapes them unless told not to, and json.go does not).
 */
final class DigestJsonText {
    private static final DefaultIndenter FOUR_SPACES = new DefaultIndenter("    ", "\n");
    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withArrayIndenter(FOUR_SPACES)
                    .withObjectIndenter(FOUR_SPACES))
            .with(new GoHtmlSafeEscapes());

    private DigestJsonText() {
    }

    /**
     * @param value plain values: maps, lists, strings, numbers, booleans and nulls
     * @return the document as Pulumi prints it, ending with a line break
     */
    static String of(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class GoHtmlSafeEscapes extends CharacterEscapes {
        private final int[] asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();

        GoHtmlSafeEscapes() {
            asciiEscapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            asciiEscapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            asciiEscapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<', '>', '&', '\u2028', '\u2029' -> new SerializedString(String.format("\\u%04x", ch));
                default -> null;
            };
        }
    }
}
