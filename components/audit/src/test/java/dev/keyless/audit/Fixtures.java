package dev.keyless.audit;

import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanFormatException;
import dev.keyless.audit.plan.PlanReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test plans: the committed ones and one-resource plans written inline. */
public final class Fixtures {
    /** Pulumi's unknown value. */
    public static final String U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private Fixtures() {
    }

    /** The path of {@code plans/NAME} on the test classpath. */
    public static Path planFile(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/plans/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a test resource. */
    public static String text(String name) {
        try {
            return Files.readString(planFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan of the given {@link #step} documents. */
    public static Plan plan(String... resources) {
        try {
            return PlanReader.read("{\"steps\":[" + String.join(",", resources) + "]}");
        } catch (PlanFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * One step's JSON: {@code type} named {@code name} with {@code inputs} (JSON), and {@code extra}
     * state fields (JSON members, e.g. {@code "retainOnDelete":true}) or an empty string.
     */
    public static String step(String type, String name, String inputs, String extra) {
        String urn = urn(type, name);
        return "{\"op\":\"create\",\"urn\":\"" + urn + "\",\"newState\":{\"urn\":\"" + urn + "\",\"type\":\"" + type
                + "\",\"inputs\":" + inputs + (extra.isEmpty() ? "" : "," + extra) + "}}";
    }

    /** The URN {@link #step} gives a resource. */
    public static String urn(String type, String name) {
        return "urn:pulumi:dev::t::" + type + "::" + name;
    }
}
