package dev.keyless.preview.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Maven program an earlier preview compiled, with the classpath Maven resolved for it then. When
 * nothing it was built from changed since (its POM, its sources, and every jar on the classpath,
 * keyless's own snapshots included), the preview starts it with {@code java} directly: the classes
 * and classpath {@code mvn compile exec:java} would use, without Maven's seconds of startup.
 *
 * @param classes   the program's compiled classes
 * @param classpath its runtime dependencies, in Maven's order
 * @param mainClass the class {@code exec:java} runs
 */
record CompiledProgram(Path classes, List<Path> classpath, String mainClass) {
    /** Where a Maven run of the preview leaves the program's classpath, under the program's folder. */
    static final String CLASSPATH_FILE = "target/keyless-preview.classpath";

    private static final Pattern MAIN_CLASS = Pattern.compile("<mainClass>\\s*([A-Za-z_$][\\w$.]*)\\s*</mainClass>");

    /**
     * The Maven arguments that make the run also record the classpath for the next one.
     *
     * @param directory the program's folder
     * @return the goal and its options, to go between {@code compile} and {@code exec:java}
     */
    static List<String> recordingGoal(Path directory) {
        return List.of("dependency:build-classpath",
                "-Dmdep.outputFile=" + directory.resolve(CLASSPATH_FILE).toAbsolutePath().normalize(),
                "-Dmdep.includeScope=runtime");
    }

    /**
     * Marks the recorded classpath as current as of a successful Maven run's start. Maven leaves
     * the file untouched when the classpath did not change, so its own time says nothing; a file
     * saved while the run went on stays newer and sends the next run through Maven again.
     *
     * @param directory the program's folder
     * @param startedAt when the Maven run started
     */
    static void recordBuilt(Path directory, java.time.Instant startedAt) {
        var recorded = directory.resolve(CLASSPATH_FILE);
        try {
            if (Files.isRegularFile(recorded)) {
                Files.setLastModifiedTime(recorded, FileTime.from(startedAt));
            }
        } catch (IOException e) {
            // Not fatal: the next run goes through Maven again.
        }
    }

    /**
     * @param directory the program's folder
     * @param mainClass the main class the command line names, if any
     * @return the program, when an earlier run recorded its classpath and nothing it depends on
     *     changed since; empty when Maven must build and run it
     */
    static Optional<CompiledProgram> reusable(Path directory, Optional<String> mainClass) {
        var recorded = directory.resolve(CLASSPATH_FILE);
        var classes = directory.resolve("target/classes");
        var main = mainClass.or(() -> declaredMainClass(directory.resolve("pom.xml")));
        if (main.isEmpty() || !Files.isRegularFile(recorded) || !Files.isDirectory(classes)) {
            return Optional.empty();
        }
        try {
            var recordedAt = Files.getLastModifiedTime(recorded);
            var classpath = new ArrayList<Path>();
            for (var entry : Files.readString(recorded).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry));
                }
            }
            if (changedSince(recordedAt, directory, classpath)) {
                return Optional.empty();
            }
            return Optional.of(new CompiledProgram(classes, List.copyOf(classpath), main.get()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param java        the java executable
     * @param jvmOptions  the options for a short run
     * @return the command that starts the program
     */
    List<String> command(String java, List<String> jvmOptions) {
        var command = new ArrayList<String>(List.of(java));
        command.addAll(jvmOptions);
        var path = new ArrayList<String>(List.of(classes.toAbsolutePath().normalize().toString()));
        classpath.forEach(entry -> path.add(entry.toString()));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), mainClass));
        return command;
    }

    // What the program is built from: a newer file than the recorded classpath means Maven must run.
    private static boolean changedSince(FileTime recordedAt, Path directory, List<Path> classpath) throws IOException {
        for (var buildFile : List.of("pom.xml", "mvnw", ".mvn")) {
            var file = directory.resolve(buildFile);
            if (Files.exists(file) && newer(file, recordedAt)) {
                return true;
            }
        }
        var sources = directory.resolve("src/main");
        if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
                if (files.anyMatch(file -> newer(file, recordedAt))) {
                    return true;
                }
            }
        }
        for (var entry : classpath) {
            // A snapshot reinstalled since (keyless's own, when its sources changed) is newer too.
            if (!Files.exists(entry) || newer(entry, recordedAt)) {
                return true;
            }
        }
        return false;
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    // The main class the POM gives exec:java. One the POM does not spell out (a property, a
    // parent's setting) leaves the program to Maven, which resolves it.
    private static Optional<String> declaredMainClass(Path pom) {
        try {
            var matcher = MAIN_CLASS.matcher(Files.readString(pom));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
