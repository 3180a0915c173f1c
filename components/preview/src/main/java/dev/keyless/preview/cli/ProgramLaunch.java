package dev.keyless.preview.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.project.PulumiProject;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How Pulumi's Java language host starts a program: the command, the folder it runs in, and the
 * environment through which the program's SDK finds the engine and its stack.
 *
 * @param command     the command and its arguments
 * @param directory   the working directory
 * @param environment the variables added to this process's environment
 * @param firstPhase  what the launch does before the program runs, for the progress line
 */
public record ProgramLaunch(List<String> command, Path directory, Map<String, String> environment, String firstPhase) {

    // Pulumi's default for `--parallel`; the Java SDK reads it but a simulation has nothing to throttle.
    private static final String PARALLEL = "16";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * JVM options for a program that runs for seconds against a simulated engine: the quick JIT
     * and the serial collector start faster, and a common pool of 4 keeps Java's
     * {@code CompletableFuture} from starting a thread per async task on machines with fewer than
     * 3 cores, which Pulumi's SDK otherwise does for every step of its task loop. None of them
     * changes what the program registers.
     */
    static final List<String> SHORT_RUN_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");

    /**
     * Plans a launch.
     *
     * @param project       the program's project
     * @param mainClass     the main class to run, when the build does not name it
     * @param settings      the stack it runs as
     * @param engineAddress the {@code host:port} serving the engine and monitor protocols
     * @return the launch
     * @throws UsageException when the program has neither a Maven build nor a binary, or when its
     *                        configuration is larger than Linux lets the language host pass it
     */
    public static ProgramLaunch of(PulumiProject project, Optional<String> mainClass, StackSettings settings,
                                   String engineAddress) throws UsageException {
        var directory = project.programDirectory();
        var environment = environment(project, settings, engineAddress);
        ConfigVariableLimit.require(environment.get(ConfigVariableLimit.VARIABLE), settings.stack());
        if (project.binary().isPresent()) {
            var command = binaryCommand(directory.resolve(project.binary().get()).toAbsolutePath().normalize(), mainClass);
            return new ProgramLaunch(command, directory, environment,
                    "starting the program (java " + String.join(" ", command.subList(1, command.size())) + ")");
        }
        requireMavenBuild(directory);
        var compiled = CompiledProgram.reusable(directory, mainClass);
        if (compiled.isPresent()) {
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The JVM options Maven's JVM would have run the program with: the user's MAVEN_OPTS, then ours.
            var options = new ArrayList<>(List.of(SdkLogging.jvmOption()));
            options.addAll(userMavenOptions());
            options.addAll(SHORT_RUN_JVM_OPTIONS);
            return new ProgramLaunch(compiled.get().command(java, options), directory, environment,
                    "starting the program (compiled, and unchanged since the last preview: Maven skipped)");
        }
        return new ProgramLaunch(mavenCommand(directory, mainClass), directory, environment, "compiling the program (mvn compile)");
    }

    /** @return whether Maven compiles the program in this launch (and records its classpath) */
    public boolean compiles() {
        return command.contains("compile");
    }

    private static List<String> binaryCommand(Path jar, Optional<String> mainClass) throws UsageException {
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("runtime.options.binary names " + jar + ", which does not exist: build it first");
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>(List.of(java));
        command.add(SdkLogging.jvmOption());
        command.addAll(SHORT_RUN_JVM_OPTIONS);
        mainClass.ifPresentOrElse(main -> command.addAll(List.of("-cp", jar.toString(), main)),
                () -> command.addAll(List.of("-jar", jar.toString())));
        return List.copyOf(command);
    }

    private static void requireMavenBuild(Path directory) throws UsageException {
        if (!Files.isRegularFile(directory.resolve("pom.xml"))) {
            throw new UsageException("no pom.xml in " + directory.toAbsolutePath().normalize()
                    + " and no runtime.options.binary in Pulumi.yaml: the preview builds Java programs with Maven");
        }
    }

    private static List<String> mavenCommand(Path directory, Optional<String> mainClass) {
        var command = new ArrayList<String>();
        // A project's Maven wrapper pins the Maven version it was written for; Pulumi prefers it too.
        var wrapper = directory.resolve("mvnw");
        command.add(Files.isExecutable(wrapper) ? wrapper.toAbsolutePath().toString() : "mvn");
        command.addAll(List.of("--no-transfer-progress", "-q", "-B", "compile"));
        // Maven records the classpath as it goes, so the next run can skip it if nothing changes.
        command.addAll(CompiledProgram.recordingGoal(directory));
        command.add("exec:java");
        mainClass.ifPresent(main -> command.add("-Dexec.mainClass=" + main));
        return List.copyOf(command);
    }

    static List<String> userMavenOptions() {
        var options = Optional.ofNullable(System.getenv("MAVEN_OPTS")).orElse("").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static Map<String, String> environment(PulumiProject project, StackSettings settings, String engineAddress) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("PULUMI_MONITOR", engineAddress);
        environment.put("PULUMI_ENGINE", engineAddress);
        environment.put("PULUMI_PROJECT", settings.project());
        environment.put("PULUMI_STACK", settings.stack());
        environment.put("PULUMI_ORGANIZATION", settings.organization());
        environment.put("PULUMI_DRY_RUN", "true");
        environment.put("PULUMI_PARALLEL", PARALLEL);
        environment.put(ConfigVariableLimit.VARIABLE, json(new TreeMap<>(settings.config())));
        environment.put("PULUMI_CONFIG_SECRET_KEYS", json(settings.secretKeys().stream().sorted().toList()));
        environment.put("PULUMI_ROOT_DIRECTORY", project.directory().toAbsolutePath().normalize().toString());
        // exec:java runs the program inside Maven's JVM: the options go there, after the user's own.
        var userOptions = Optional.ofNullable(System.getenv("MAVEN_OPTS")).orElse("");
        environment.put("MAVEN_OPTS", (SdkLogging.jvmOption() + " " + userOptions + " "
                + String.join(" ", SHORT_RUN_JVM_OPTIONS)).replaceAll("\\s+", " ").strip());
        return environment;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
