package dev.keyless.preview.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sorts what {@code mvn compile exec:java} writes on standard output: Maven's lines go to standard
 * error with the rest of the run's messages, the program's own output to standard output.
 *
 * <p>Until the program first calls the engine everything there is Maven's, and it is held back: a
 * run that stops before the program starts is told once, in the user's terms (a missing main
 * class in one line; compile errors once, though Maven prints them twice). After that, Maven's
 * lines are the ones it prefixes with its level.
 */
final class MavenOutput implements Consumer<String> {
    // exec-maven-plugin's words when neither the POM nor -Dexec.mainClass names the class to run.
    private static final String NO_MAIN_CLASS = "The parameters 'mainClass' for goal org.codehaus.mojo:exec-maven-plugin";
    private static final String COMPILATION_ERROR = "[ERROR] COMPILATION ERROR";
    private static final String FAILED_GOAL = "[ERROR] Failed to execute goal";
    private static final String ERROR_PREFIX = "[ERROR] ";

    private final PrintStream out;
    private final PrintStream err;
    private final List<String> held = new ArrayList<>();
    private boolean programStarted;

    MavenOutput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void accept(String line) {
        if (!programStarted) {
            held.add(line);
        } else if (isMavens(line)) {
            err.println(line);
        } else {
            out.println(line);
        }
    }

    /** The program has called the engine: what Maven wrote before goes to standard error now. */
    synchronized void programStarted() {
        programStarted = true;
        held.forEach(err::println);
        held.clear();
    }

    /**
     * @param exitCode Maven's exit code
     * @return why the program never ran, when it did not; what Maven wrote that is not part of the
     *     answer has gone to standard error
     */
    synchronized Optional<ProgramDidNotStart> stoppedBeforeTheProgram(int exitCode) {
        if (programStarted || exitCode == 0) {
            held.forEach(err::println);
            held.clear();
            return Optional.empty();
        }
        if (held.stream().anyMatch(line -> line.contains(NO_MAIN_CLASS))) {
            return Optional.of(new ProgramDidNotStart("pom.xml does not say which class to run: set <mainClass> in the "
                    + "<configuration> of exec-maven-plugin, or pass --main com.example.App"));
        }
        int compilation = indexOfLineStartingWith(COMPILATION_ERROR, 0);
        if (compilation >= 0) {
            int end = indexOfLineStartingWith(FAILED_GOAL, compilation);
            var errors = new StringBuilder("the program does not compile:");
            for (var line : held.subList(compilation + 1, end < 0 ? held.size() : end)) {
                errors.append("\n  ").append(line.startsWith(ERROR_PREFIX) ? line.substring(ERROR_PREFIX.length()) : line);
            }
            return Optional.of(new ProgramDidNotStart(errors.toString()));
        }
        held.forEach(err::println);
        return Optional.of(new ProgramDidNotStart("Maven stopped with exit code " + exitCode
                + " before the program started; its output is above"));
    }

    private int indexOfLineStartingWith(String prefix, int from) {
        for (int i = from; i < held.size(); i++) {
            if (held.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isMavens(String line) {
        return line.startsWith("[ERROR]") || line.startsWith("[WARNING]") || line.startsWith("[INFO]");
    }
}
