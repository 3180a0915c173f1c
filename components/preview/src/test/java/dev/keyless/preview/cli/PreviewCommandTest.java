package dev.keyless.preview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's answers that need no program run. */
class PreviewCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path empty;

    @Test
    void printsUsageWithTheCommandNameAndExitCodesOnHelpWithoutLookingAtTheProgram() {
        assertThat(run("no-such-folder", "--help")).isEqualTo(PreviewCommand.SUCCEEDED);
        var lines = text(out).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Usage: keyless-preview <program-dir> [--main <fully.qualified.MainClass>]"
                + " [--stack <name>] [--json <file>|-] [--diagram <file>]");
        assertThat(lines).contains(
                "  --diagram <file> also write each workload's trust chain (issuer, trust, identity, grants,",
                "                  ServiceAccount, pods) as Markdown with Mermaid diagrams, which GitHub renders");
        assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly(
                "Exit codes:",
                "  0  the program ran to the end without an error",
                "  1  the program failed (it threw, logged an error, or could not be started)",
                "  2  the command line, Pulumi.yaml or Pulumi.<stack>.yaml cannot be used");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void namesItselfAsTheLauncherAsks() {
        System.setProperty(PreviewCommand.COMMAND_PROPERTY, "./preview");
        try {
            run("-h");
        } finally {
            System.clearProperty(PreviewCommand.COMMAND_PROPERTY);
        }
        assertThat(text(out)).startsWith("Usage: ./preview <program-dir>");
    }

    @Test
    void exitsWithTwoAndTheUsageOnABadCommandLine() {
        assertThat(run("app", "--stack")).isEqualTo(PreviewCommand.BAD_USAGE);
        assertThat(text(err)).startsWith("error: --stack needs a value").contains("Usage: keyless-preview");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void exitsWithTwoNamingTheMissingProjectFile() {
        assertThat(run(empty.toString())).isEqualTo(PreviewCommand.BAD_USAGE);
        assertThat(text(err)).contains("no Pulumi.yaml at " + empty.resolve("Pulumi.yaml"));
    }

    private int run(String... args) {
        return PreviewCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
