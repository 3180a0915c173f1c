package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pulumi ESC environments a stack file imports under {@code environment:}. Their values live in
 * Pulumi Cloud, so an offline preview cannot open them: it names them so the user knows which
 * settings the program runs without.
 */
public final class EscEnvironments {
    private EscEnvironments() {
    }

    /**
     * @param project the project
     * @param stack   the stack name
     * @return the environments' names in the order listed, empty when the stack imports none
     * @throws ProjectFileException when the stack file cannot be read
     */
    public static List<String> of(PulumiProject project, String stack) throws ProjectFileException {
        var file = StackConfiguration.stackFile(project, stack);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        var environment = YamlFiles.read(file).path("environment");
        // Pulumi accepts the list itself and, from before ESC's release, {imports: [...]}.
        var imports = environment.isObject() ? environment.path("imports") : environment;
        var names = new ArrayList<String>();
        if (imports.isArray()) {
            for (JsonNode entry : imports) {
                names.add(entry.isTextual() ? entry.asText() : entry.toString());
            }
        } else if (imports.isTextual()) {
            names.add(imports.asText());
        }
        return names;
    }
}
