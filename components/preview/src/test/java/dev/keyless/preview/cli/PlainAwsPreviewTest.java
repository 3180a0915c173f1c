package dev.keyless.preview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Previews an ordinary Pulumi program, built and run by Maven as its own process exactly as the
 * Pulumi CLI would run it. Each run starts Maven, so the runs are few and shared by the assertions.
 */
class PlainAwsPreviewTest {
    private static final Path PROGRAM = Path.of("src/test/programs/plain-aws");
    private static final String STACK_URN = "urn:pulumi:dev::plain-aws::pulumi:pulumi:Stack::plain-aws-dev";

    @TempDir
    static Path workspace;

    private static Run dev;
    private static JsonNode json;

    @BeforeAll
    static void previewTheDevStack() throws IOException {
        copyProgram();
        var jsonFile = workspace.resolve("preview.json");
        dev = Run.of(workspace.resolve("plain-aws").toString(), "--json", jsonFile.toString());
        json = new ObjectMapper().readTree(jsonFile.toFile());
    }

    @Test
    void succeeds() {
        assertThat(dev.exitCode).as(dev.toString()).isEqualTo(PreviewCommand.SUCCEEDED);
    }

    @Test
    void showsWhatTheProgramWouldCreate() {
        var lines = dev.out.lines().toList();
        int table = lines.indexOf("     Type                             Name           Plan");
        assertThat(table).as(dev.toString()).isNotNegative();
        assertThat(lines.subList(table + 1, table + 7)).containsExactly(
                " +   pulumi:pulumi:Stack              plain-aws-dev  create",
                " +   ├─ pulumi:providers:kubernetes   cluster        create",
                " +   ├─ aws:iam:Role                  report-reader  create",
                " +   ├─ aws:s3:BucketV2               reports        create [protect]",
                " +   ├─ aws:iam:RolePolicy            read-reports   create",
                " +   └─ kubernetes:core/v1:Namespace  team           create [retainOnDelete]");
        assertThat(lines).contains("    + 6 to create");
    }

    @Test
    void givesTheProgramItsStackConfiguration() {
        assertThat(dev.out.lines()).contains(
                "    team      : \"payments\"",
                "    replicas  : 2",
                "    bucketName: \"payments-reports\"",
                "    apiToken  : [secret]");
        assertThat(dev.err).contains("warning: plain-aws:apiToken is encrypted in Pulumi.dev.yaml");
    }

    @Test
    void laysOutThePolicyThatUsesTheBucketsSimulatedArn() {
        assertThat(dev.out).contains("""
                    # aws:iam/rolePolicy:RolePolicy  read-reports  policy
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": [
                            "s3:GetObject"
                          ],
                          "Resource": "arn:aws:s3:::payments-reports/*"
                        }
                      ]
                    }
                """);
    }

    @Test
    void printsOneLinePerPhaseOnStandardError() {
        var phases = dev.err.lines().filter(line -> line.endsWith("\u2026")).toList();
        assertThat(phases).as(dev.toString()).containsExactly(
                "compiling the program (mvn compile)\u2026",
                "running it on the simulated engine\u2026",
                "rendering\u2026");
        assertThat(dev.out).doesNotContain("\u2026");
    }

    @Test
    void writesTheJsonDocument() {
        assertThat(json.path("changeSummary").path("create").asInt()).isEqualTo(6);
        assertThat(json.path("config").path("plain-aws:team").asText()).isEqualTo("payments");
        assertThat(json.path("config").path("plain-aws:apiToken").asText()).isEqualTo("[secret]");
        assertThat(json.path("duration").asLong()).isPositive();
        assertThat(json.path("steps").findValuesAsText("urn")).as("no step for a default provider")
                .noneMatch(urn -> urn.contains("::pulumi:providers:aws::"));

        var bucket = state("aws:s3/bucketV2:BucketV2::reports");
        assertThat(bucket.path("provider").asText())
                .isEqualTo("urn:pulumi:dev::plain-aws::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9");
        assertThat(bucket.path("protect").asBoolean()).isTrue();
        assertThat(bucket.path("parent").asText()).isEqualTo(STACK_URN);
        assertThat(bucket.path("inputs").path("tags").path("cost-center").asText()).isEqualTo("4711");

        var namespace = state("kubernetes:core/v1:Namespace::team");
        assertThat(namespace.path("retainOnDelete").asBoolean()).isTrue();
        assertThat(namespace.path("provider").asText())
                .startsWith("urn:pulumi:dev::plain-aws::pulumi:providers:kubernetes::cluster::");
        // Built from an output only the cloud knows, read from the program's own classes.
        assertThat(namespace.path("propertyDependencies").path("metadata").toString())
                .isEqualTo("[\"urn:pulumi:dev::plain-aws::aws:iam/role:Role::report-reader\"]");

        var policy = state("aws:iam/rolePolicy:RolePolicy::read-reports");
        var dependencies = new ArrayList<String>();
        policy.path("dependencies").forEach(d -> dependencies.add(d.asText()));
        assertThat(dependencies).containsExactly(
                "urn:pulumi:dev::plain-aws::aws:iam/role:Role::report-reader",
                "urn:pulumi:dev::plain-aws::aws:s3/bucketV2:BucketV2::reports");
    }

    @Test
    void writesOnlyTheJsonToStandardOutputOnADash() throws IOException {
        var piped = Run.of(workspace.resolve("plain-aws").toString(), "--json", "-");

        assertThat(piped.exitCode).as(piped.toString()).isEqualTo(PreviewCommand.SUCCEEDED);
        var document = new ObjectMapper().readTree(piped.out);
        assertThat(document.path("changeSummary").path("create").asInt()).isEqualTo(6);
        assertThat(piped.out).startsWith("{").endsWith("}\n");
        assertThat(piped.err).contains("rendering\u2026").doesNotContain("Previewing update");
    }

    @Test
    void reportsAProgramThatThrowsAndExitsWithOne() {
        var failing = Run.of(workspace.resolve("plain-aws").toString(), "--stack", "failing");

        assertThat(failing.exitCode).as(failing.toString()).isEqualTo(PreviewCommand.PROGRAM_FAILED);
        assertThat(failing.out).contains("""
                Diagnostics:
                  pulumi:pulumi:Stack (plain-aws-failing):
                    error: the bucket quota for team payments is exhausted
                          at com.example.plainaws.App.lambda$stack$0(App.java:30) (java.lang.IllegalStateException)
                """);
        // Once, the program's message first: not Pulumi Java's "Running program [PID: ...](command line)"
        // wrapper, not the SDK's java.util.logging copy of it, not the exit code 32 it stops with.
        var err = failing.err.lines().toList();
        assertThat(err.get(0)).as(failing.toString()).startsWith("starting the program").endsWith("\u2026");
        assertThat(err.subList(1, err.size())).containsExactly(
                "running it on the simulated engine\u2026",
                "error: the bucket quota for team payments is exhausted",
                "    at com.example.plainaws.App.lambda$stack$0(App.java:30) (java.lang.IllegalStateException)",
                "rendering\u2026",
                "error: the program failed; the preview shows what it registered before it stopped");
    }

    private static JsonNode state(String urnSuffix) {
        var urn = "urn:pulumi:dev::plain-aws::" + urnSuffix;
        for (var step : json.path("steps")) {
            if (step.path("urn").asText().equals(urn)) {
                return step.path("newState");
            }
        }
        throw new AssertionError("no step " + urn + " in " + json.toPrettyString());
    }

    // The program builds in a scratch copy, so no target folder appears among the sources.
    private static void copyProgram() throws IOException {
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
    }

    private record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exitCode = PreviewCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
