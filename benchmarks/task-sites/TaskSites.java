import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler for benchmarks/task-sites.sh: Pulumi's Java SDK logs every task it
 * registers ("Registering task: ...") at FINEST from the code that creates it, so the stack of each
 * record says where the task comes from. Counts them by their first frames in the project's code
 * (or the benchmark's), and by the task's kind, and writes the counts at exit, most first.
 */
public class TaskSites extends Handler {
    private static final Map<String, LongAdder> SITES = new ConcurrentHashMap<>();
    private static final int DEPTH = Integer.getInteger("tasksites.depth", 3);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var out = new StringBuilder();
            SITES.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                    .forEach(e -> out.append(e.getValue().sum()).append('\t').append(e.getKey()).append('\n'));
            try {
                Files.writeString(Path.of(System.getProperty("tasksites.out")), out);
            } catch (Exception failure) {
                failure.printStackTrace();
            }
        }));
    }

    @Override
    public void publish(LogRecord record) {
        var message = record.getMessage();
        if (message == null || !message.startsWith("Registering task")) {
            return;
        }
        var site = new StringBuilder();
        int frames = DEPTH;
        for (var frame : new Throwable().getStackTrace()) {
            var type = frame.getClassName();
            if (type.startsWith("dev.keyless.") || type.startsWith("benchmarks.")) {
                if (site.length() > 0) {
                    site.append(" < ");
                }
                site.append(type.replace("dev.keyless.", "")).append('.').append(frame.getMethodName()).append(':').append(frame.getLineNumber());
                if (--frames == 0) {
                    break;
                }
            }
        }
        var key = (site.length() == 0 ? "(in the SDK only)" : site.toString()) + " | " + kind(message);
        SITES.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    // "Registering task: 'com.pulumi.core.internal.OutputInternal -> ...'" -> "com.pulumi.core.internal.OutputInternal"
    private static String kind(String message) {
        var kind = message.replaceFirst("^Registering task: '", "");
        int end = kind.indexOf(" ->");
        kind = end > 0 ? kind.substring(0, end) : kind;
        end = kind.indexOf(':');
        kind = end > 0 ? kind.substring(0, end) : kind;
        return kind.length() > 60 ? kind.substring(0, 60) : kind;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
