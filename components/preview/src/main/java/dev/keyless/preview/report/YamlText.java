package dev.keyless.preview.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.UnknownValue;

import java.io.UncheckedIOException;

/**
 * Writes engine values as YAML, the way Kubernetes users read manifests and Helm values, with
 * {@code [secret]} and {@code [unknown]} standing unquoted where those values were.
 */
final class YamlText {
    // YAML would quote "[secret]" (a bracket opens a list), so a plain word stands in until the text is written.
    private static final String SECRET_STAND_IN = "keylessPreviewSecretValue";
    private static final String UNKNOWN_STAND_IN = "keylessPreviewUnknownValue";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private YamlText() {
    }

    /**
     * @param value a value as the engine received it
     * @return its YAML, ending with a line break
     */
    static String of(Object value) {
        try {
            return YAML.writeValueAsString(PlainValues.of(value, SECRET_STAND_IN, UNKNOWN_STAND_IN))
                    .replace(SECRET_STAND_IN, SecretValue.MASK)
                    .replace(UNKNOWN_STAND_IN, UnknownValue.INSTANCE.toString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
