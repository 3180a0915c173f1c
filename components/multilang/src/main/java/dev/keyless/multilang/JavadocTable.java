package dev.keyless.multilang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema's descriptions taken from the typed API's Javadoc, so an input documents itself once.
 * The build writes the table ({@code javadoc.properties} beside this class) before packaging, by
 * {@link #main} reading the sources every {@code javadoc("...")} key in {@code KeylessSchema} names:
 *
 * <ul>
 *   <li>{@code MODULE/Class#method}: the method's Javadoc (a nested class as {@code Outer.Inner},
 *       an overload as {@code method(Type}): its text, then its first {@code @param}'s;</li>
 *   <li>{@code MODULE/Class@name}: the class's or record's {@code @param name};</li>
 *   <li>{@code MODULE/Class}: the class's first paragraph.</li>
 * </ul>
 * {@code MODULE} is the folder under {@code components/}, e.g. {@code aws} for
 * {@code components/aws/src/main/java/dev/keyless/aws/Class.java}.
 */
public final class JavadocTable {
    /** Where the table is, on the class path and under the build's classes. */
    static final String RESOURCE = "javadoc.properties";
    private static final Pattern KEY = Pattern.compile("javadoc\\(\"([^\"]+)\"\\)");
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static volatile Map<String, String> table;

    private JavadocTable() {
    }

    /**
     * @param key a key as {@link JavadocTable} describes
     * @return the description the build took from the Javadoc
     * @throws IllegalStateException when the build wrote none for it
     */
    static String description(String key) {
        var loaded = table;
        if (loaded == null) {
            loaded = load();
            table = loaded;
        }
        var description = loaded.get(key);
        if (description == null) {
            throw new IllegalStateException("no Javadoc description for " + key + " in " + RESOURCE + ": rebuild the module");
        }
        return description;
    }

    /**
     * Writes the table: {@code COMPONENTS_DIR SCHEMA_SOURCE OUTPUT_FILE}, as the build runs it.
     *
     * @param args the components folder, KeylessSchema.java, and the table to write
     * @throws IOException when a source cannot be read or the table written
     */
    public static void main(String[] args) throws IOException {
        var components = Path.of(args[0]);
        var schemaSource = Files.readString(Path.of(args[1]));
        var descriptions = new TreeMap<String, String>();
        var keys = KEY.matcher(schemaSource);
        while (keys.find()) {
            descriptions.put(keys.group(1), read(components, keys.group(1)));
        }
        var properties = new StringBuilder("# Written by the build from the typed API's Javadoc (JavadocTable); not edited by hand.\n");
        descriptions.forEach((key, text) -> properties.append(escape(key)).append('=').append(escape(text)).append('\n'));
        var output = Path.of(args[2]);
        Files.createDirectories(output.getParent());
        Files.writeString(output, properties, StandardCharsets.ISO_8859_1);
    }

    /**
     * @param components the components folder
     * @param key        a key as {@link JavadocTable} describes
     * @return the description
     * @throws IllegalArgumentException when the source or its Javadoc is not found
     */
    static String read(Path components, String key) throws IOException {
        var slash = key.indexOf('/');
        var module = key.substring(0, slash);
        var rest = key.substring(slash + 1);
        var member = rest.indexOf('#') >= 0 ? rest.indexOf('#') : rest.indexOf('@');
        var className = member < 0 ? rest : rest.substring(0, member);
        var outer = className.contains(".") ? className.substring(0, className.indexOf('.')) : className;
        var file = components.resolve(module).resolve("src/main/java/dev/keyless").resolve(module).resolve(outer + ".java");
        var source = Files.readString(file);
        if (member < 0) {
            return firstParagraph(commentBefore(source, file, key, Pattern.compile("public\\s+(final\\s+)?(class|record|interface)\\s+" + outer + "\\b")));
        }
        var name = rest.substring(member + 1);
        if (rest.charAt(member) == '@') {
            var comment = commentBefore(source, file, key, Pattern.compile("public\\s+(final\\s+)?(class|record|interface)\\s+" + outer + "\\b"));
            return param(comment, name).orElseThrow(() -> new IllegalArgumentException("no @param " + name + " in " + file + " for " + key));
        }
        var scope = source;
        if (className.contains(".")) {
            var inner = className.substring(className.indexOf('.') + 1);
            var start = Pattern.compile("(class|record|interface)\\s+" + inner + "\\b").matcher(source);
            if (!start.find()) {
                throw new IllegalArgumentException("no " + inner + " in " + file + " for " + key);
            }
            // Keep the inner type's own Javadoc reachable, and search from there on.
            scope = source.substring(start.start());
        }
        var signature = name.contains("(") ? Pattern.quote(name) : Pattern.quote(name) + "\\(";
        // A declaration, public or an interface's: modifiers, a type, the name; never a statement such as `return name(`.
        var comment = commentBefore(scope, file, key, Pattern.compile("(?m)^\\s*(?!return\\b|throw\\b|new\\b)"
                + "(?:(?:public|protected|static|final|default|abstract)\\s+)*[\\w<>,.?\\[\\] ]+\\s" + signature));
        var text = firstParagraph(comment);
        var firstParam = Pattern.compile("@param\\s+\\w+\\s+(.*?)(?=\\n\\s*@\\w+|$)", Pattern.DOTALL).matcher(tags(comment));
        var paramText = firstParam.find() ? clean(firstParam.group(1)) : "";
        if (text.isEmpty()) {
            return sentence(paramText);
        }
        return saysMore(paramText) ? text + " " + sentence(paramText) : text;
    }

    private static String commentBefore(String source, Path file, String key, Pattern declaration) {
        Matcher found = declaration.matcher(source);
        if (!found.find()) {
            throw new IllegalArgumentException("no declaration for " + key + " in " + file);
        }
        String last = null;
        var comments = COMMENT.matcher(source.substring(0, found.start()));
        int end = -1;
        while (comments.find()) {
            last = comments.group(1);
            end = comments.end();
        }
        // Only a comment right before the declaration (annotations aside) is its Javadoc.
        if (last == null || !source.substring(end, found.start()).strip().replaceAll("@\\w+(\\([^)]*\\))?", "").isBlank()) {
            throw new IllegalArgumentException("no Javadoc for " + key + " in " + file);
        }
        return String.join("\n", last.lines().map(line -> line.replaceFirst("^\\s*\\*\\s?", "")).toList()).strip();
    }

    private static String firstParagraph(String comment) {
        var body = comment.startsWith("@") ? "" : comment.split("\\n\\s*@\\w+", 2)[0];
        var paragraph = body.split("<p>|<ul>|<pre>|\\n\\s*\\n\\s*(?=\\S)", 2)[0];
        // A paragraph that leads into a list ends with ':'; alone, it ends the sentence.
        var cleaned = clean(paragraph).replaceFirst(":$", ".");
        // A comment that is only "@return ..." has no text of its own: say what it returns.
        if (cleaned.isEmpty()) {
            var returns = Pattern.compile("(?:^|\\n)\\s*@return\\s+(.*?)(?=\\n\\s*@\\w+|$)", Pattern.DOTALL).matcher(comment);
            if (returns.find()) {
                return sentence(clean(returns.group(1)));
            }
        }
        return cleaned;
    }

    private static java.util.Optional<String> param(String comment, String name) {
        var matcher = Pattern.compile("@param\\s+" + Pattern.quote(name) + "\\s+(.*?)(?=\\n\\s*@\\w+|$)", Pattern.DOTALL).matcher(tags(comment));
        return matcher.find() ? java.util.Optional.of(sentence(clean(matcher.group(1)))) : java.util.Optional.empty();
    }

    private static String tags(String comment) {
        var at = comment.startsWith("@") ? 0 : comment.indexOf("\n@");
        return at < 0 ? "" : "\n" + comment.substring(at).strip();
    }

    // Javadoc markup as the schema's Markdown: {@code x} as `x`, {@link A#b label} as its label or b.
    private static String clean(String text) {
        var cleaned = text.replaceAll("\\{@code\\s+([^}]*)}", "`$1`")
                .replaceAll("\\{@value\\s+[^}]*}", "")
                // A target's parameter list may hold spaces: "{@link A#b(String, String) label}".
                .replaceAll("\\{@link(?:plain)?\\s+[^}\\s(]+(?:\\([^)]*\\))?\\s+([^}]+)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+#(\\w+)(?:\\([^)]*\\))?}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+([\\w.]+)#(\\w+)(?:\\([^)]*\\))?}", "$1.$2")
                .replaceAll("\\{@link(?:plain)?\\s+([\\w.]+)}", "$1")
                .replaceAll("<a href=\"[^\"]*\">([^<]*)</a>", "$1")
                .replaceAll("</?\\w+[^>]*>", "")
                .replaceAll("\\s+", " ")
                .strip();
        return cleaned;
    }

    // A parameter's text adds to the method's when it gives a form, a limit or an example, not
    // when it only names the value ("the namespace", "whether to create it").
    private static boolean saysMore(String paramText) {
        return paramText.contains("`") || paramText.matches(".*\\d.*") || paramText.contains("e.g.") || paramText.split("\\s+").length >= 6;
    }

    private static String sentence(String text) {
        if (text.isEmpty()) {
            return text;
        }
        var capital = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }

    private static String escape(String text) {
        var escaped = new StringBuilder();
        for (var c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '=', ':', '#', '!' -> escaped.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static Map<String, String> load() {
        try (InputStream in = JavadocTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build writes it (process-classes)");
            }
            var properties = new Properties();
            properties.load(in);
            var loaded = new TreeMap<String, String>();
            properties.forEach((k, v) -> loaded.put((String) k, (String) v));
            return Map.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
