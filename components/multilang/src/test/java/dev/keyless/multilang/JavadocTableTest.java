package dev.keyless.multilang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema's descriptions as read from Javadoc: text, parameters, markup, and a missing comment refused. */
class JavadocTableTest {
    private static final String SOURCE = """
            package dev.keyless.demo;

            /**
             * A demo cluster, with {@code exact} trust.
             *
             * <p>Not this paragraph.
             *
             * @param size   nodes, 1 to {@code 10}
             * @param shape  its shape
             */
            public record DemoOptions(int size, String shape) {
                /** Builds them. */
                public static final class Builder {
                    /**
                     * The cluster's name. Defaults to {@link DemoOptions#DEFAULT}.
                     *
                     * @param name 1 to 40 of {@code [a-z]}
                     * @return this builder
                     */
                    public Builder name(String name) {
                        return this;
                    }

                    /**
                     * Whether it is protected.
                     *
                     * @param protect whether to protect it
                     * @return this builder
                     */
                    public Builder protect(boolean protect) {
                        return this;
                    }

                    public Builder bare(String value) {
                        return this;
                    }
                }
            }
            """;

    @TempDir
    Path components;

    @Test
    void readsTextParametersAndMarkup() throws Exception {
        write();

        assertThat(JavadocTable.read(components, "demo/DemoOptions")).isEqualTo("A demo cluster, with `exact` trust.");
        assertThat(JavadocTable.read(components, "demo/DemoOptions@size")).isEqualTo("Nodes, 1 to `10`.");
        assertThat(JavadocTable.read(components, "demo/DemoOptions.Builder#name"))
                .isEqualTo("The cluster's name. Defaults to DemoOptions.DEFAULT. 1 to 40 of `[a-z]`.");
        // A parameter that only names the value adds nothing to the method's text.
        assertThat(JavadocTable.read(components, "demo/DemoOptions.Builder#protect")).isEqualTo("Whether it is protected.");
    }

    @Test
    void aMethodWithoutJavadocIsRefused() throws Exception {
        write();

        assertThatThrownBy(() -> JavadocTable.read(components, "demo/DemoOptions.Builder#bare"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no Javadoc for demo/DemoOptions.Builder#bare");
    }

    private void write() throws Exception {
        var file = components.resolve("demo/src/main/java/dev/keyless/demo/DemoOptions.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SOURCE);
    }
}
