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
 * @param jsonFile         where to write the JSON document, if anywhere
 * @param help             whether only the usage was asked for
 */
public record PreviewArguments(Path programDirectory, Optional<String> mainClass, String stack,
                               Optional<Path> jsonFile, boolean help) {

    /** The stack previewed when none is named. */
    public static final String DEFAULT_STACK = "dev";

    /** How to call the command. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: PreviewCommand <program-dir> [--main <fully.qualified.MainClass>] [--stack <name>] [--json <file>]",
            "",
            "Runs the Pulumi Java program in <program-dir> as `pulumi preview` would, against a simulated",
            "cloud in this process, and shows what it would create. No cloud is called; no credentials are needed.",
            "",
            "  --main <class>  the program's main class (default: what the program's build configures)",
            "  --stack <name>  the stack whose Pulumi.<name>.yaml configures the program (default: " + DEFAULT_STACK + ")",
            "  --json <file>   also write the preview as JSON, shaped like `pulumi preview --json`",
            "  --help          print this and exit");

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
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    return new PreviewArguments(Path.of("."), Optional.empty(), DEFAULT_STACK, Optional.empty(), true);
                }
                case "--main" -> mainClass = valueOf(args, ++i, arg);
                case "--stack" -> stack = valueOf(args, ++i, arg);
                case "--json" -> json = Path.of(valueOf(args, ++i, arg));
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
        return new PreviewArguments(directory, Optional.ofNullable(mainClass), stack, Optional.ofNullable(json), false);
    }

    private static String valueOf(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
