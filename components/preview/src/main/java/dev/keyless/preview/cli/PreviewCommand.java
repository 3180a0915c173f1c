package dev.keyless.preview.cli;

import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.project.EscEnvironments;
import dev.keyless.preview.project.ProjectFileException;
import dev.keyless.preview.project.PulumiProject;
import dev.keyless.preview.project.StackConfiguration;
import dev.keyless.preview.report.PreviewJson;
import dev.keyless.preview.report.PreviewReport;
import dev.keyless.preview.report.TrustChains;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * Runs a Pulumi Java program offline, as {@code pulumi preview} would but against a simulated cloud
 * in this process, and prints what it would create.
 *
 * <p>Exit codes: 0 when the program ran to the end, 1 when it failed, 2 for a bad command line or
 * project. Standard output carries the report (or, with {@code --json -}, the JSON document only);
 * progress, warnings and errors go to standard error.
 */
public final class PreviewCommand {
    /** The program ran to the end without logging an error. */
    public static final int SUCCEEDED = 0;
    /** The program failed: it threw, logged an error, or could not be started. */
    public static final int PROGRAM_FAILED = 1;
    /** The command line, or the project it names, cannot be previewed. */
    public static final int BAD_USAGE = 2;
    /**
     * The system property naming the command in the usage text, for launchers that start this class
     * under their own name; {@value #DEFAULT_COMMAND} otherwise, as the published jar is run.
     */
    public static final String COMMAND_PROPERTY = "keyless.preview.command";
    /** The command's name when no launcher names it. */
    public static final String DEFAULT_COMMAND = "keyless-preview";

    private PreviewCommand() {
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Box-drawing characters must survive a terminal or CI log whose default charset is ASCII.
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, err));
    }

    /** @return the name the usage text gives the command */
    static String commandName() {
        var name = System.getProperty(COMMAND_PROPERTY, "");
        return name.isBlank() ? DEFAULT_COMMAND : name;
    }

    /**
     * Runs the command without exiting, for callers in this JVM.
     *
     * @param args the command line
     * @param out  where the report and the program's standard output go
     * @param err  where errors, warnings and the program's standard error go
     * @return the exit code
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        PreviewArguments arguments;
        try {
            arguments = PreviewArguments.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(PreviewArguments.usage(commandName()));
            return BAD_USAGE;
        }
        if (arguments.help()) {
            out.println(PreviewArguments.usage(commandName()));
            return SUCCEEDED;
        }
        try {
            return preview(arguments, out, err);
        } catch (UsageException | ProjectFileException e) {
            err.println("error: " + e.getMessage());
            return BAD_USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return PROGRAM_FAILED;
        }
    }

    private static int preview(PreviewArguments arguments, PrintStream out, PrintStream err)
            throws UsageException, ProjectFileException, IOException {
        var started = System.nanoTime();
        var project = PulumiProject.read(arguments.programDirectory());
        var settings = StackConfiguration.read(project, arguments.stack());
        warnAboutUnreadableSettings(project, arguments.stack(), settings, err);
        // With the JSON on standard output, nothing else may go there, the program's own output included.
        boolean jsonOnly = arguments.jsonToStandardOutput();
        var deployment = OutOfProcessRun.run(project, arguments.mainClass(), settings, jsonOnly ? err : out, err);
        err.println("rendering\u2026");
        if (!jsonOnly) {
            out.print(PreviewReport.render(deployment));
            out.flush();
        }
        if (arguments.jsonFile().isPresent()) {
            var json = PreviewJson.render(deployment, settings, Duration.ofNanos(System.nanoTime() - started));
            if (jsonOnly) {
                out.print(json);
                out.flush();
            } else {
                var file = arguments.jsonFile().get();
                Files.writeString(file, json, StandardCharsets.UTF_8);
                err.println("wrote " + file);
            }
        }
        if (arguments.diagramFile().isPresent()) {
            var file = arguments.diagramFile().get();
            Files.writeString(file, TrustChains.markdown(deployment), StandardCharsets.UTF_8);
            err.println("wrote " + file);
        }
        if (!deployment.succeeded()) {
            var notStarted = deployment.failure().filter(ProgramDidNotStart.class::isInstance);
            err.println("error: " + notStarted.map(Throwable::getMessage)
                    .orElse("the program failed; the preview shows what it registered before it stopped"));
            return PROGRAM_FAILED;
        }
        return SUCCEEDED;
    }

    // Values only Pulumi's backend holds reach the program as placeholders, or not at all: say which.
    private static void warnAboutUnreadableSettings(PulumiProject project, String stack, StackSettings settings,
                                                    PrintStream err) throws ProjectFileException {
        var stackFile = StackConfiguration.stackFile(project, stack).getFileName();
        settings.secretKeys().forEach(key -> err.println("warning: " + key + " is encrypted in " + stackFile
                + ", which only Pulumi can decrypt; the program sees '" + StackConfiguration.ENCRYPTED_PLACEHOLDER + "'"));
        var environments = EscEnvironments.of(project, stack);
        if (!environments.isEmpty()) {
            err.println("warning: " + stackFile + " imports the ESC environment" + (environments.size() == 1 ? " " : "s ")
                    + String.join(", ", environments) + ", which only Pulumi Cloud can open; the program runs"
                    + " without their values (set the ones it needs in " + stackFile + " to preview with them)");
        }
    }
}
