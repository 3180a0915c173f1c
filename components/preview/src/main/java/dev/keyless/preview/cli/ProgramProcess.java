package dev.keyless.preview.cli;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Runs a program's process to its end, passing its output through. */
final class ProgramProcess {
    private ProgramProcess() {
    }

    /**
     * Runs a launch.
     *
     * @param launch what to run
     * @param out    where each line of the program's standard output goes
     * @param err    where its standard error goes
     * @return its exit code
     * @throws IOException when it cannot be started, e.g. Maven is not installed
     */
    static int run(ProgramLaunch launch, Consumer<String> out, PrintStream err) throws IOException {
        var builder = new ProcessBuilder(launch.command())
                .directory(launch.directory().toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(launch.environment());
        var process = builder.start();
        // Ctrl-C on the preview must not leave a Maven build running in the background.
        var stopChild = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        var stdout = pump(process.getInputStream(), out);
        var stderr = pump(process.getErrorStream(), line -> {
            if (!SLF4J_FALLBACK_NOTICE.contains(line)) {
                err.println(line);
            }
        });
        try {
            int exitCode = process.waitFor();
            stdout.join();
            stderr.join();
            err.flush();
            return exitCode;
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the program ran", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or has run; nothing left to undo.
            }
        }
    }

    // Debian's Maven 3.8 writes bare colour resets even in batch mode; they are noise in a report.
    private static final String COLOUR_RESET = "\u001b[0m";

    // Pulumi Java brings slf4j's API into every program and no binding; slf4j then says so in three
    // lines on every run, which tell the user nothing about their program.
    private static final Set<String> SLF4J_FALLBACK_NOTICE = Set.of(
            "SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".",
            "SLF4J: Defaulting to no-operation (NOP) logger implementation",
            "SLF4J: See http://www.slf4j.org/codes.html#StaticLoggerBinder for further details.");

    private static Thread pump(InputStream from, Consumer<String> to) {
        var thread = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    var clean = line.replace(COLOUR_RESET, "");
                    if (!clean.isEmpty() || line.isEmpty()) {
                        to.accept(clean);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "program-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
