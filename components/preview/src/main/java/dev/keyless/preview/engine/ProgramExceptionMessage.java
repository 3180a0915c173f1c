package dev.keyless.preview.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The error Pulumi Java logs when a program throws, as a reader wants it. The SDK sends
 * {@code "Running program [PID: %d](%s) failed with an unhandled exception:\n%s"}: the whole
 * command line (kilobytes of classpath), then the stack trace (pulumi-java
 * {@code DeploymentImpl.DefaultRunner}). What the user needs is the exception's own message, first,
 * then its class and where it was thrown:
 * <pre>
 * namespace must be a DNS-1123 label (&lt;= 63 chars, [a-z0-9-]): 'Kube_System'
 *     at com.acme.App.stack(App.java:30) (dev.keyless.core.InvalidInputException)
 * </pre>
 * The exception is the innermost cause, since Pulumi wraps a program's exception in its own.
 */
public final class ProgramExceptionMessage {
    private static final Pattern SDK_HEADER =
            Pattern.compile("Running program \\[PID: \\d+\\]\\(.*\\) failed with an unhandled exception:");
    private static final Pattern CLASS_AND_MESSAGE = Pattern.compile("([\\w$.]+)(?:: (.*))?", Pattern.DOTALL);
    private static final String CAUSED_BY = "Caused by: ";

    private ProgramExceptionMessage() {
    }

    /**
     * @param logged an error message a program logged
     * @return the short form, when it is the SDK's report of an unhandled exception; else empty
     */
    public static Optional<String> of(String logged) {
        int lineEnd = logged.indexOf('\n');
        if (lineEnd < 0 || !SDK_HEADER.matcher(logged.substring(0, lineEnd)).matches()) {
            return Optional.empty();
        }
        return shortForm(logged.substring(lineEnd + 1));
    }

    // A stack trace as printStackTrace writes it: a header (one or more lines of "Class: message"),
    // its frames (tab-indented), then each cause as "Caused by: " with a header and frames of its own.
    private static Optional<String> shortForm(String stackTrace) {
        var header = new ArrayList<String>();
        String frame = null;
        boolean inHeader = true;
        for (var line : stackTrace.split("\n", -1)) {
            if (line.startsWith(CAUSED_BY)) {
                header = new ArrayList<>(List.of(line.substring(CAUSED_BY.length())));
                frame = null;
                inHeader = true;
            } else if (line.startsWith("\t") || line.isEmpty() && !inHeader) {
                inHeader = false;
                if (frame == null && line.startsWith("\tat ")) {
                    frame = line.substring("\tat ".length());
                }
            } else if (inHeader) {
                header.add(line);
            }
        }
        var text = String.join("\n", header).strip();
        var matcher = CLASS_AND_MESSAGE.matcher(text);
        if (text.isEmpty() || !matcher.matches()) {
            return Optional.empty();
        }
        var exceptionClass = matcher.group(1);
        var message = matcher.group(2) == null || matcher.group(2).isBlank() ? exceptionClass : matcher.group(2);
        var where = frame == null ? "    (" + exceptionClass + ")" : "    at " + frame + " (" + exceptionClass + ")";
        return Optional.of(message + "\n" + where);
    }
}
