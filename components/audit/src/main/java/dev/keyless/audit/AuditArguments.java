package dev.keyless.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line: {@code PLAN.json [--sarif FILE] [--fail-on SEVERITY]}, or {@code --help}.
 *
 * @param plan   the preview document
 * @param sarif  where to write the SARIF log, or null for none
 * @param failOn the lowest severity that makes the command exit 1
 * @param help   whether only the usage was asked for
 */
public record AuditArguments(Path plan, Path sarif, Severity failOn, boolean help) {

    /** Parses {@code args}; {@code --help} anywhere wins over everything else. */
    public static AuditArguments parse(List<String> args) throws UsageException {
        if (args.contains("--help") || args.contains("-h")) {
            return new AuditArguments(null, null, Severity.HIGH, true);
        }
        Path plan = null;
        Path sarif = null;
        Severity failOn = Severity.HIGH;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--sarif" -> sarif = Path.of(value(args, ++i, arg));
                case "--fail-on" -> {
                    try {
                        failOn = Severity.parse(value(args, ++i, arg));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--fail-on: " + e.getMessage());
                    }
                }
                default -> {
                    if (arg.startsWith("-") && !arg.equals("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (plan != null) {
                        throw new UsageException("one plan only; got " + plan + " and " + arg);
                    }
                    plan = Path.of(arg);
                }
            }
        }
        if (plan == null) {
            throw new UsageException("no plan given");
        }
        return new AuditArguments(plan, sarif, failOn, false);
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
