package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Pulumi project as its {@code Pulumi.yaml} describes it.
 *
 * @param directory        the folder holding {@code Pulumi.yaml}
 * @param name             the project name
 * @param runtime          the language runtime, e.g. {@code java}
 * @param binary           {@code runtime.options.binary}: a jar to run instead of building the program
 * @param programDirectory where the program lives: the project folder, or the one {@code main} names
 * @param stackConfigDirectory where the {@code Pulumi.<stack>.yaml} files are: the project folder, or
 *                             the one {@code stackConfigDir} names
 */
public record PulumiProject(Path directory, String name, String runtime, Optional<String> binary, Path programDirectory,
                            Path stackConfigDirectory) {

    /** The name of the project file in a program's folder. */
    public static final String PROJECT_FILE = "Pulumi.yaml";

    /**
     * A project whose stack files are next to its {@code Pulumi.yaml}.
     *
     * @param directory        the folder holding {@code Pulumi.yaml}
     * @param name             the project name
     * @param runtime          the language runtime
     * @param binary           a jar to run instead of building the program
     * @param programDirectory where the program lives
     */
    public PulumiProject(Path directory, String name, String runtime, Optional<String> binary, Path programDirectory) {
        this(directory, name, runtime, binary, programDirectory, directory);
    }

    /**
     * Reads a project.
     *
     * @param directory the folder holding {@code Pulumi.yaml}
     * @return the project
     * @throws ProjectFileException when the file is missing or is not a Java project
     */
    public static PulumiProject read(Path directory) throws ProjectFileException {
        var file = directory.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProjectFileException("no " + PROJECT_FILE + " at " + file.toAbsolutePath().normalize()
                    + ": pass the folder of a Pulumi project");
        }
        var yaml = YamlFiles.read(file);
        var name = yaml.path("name").asText("");
        if (name.isBlank()) {
            throw new ProjectFileException(file + " has no project name ('name:')");
        }
        var runtimeNode = yaml.path("runtime");
        var runtime = runtimeNode.isObject() ? runtimeNode.path("name").asText("") : runtimeNode.asText("");
        if (!runtime.equals("java")) {
            throw new ProjectFileException(file + " declares runtime '" + runtime + "'; the preview runs Java programs (runtime: java)");
        }
        var binary = text(runtimeNode.path("options").path("binary"));
        var main = text(yaml.path("main"));
        var stackConfigDir = text(yaml.path("stackConfigDir"));
        return new PulumiProject(directory, name, runtime, binary, main.map(directory::resolve).orElse(directory),
                stackConfigDir.map(directory::resolve).orElse(directory));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
