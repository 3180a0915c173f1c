package dev.keyless.preview.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.project.PulumiProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramLaunchTest {
    private static final StackSettings SETTINGS = StackSettings.of("shop", "dev")
            .withConfig("aws:region", "eu-west-1")
            .withSecretConfig("shop:dbPassword", "placeholder");

    @TempDir
    Path directory;

    @Test
    void buildsAndRunsAMavenProgramAsPulumisJavaHostDoes() throws Exception {
        Files.writeString(directory.resolve("pom.xml"), "<project/>");
        var project = new PulumiProject(directory, "shop", "java", Optional.empty(), directory);

        var launch = ProgramLaunch.of(project, Optional.of("com.example.Main"), SETTINGS, "127.0.0.1:4242");

        assertThat(launch.command()).containsExactly(
                "mvn", "--no-transfer-progress", "-q", "-B", "compile",
                "dependency:build-classpath", "-Dmdep.outputFile=" + directory.resolve("target/keyless-preview.classpath").toAbsolutePath().normalize(),
                "-Dmdep.includeScope=runtime",
                "exec:java", "-Dexec.mainClass=com.example.Main");
        assertThat(launch.directory()).isEqualTo(directory);
        assertThat(launch.firstPhase()).isEqualTo("compiling the program (mvn compile)");
    }

    /** A program compiled by an earlier preview, its classpath recorded an hour after everything it is built from. */
    private Path compiledEarlier() throws Exception {
        Files.writeString(directory.resolve("pom.xml"), "<project><build><plugins><plugin><artifactId>exec-maven-plugin</artifactId>"
                + "<configuration><mainClass>com.example.App</mainClass></configuration></plugin></plugins></build></project>");
        Files.createDirectories(directory.resolve("src/main/java/com/example"));
        Files.writeString(directory.resolve("src/main/java/com/example/App.java"), "class App {}");
        Files.createDirectories(directory.resolve("target/classes"));
        var jar = Files.writeString(directory.resolve("keyless-core.jar"), "");
        var recorded = Files.writeString(directory.resolve(CompiledProgram.CLASSPATH_FILE), jar.toAbsolutePath() + "\n");
        var earlier = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000);
        for (var file : java.util.List.of(directory.resolve("pom.xml"), jar)) {
            Files.setLastModifiedTime(file, earlier);
        }
        // Folders too: a source added or removed changes its folder's time.
        try (var sources = Files.walk(directory.resolve("src/main"))) {
            for (var file : sources.toList()) {
                Files.setLastModifiedTime(file, earlier);
            }
        }
        Files.setLastModifiedTime(recorded, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        return jar;
    }

    private ProgramLaunch launch() throws Exception {
        return ProgramLaunch.of(new PulumiProject(directory, "shop", "java", Optional.empty(), directory), Optional.empty(),
                SETTINGS, "127.0.0.1:4242");
    }

    @Test
    void startsAnUnchangedCompiledProgramWithJavaOnTheClasspathMavenRecorded() throws Exception {
        var jar = compiledEarlier();

        var launch = launch();

        assertThat(Path.of(launch.command().get(0))).startsWith(Path.of(System.getProperty("java.home")));
        // The JVM options Maven's JVM would have had: the SDK's logging setup, the user's MAVEN_OPTS
        // (heap size, agents, a logging setup of their own, ...), then ours.
        var expected = new java.util.ArrayList<>(java.util.List.of(SdkLogging.jvmOption()));
        expected.addAll(ProgramLaunch.userMavenOptions());
        expected.addAll(java.util.List.of(
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
                "-cp", directory.resolve("target/classes").toAbsolutePath().normalize() + java.io.File.pathSeparator + jar.toAbsolutePath(),
                "com.example.App"));
        assertThat(launch.command().subList(1, launch.command().size())).containsExactlyElementsOf(expected);
        assertThat(launch.firstPhase()).isEqualTo("starting the program (compiled, and unchanged since the last preview: Maven skipped)");
    }

    @Test
    void aSuccessfulMavenRunMarksTheRecordedClasspathCurrentAsOfItsStart() throws Exception {
        var jar = compiledEarlier();
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));
        assertThat(launch().compiles()).as("a snapshot reinstalled after the record").isTrue();

        // Maven rewrites no classpath file whose content is unchanged; the preview marks it instead.
        CompiledProgram.recordBuilt(directory, java.time.Instant.now().minusSeconds(30));

        assertThat(launch().compiles()).isFalse();
    }

    @Test
    void anythingTheProgramIsBuiltFromChangingSendsItBackThroughMaven() throws Exception {
        var now = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis());
        var jar = compiledEarlier();
        Files.setLastModifiedTime(directory.resolve("src/main/java/com/example/App.java"), now);
        assertThat(launch().command()).as("a changed source").contains("compile", "exec:java");

        compiledEarlier();
        Files.setLastModifiedTime(directory.resolve("pom.xml"), now);
        assertThat(launch().command()).as("a changed POM").contains("compile");

        compiledEarlier();
        Files.setLastModifiedTime(jar, now);
        assertThat(launch().command()).as("a reinstalled snapshot").contains("compile");

        compiledEarlier();
        Files.writeString(directory.resolve("src/main/java/com/example/Added.java"), "class Added {}");
        Files.setLastModifiedTime(directory.resolve("src/main/java/com/example/Added.java"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(launch().command()).as("a source added, dated in the past").contains("compile");

        compiledEarlier();
        Files.delete(directory.resolve("src/main/java/com/example/Added.java"));
        Files.delete(jar);
        assertThat(launch().command()).as("a jar gone from the local repository").contains("compile");

        compiledEarlier();
        Files.delete(directory.resolve(CompiledProgram.CLASSPATH_FILE));
        assertThat(launch().command()).as("no recorded classpath").contains("compile");

        compiledEarlier();
        Files.writeString(directory.resolve("pom.xml"), "<project><properties><app>com.example.App</app></properties></project>");
        Files.setLastModifiedTime(directory.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(launch().command()).as("a main class the POM does not spell out").contains("compile");

        compiledEarlier();
        assertThat(launch().command()).as("unchanged again").doesNotContain("compile");
    }

    @Test
    void tellsTheSdkWhereTheEngineIsAndWhichStackItRunsAs() throws Exception {
        Files.writeString(directory.resolve("pom.xml"), "<project/>");
        var project = new PulumiProject(directory, "shop", "java", Optional.empty(), directory);

        var environment = ProgramLaunch.of(project, Optional.empty(), SETTINGS, "127.0.0.1:4242").environment();

        assertThat(environment)
                .containsEntry("PULUMI_MONITOR", "127.0.0.1:4242")
                .containsEntry("PULUMI_ENGINE", "127.0.0.1:4242")
                .containsEntry("PULUMI_PROJECT", "shop")
                .containsEntry("PULUMI_STACK", "dev")
                .containsEntry("PULUMI_ORGANIZATION", "organization")
                .containsEntry("PULUMI_DRY_RUN", "true")
                .containsEntry("PULUMI_CONFIG_SECRET_KEYS", "[\"shop:dbPassword\"]")
                .containsEntry("PULUMI_ROOT_DIRECTORY", directory.toAbsolutePath().normalize().toString())
                .containsKey("PULUMI_PARALLEL");
        assertThat(environment.get("MAVEN_OPTS")).startsWith(SdkLogging.jvmOption()).endsWith(
                "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
        var config = new ObjectMapper().readTree(environment.get("PULUMI_CONFIG"));
        assertThat(config.path("aws:region").asText()).isEqualTo("eu-west-1");
        assertThat(config.path("shop:dbPassword").asText()).isEqualTo("placeholder");
    }

    @Test
    void runsABinaryWithTheJavaRunningThePreview() throws Exception {
        Files.writeString(directory.resolve("app.jar"), "");
        var project = new PulumiProject(directory, "shop", "java", Optional.of("app.jar"), directory);

        var launch = ProgramLaunch.of(project, Optional.empty(), SETTINGS, "127.0.0.1:4242");

        assertThat(launch.command()).hasSize(7);
        assertThat(Path.of(launch.command().get(0))).startsWith(Path.of(System.getProperty("java.home")));
        assertThat(launch.command().subList(1, 7)).containsExactly(
                SdkLogging.jvmOption(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
                "-jar", directory.resolve("app.jar").toAbsolutePath().normalize().toString());
    }

    @Test
    void explainsWhatIsMissingWhenThereIsNothingToRun() {
        var project = new PulumiProject(directory, "shop", "java", Optional.empty(), directory);

        assertThatThrownBy(() -> ProgramLaunch.of(project, Optional.empty(), SETTINGS, "127.0.0.1:4242"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no pom.xml");
    }
}
