package dev.keyless.preview.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewArgumentsTest {

    @Test
    void defaultsToTheDevStackAndNoJson() throws Exception {
        var arguments = PreviewArguments.parse(List.of("programs/app"));

        assertThat(arguments.programDirectory()).isEqualTo(Path.of("programs/app"));
        assertThat(arguments.stack()).isEqualTo("dev");
        assertThat(arguments.mainClass()).isEmpty();
        assertThat(arguments.jsonFile()).isEmpty();
        assertThat(arguments.diagramFile()).isEmpty();
        assertThat(arguments.help()).isFalse();
    }

    @Test
    void readsEveryOptionInAnyOrder() throws Exception {
        var arguments = PreviewArguments.parse(List.of("--stack", "prod", "app", "--json", "out.json", "--main", "com.example.App",
                "--diagram", "trust.md"));

        assertThat(arguments.programDirectory()).isEqualTo(Path.of("app"));
        assertThat(arguments.stack()).isEqualTo("prod");
        assertThat(arguments.mainClass()).contains("com.example.App");
        assertThat(arguments.jsonFile()).contains(Path.of("out.json"));
        assertThat(arguments.diagramFile()).contains(Path.of("trust.md"));
    }

    @Test
    void refusesADiagramOptionWithoutAFile() {
        assertThatThrownBy(() -> PreviewArguments.parse(List.of("app", "--diagram")))
                .isInstanceOf(UsageException.class).hasMessage("--diagram needs a value");
    }

    @Test
    void sendsTheJsonToStandardOutputOnADash() throws Exception {
        assertThat(PreviewArguments.parse(List.of("app", "--json", "-")).jsonToStandardOutput()).isTrue();
        assertThat(PreviewArguments.parse(List.of("app", "--json", "plan.json")).jsonToStandardOutput()).isFalse();
        assertThat(PreviewArguments.parse(List.of("app")).jsonToStandardOutput()).isFalse();
    }

    @Test
    void recognisesHelpWhateverElseIsThere() throws Exception {
        assertThat(PreviewArguments.parse(List.of("--help")).help()).isTrue();
        assertThat(PreviewArguments.parse(List.of("app", "-h")).help()).isTrue();
    }

    @Test
    void rejectsCommandLinesItCannotRun() {
        assertThatThrownBy(() -> PreviewArguments.parse(List.of())).hasMessage("the program directory is missing");
        assertThatThrownBy(() -> PreviewArguments.parse(List.of("app", "--stack"))).hasMessage("--stack needs a value");
        assertThatThrownBy(() -> PreviewArguments.parse(List.of("app", "--colour", "never"))).hasMessage("unknown option '--colour'");
        assertThatThrownBy(() -> PreviewArguments.parse(List.of("a", "b"))).hasMessageContaining("one program directory expected");
        assertThatThrownBy(() -> PreviewArguments.parse(List.of("app", "--main", "not a class")))
                .hasMessageContaining("fully qualified class name");
        assertThatThrownBy(() -> PreviewArguments.parse(List.of("app", "--stack", "../prod"))).hasMessageContaining("stack name");
    }
}
