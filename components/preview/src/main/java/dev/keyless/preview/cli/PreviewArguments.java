package dev.keyless.preview.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the command line asked for.
 *
 * @param programDirectory the folder holding {@code Pulumi.yaml}
 * @param mainClass        the program's main class, when the build does not name it
 * @param stack            the stack to preview
 * @param jsonFile         where to write the JSON document, if anywhere; {@value #STANDARD_OUTPUT} for standard output
 * @param diagramFile      where to write the trust chains as Markdown with Mermaid diagrams, if anywhere
 * @param help             whether only the usage was asked for
 */
public record PreviewArguments(Path programDirectory, Optional<String> mainClass, String stack,
                               Optional<Path> jsonFile, Optional<Path> diagramFile, boolean help) {

    /** The stack previewed when none is named. */
    public static final String DEFAULT_STACK = "dev";

    /** The value of {@code --json} that sends the document to standard output. */
    public static final String STANDARD_OUTPUT = "-";

    /**
     * How to call the command.
     *
     * @param command the name the user types, e.g. {@code keyless-preview}
     * @return the usage text, lines separated by the platform's line separator
     */
    public static String usage(String command) {
        return String.join(System.lineSeparator(),
                "Usage: " + command + " <program-dir> [--main <fully.qualified.MainClass>] [--stack <name>] [--json <file>|-] [--diagram <file>]",
                "",
                "Runs the Pulumi Java program in <program-dir> as `pulumi preview` would, against a simulated",
                "cloud in this process, and shows what it would create. No cloud is called; no credentials are needed.",
                "",
                "  --main <class>  the program's main class (default: what the program's build configures)",
                "  --stack <name>  the stack whose Pulumi.<name>.yaml configures the program (default: " + DEFAULT_STACK + ")",
                "  --json <file>   also write the preview as JSON, shaped like `pulumi preview --json`;",
                "                  with '-', write only the JSON, to standard output",
                "  --diagram <file> also write each workload's trust chain (issuer, trust, identity, grants,",
                "                  ServiceAccount, pods) as Markdown with Mermaid diagrams, which GitHub renders",
                "  --help, -h      print this and exit",
                "",
                "Exit codes:",
                "  0  the program ran to the end without an error",
                "  1  the program failed (it threw, logged an error, or could not be started)",
                "  2  the command line, Pulumi.yaml or Pulumi.<stack>.yaml cannot be used");
    }

    /** @return whether the JSON document goes to standard output instead of the text report */
    public boolean jsonToStandardOutput() {
        return jsonFile.map(file -> file.toString().equals(STANDARD_OUTPUT)).orElse(false);
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments
     * @return what they ask for
     * @throws UsageException when they are not a valid command line
     */
    public static PreviewArguments parse(List<String> args) throws UsageException {
        Path directory = null;
        String mainClass = null;
        String stack = DEFAULT_STACK;
        Path json = null;
        Path diagram = null;
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    return new PreviewArguments(Path.of("."), Optional.empty(), DEFAULT_STACK, Optional.empty(), Optional.empty(), true);
                }
                case "--main" -> mainClass = valueOf(args, ++i, arg);
                case "--stack" -> stack = valueOf(args, ++i, arg);
                case "--json" -> json = Path.of(valueOf(args, ++i, arg));
                case "--diagram" -> diagram = Path.of(valueOf(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    if (directory != null) {
                        throw new UsageException("one program directory expected, got '" + directory + "' and '" + arg + "'");
                    }
                    directory = Path.of(arg);
                }
            }
        }
        if (directory == null) {
            throw new UsageException("the program directory is missing");
        }
        if (mainClass != null && !mainClass.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
            throw new UsageException("--main expects a fully qualified class name, got '" + mainClass + "'");
        }
        if (!stack.matches("[A-Za-z0-9_.-]+")) {
            throw new UsageException("--stack expects a stack name (letters, digits, '-', '_', '.'), got '" + stack + "'");
        }
        return new PreviewArguments(directory, Optional.ofNullable(mainClass), stack, Optional.ofNullable(json), Optional.ofNullable(diagram), false);
    }

    private static String valueOf(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
