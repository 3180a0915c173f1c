package dev.keyless.audit;

import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanFormatException;
import dev.keyless.audit.plan.PlanReader;
import dev.keyless.audit.report.SarifReport;
import dev.keyless.audit.report.TextReport;
import dev.keyless.audit.rules.AuditRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * {@code keyless-audit PLAN.json [--sarif FILE] [--fail-on low|medium|high|critical]}: audits a
 * {@code pulumi preview --json} document ({@code -} reads it from standard input), prints one line
 * per finding and a summary, and optionally writes SARIF. Exit codes: 0 when no finding is at or
 * above the {@code --fail-on} severity (default high), 1 when one is, 2 when the command line
 * cannot be used, the plan cannot be read or is not a preview document, or the SARIF file cannot
 * be written.
 */
public final class AuditCommand {
    /** No finding at or above the threshold. */
    public static final int PASSED = 0;
    /** At least one finding at or above the threshold. */
    public static final int FAILED = 1;
    /** The command line, the plan or the SARIF file cannot be used. */
    public static final int UNUSABLE = 2;

    private static final String USAGE = """
            Usage: keyless-audit PLAN.json [--sarif FILE] [--fail-on low|medium|high|critical]

            Audits a `pulumi preview --json` document (PLAN.json, or - for standard input) for
            static cloud credentials and values built from them, trust wider than one
            ServiceAccount, wildcard and escalating grants, pods on the default ServiceAccount and
            unprotected stores, and prints one line per finding and a summary.

              --sarif FILE     also write the findings as SARIF 2.1.0, for code-scanning tools
              --fail-on LEVEL  the lowest severity that fails the audit (default: high)
              --help           this text

            Exit codes:
              0  no finding at or above the --fail-on severity
              1  a finding at or above the --fail-on severity
              2  the command line, the plan document or the SARIF file cannot be used
            """;

    private AuditCommand() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.in, System.out, System.err));
    }

    /** Runs the command with the given streams and returns its exit code. */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        AuditArguments arguments;
        try {
            arguments = AuditArguments.parse(args);
        } catch (UsageException e) {
            err.println("keyless-audit: " + e.getMessage());
            err.print(USAGE);
            return UNUSABLE;
        }
        if (arguments.help()) {
            out.print(USAGE);
            return PASSED;
        }
        boolean stdin = arguments.plan().toString().equals("-");
        Plan plan;
        try {
            String json = stdin ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(arguments.plan());
            plan = PlanReader.read(json);
        } catch (IOException e) {
            err.println("keyless-audit: cannot read " + arguments.plan() + ": " + e);
            return UNUSABLE;
        } catch (PlanFormatException e) {
            err.println("keyless-audit: " + arguments.plan() + ": " + e.getMessage());
            return UNUSABLE;
        }
        Auditor auditor = new Auditor(AuditRules.all());
        List<Finding> findings = auditor.audit(plan);
        out.print(TextReport.render(findings));
        if (arguments.sarif() != null) {
            try {
                Files.writeString(arguments.sarif(), SarifReport.render(auditor.rules(), findings,
                        stdin ? null : arguments.plan().toString()));
            } catch (IOException e) {
                err.println("keyless-audit: cannot write " + arguments.sarif() + ": " + e);
                return UNUSABLE;
            }
        }
        return findings.stream().anyMatch(f -> f.severity().atLeast(arguments.failOn())) ? FAILED : PASSED;
    }
}
