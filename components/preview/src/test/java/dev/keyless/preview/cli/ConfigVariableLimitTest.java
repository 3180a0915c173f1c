package dev.keyless.preview.cli;

import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.project.PulumiProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigVariableLimitTest {
    /** {"k":"vvv..."}: the JSON of one key whose value makes PULUMI_CONFIG=JSON and its NUL exactly {@code bytes} long. */
    private static String configOf(long bytes) {
        var overhead = ("PULUMI_CONFIG=" + "{\"k\":\"\"}").length() + 1;
        return "{\"k\":\"" + "v".repeat((int) (bytes - overhead)) + "\"}";
    }

    @Test
    void countsTheVariableAsGosJsonWritesIt() {
        assertThat(ConfigVariableLimit.bytes("{}")).isEqualTo("PULUMI_CONFIG={}".length() + 1);
        // Go's json.Marshal escapes <, > and & (one byte each) as \u003c (six bytes).
        assertThat(ConfigVariableLimit.bytes("{\"k\":\"<&>\"}")).isEqualTo(ConfigVariableLimit.bytes("{\"k\":\"abc\"}") + 15);
        // U+2028 is three bytes in UTF-8 and six as \u2028; a non-ASCII letter stays as its UTF-8 bytes.
        assertThat(ConfigVariableLimit.bytes("{\"k\":\"\u2028\"}")).isEqualTo(ConfigVariableLimit.bytes("{\"k\":\"a\"}") + 5);
        assertThat(ConfigVariableLimit.bytes("{\"k\":\"é\"}")).isEqualTo(ConfigVariableLimit.bytes("{\"k\":\"a\"}") + 1);
    }

    @Test
    void acceptsTheLongestVariableLinuxStartsAProcessWithAndRefusesOneByteMore() {
        assertThatCode(() -> ConfigVariableLimit.require(configOf(131_072), "big")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConfigVariableLimit.require(configOf(131_073), "big"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the configuration of stack 'big' is 131073 bytes as Pulumi's Java language host passes it"
                        + " (one environment variable, PULUMI_CONFIG); Linux starts no process with an environment string"
                        + " over 131072 bytes (MAX_ARG_STRLEN), so `pulumi up` would stop with 'Argument list too long'"
                        + " before the program runs: move part of it to another stack, or to a file the program reads");
    }

    /** The bound is the kernel's, not a guess: a process starts at it and not one byte past it. */
    @Test
    void theBoundIsWhereThisMachinesKernelRefusesToStartAProcess() throws Exception {
        assertThat(startsWith(configOf(131_072))).isTrue();
        assertThat(startsWith(configOf(131_073))).isFalse();
    }

    private static boolean startsWith(String configJson) throws InterruptedException {
        var process = new ProcessBuilder("true");
        process.environment().clear();
        process.environment().put(ConfigVariableLimit.VARIABLE, configJson);
        try {
            return process.start().waitFor() == 0;
        } catch (IOException e) {
            assertThat(e).hasMessageContaining("Argument list too long");
            return false;
        }
    }

    @Test
    void aLaunchWithAConfigurationTooLargeForTheLanguageHostIsRefusedBeforeTheProgramStarts(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("pom.xml"), "<project/>");
        var project = new PulumiProject(directory, "shop", "java", Optional.empty(), directory);
        var settings = StackSettings.of("shop", "huge").withConfig("shop:workloads", "w".repeat(131_072));

        assertThatThrownBy(() -> ProgramLaunch.of(project, Optional.empty(), settings, "127.0.0.1:4242"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("the configuration of stack 'huge' is 131");
    }
}
