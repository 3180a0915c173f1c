package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads Pulumi's YAML files into Jackson trees. */
final class YamlFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFiles() {
    }

    static JsonNode read(Path file) throws ProjectFileException {
        try {
            var tree = YAML.readTree(Files.readString(file));
            // An empty file is valid YAML with nothing in it.
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            throw new ProjectFileException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
