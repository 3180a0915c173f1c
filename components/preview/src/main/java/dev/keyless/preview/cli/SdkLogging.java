package dev.keyless.preview.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program's {@code java.util.logging} setup, so that what it logs to the engine is printed once.
 *
 * <p>Pulumi Java writes every message it sends the engine to the logger
 * {@code com.pulumi.deployment.internal.DeploymentImpl} too ({@code DeploymentImpl.DefaultEngineLogger}
 * logs to the {@code standardLogger} that {@code DeploymentState} gets by that name), whose
 * console handler prints it on the program's standard error: an unhandled exception came out
 * once from there and once from the preview, which prints what the engine receives as the Pulumi
 * CLI does. The SDK sets that logger's level itself ({@code DeploymentState} gives it
 * {@code GlobalLogging.GlobalLevel}), so the setup keeps its records from the console handler,
 * which belongs to the root logger, instead. Everything else keeps Java's default setup: a console
 * handler at {@code INFO}.
 */
final class SdkLogging {
    static final String SDK_LOGGER = "com.pulumi.deployment.internal.DeploymentImpl";
    private static final String CONFIGURATION = """
            # Written by keyless-preview for the program it runs; Java's defaults, but for Pulumi's mirror
            # of what the program sends the engine, which the preview prints itself.
            handlers=java.util.logging.ConsoleHandler
            .level=INFO
            java.util.logging.ConsoleHandler.level=INFO
            java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter
            %s.useParentHandlers=false
            """.formatted(SDK_LOGGER);

    private static Path file;

    private SdkLogging() {
    }

    /**
     * @return the JVM option that gives the program this setup; a {@code java.util.logging.config.file}
     *     of the user's own, given after it, wins
     */
    static synchronized String jvmOption() {
        if (file == null) {
            try {
                file = Files.createTempFile("keyless-preview-logging", ".properties");
                Files.writeString(file, CONFIGURATION, StandardCharsets.UTF_8);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the program's logging setup to a temporary file", e);
            }
        }
        return "-Djava.util.logging.config.file=" + file.toAbsolutePath();
    }
}
