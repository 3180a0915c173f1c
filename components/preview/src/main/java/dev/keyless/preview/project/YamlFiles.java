package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads Pulumi's YAML files into Jackson trees, as the Pulumi CLI reads them (see {@link PulumiYaml}). */
final class YamlFiles {
    private YamlFiles() {
    }

    static JsonNode read(Path file) throws ProjectFileException {
        String text;
        try {
            text = Files.readString(file);
            // The CLI strips a UTF-8 byte-order mark before parsing (loaders.go, readFileStripUTF8BOM).
            text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new ProjectFileException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            // An empty file is valid YAML with nothing in it: a missing node.
            return PulumiYaml.parse(text);
        } catch (ProjectFileException e) {
            throw new ProjectFileException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
