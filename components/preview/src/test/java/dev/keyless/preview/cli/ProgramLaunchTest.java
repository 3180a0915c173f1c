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
                "mvn", "--no-transfer-progress", "-q", "-B", "compile", "exec:java", "-Dexec.mainClass=com.example.Main");
        assertThat(launch.directory()).isEqualTo(directory);
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
        assertThat(environment.get("MAVEN_OPTS")).endsWith(
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

        assertThat(launch.command()).hasSize(6);
        assertThat(Path.of(launch.command().get(0))).startsWith(Path.of(System.getProperty("java.home")));
        assertThat(launch.command().subList(1, 6)).containsExactly(
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
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
