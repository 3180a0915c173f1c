package dev.keyless.preview.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Maven's output, as mvn -q compile exec:java writes it (exec-maven-plugin 3.5.0, maven-compiler-plugin 3.13.0). */
class MavenOutputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MavenOutput maven = new MavenOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void aMissingMainClassIsOneLine() {
        List.of("[ERROR] Failed to execute goal org.codehaus.mojo:exec-maven-plugin:3.5.0:java (default-cli) on project shop: "
                        + "The parameters 'mainClass' for goal org.codehaus.mojo:exec-maven-plugin:3.5.0:java are missing or invalid -> [Help 1]",
                "[ERROR] ",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/PluginParameterException").forEach(maven);

        var stopped = maven.stoppedBeforeTheProgram(1);

        assertThat(stopped).map(Throwable::getMessage).contains("pom.xml does not say which class to run: "
                + "set <mainClass> in the <configuration> of exec-maven-plugin, or pass --main com.example.App");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void compileErrorsAreTheCompilersLinesOnce() {
        List.of("[ERROR] COMPILATION ERROR : ",
                "[ERROR] /shop/src/main/java/com/acme/App.java:[32,45] cannot find symbol",
                "  symbol:   variable undefinedThing",
                "  location: class com.acme.App",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project shop: Compilation failure",
                "[ERROR] /shop/src/main/java/com/acme/App.java:[32,45] cannot find symbol",
                "[ERROR]   symbol:   variable undefinedThing",
                "[ERROR] -> [Help 1]").forEach(maven);

        var stopped = maven.stoppedBeforeTheProgram(1);

        assertThat(stopped).map(Throwable::getMessage).contains("""
                the program does not compile:
                  /shop/src/main/java/com/acme/App.java:[32,45] cannot find symbol
                    symbol:   variable undefinedThing
                    location: class com.acme.App""");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anyOtherStopShowsMavensWordsOnStandardError() {
        maven.accept("[ERROR] Non-resolvable parent POM for com.acme:shop:1.0");

        var stopped = maven.stoppedBeforeTheProgram(1);

        assertThat(stopped).map(Throwable::getMessage).contains("Maven stopped with exit code 1 before the program started; its output is above");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("[ERROR] Non-resolvable parent POM for com.acme:shop:1.0\n");
    }

    @Test
    void onceTheProgramRunsItsOutputGoesToStandardOutputAndMavensToStandardError() {
        maven.accept("[WARNING] a plugin warning before the program");
        maven.programStarted();
        maven.accept("exported 3 buckets");
        maven.accept("[ERROR] something Maven says");

        assertThat(maven.stoppedBeforeTheProgram(0)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("exported 3 buckets\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("[WARNING] a plugin warning before the program\n[ERROR] something Maven says\n");
    }
}
