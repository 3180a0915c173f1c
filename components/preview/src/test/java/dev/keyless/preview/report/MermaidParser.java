package dev.keyless.preview.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Mermaid's own parser (the npm package, under jsdom in Node), installed once from
 * {@code src/test/mermaid}'s lock file into {@code target/mermaid}. A machine without Node and npm
 * skips the tests that need it; CI has both.
 */
final class MermaidParser {
    private static final Path SOURCE = Path.of("src/test/mermaid");
    private static final Path INSTALLED = Path.of("target/mermaid");

    private MermaidParser() {
    }

    /**
     * @param diagrams Mermaid texts or Markdown holding {@code mermaid} blocks
     * @return empty when every diagram parses, else what the parser said
     */
    static Optional<String> errors(List<String> diagrams) throws IOException, InterruptedException {
        install();
        var files = new ArrayList<String>(List.of("node", "parse.mjs"));
        for (int i = 0; i < diagrams.size(); i++) {
            var file = INSTALLED.resolve("diagram-" + i + ".md");
            Files.writeString(file, diagrams.get(i), StandardCharsets.UTF_8);
            files.add(file.getFileName().toString());
        }
        var result = run(files);
        return result.exitCode == 0 ? Optional.empty() : Optional.of(result.output);
    }

    private static synchronized void install() throws IOException, InterruptedException {
        assumeTrue(available("node") && available("npm"), "Node and npm are needed to run Mermaid's parser");
        Files.createDirectories(INSTALLED);
        for (var file : List.of("package.json", "package-lock.json", "parse.mjs")) {
            Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(INSTALLED.resolve("node_modules/mermaid"))) {
            var installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            if (installed.exitCode != 0) {
                throw new IllegalStateException("npm ci failed in " + INSTALLED + ":\n" + installed.output);
            }
        }
    }

    private static boolean available(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(INSTALLED.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
