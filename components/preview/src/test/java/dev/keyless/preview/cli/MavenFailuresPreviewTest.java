package dev.keyless.preview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A program Maven cannot run is explained once, on standard error, in the user's terms. */
class MavenFailuresPreviewTest {
    private static final Path PROGRAM = Path.of("src/test/programs/plain-aws");
    private static final String ENCRYPTED_WARNING = "warning: plain-aws:apiToken is encrypted in Pulumi.dev.yaml, "
            + "which only Pulumi can decrypt; the program sees 'encrypted-secret-placeholder'";

    @TempDir
    Path workspace;

    @Test
    void aCompileErrorIsTheCompilersMessageOnStandardError() throws IOException {
        var program = copy("src/main/java/com/example/plainaws/App.java",
                source -> source.replace("var team = config.require(\"team\");", "var team = config.require(\"team\") + undefinedThing;"));

        var run = run(program);

        assertThat(run.exitCode).as(run.err).isEqualTo(PreviewCommand.PROGRAM_FAILED);
        assertThat(run.err.lines().toList()).containsExactly(
                ENCRYPTED_WARNING,
                "compiling the program (mvn compile)\u2026",
                "rendering\u2026",
                "error: the program does not compile:",
                "  " + program.resolve("src/main/java/com/example/plainaws/App.java").toAbsolutePath().normalize()
                        + ":[32,45] cannot find symbol",
                "    symbol:   variable undefinedThing",
                "    location: class com.example.plainaws.App");
        assertThat(run.out).doesNotContain("[ERROR]");
    }

    @Test
    void aMissingMainClassIsOneLine() throws IOException {
        var program = copy("pom.xml", pom -> pom.replace("<mainClass>com.example.plainaws.App</mainClass>", ""));

        var run = run(program);

        assertThat(run.exitCode).as(run.err).isEqualTo(PreviewCommand.PROGRAM_FAILED);
        assertThat(run.err.lines().toList()).containsExactly(
                ENCRYPTED_WARNING,
                "compiling the program (mvn compile)\u2026",
                "rendering\u2026",
                "error: pom.xml does not say which class to run: set <mainClass> in the <configuration> of "
                        + "exec-maven-plugin, or pass --main com.example.App");
        assertThat(run.out).doesNotContain("[ERROR]", "org.codehaus.mojo");
    }

    private Path copy(String changedFile, UnaryOperator<String> change) throws IOException {
        var target = workspace.resolve("plain-aws");
        try (var files = Files.walk(PROGRAM)) {
            for (var source : (Iterable<Path>) files::iterator) {
                var relative = PROGRAM.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                var copy = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        var file = target.resolve(changedFile);
        var original = Files.readString(file);
        var changed = change.apply(original);
        assertThat(changed).as("the change applies to " + changedFile).isNotEqualTo(original);
        Files.writeString(file, changed);
        return target;
    }

    private static Run run(Path program) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exitCode = PreviewCommand.run(List.of(program.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }
}
