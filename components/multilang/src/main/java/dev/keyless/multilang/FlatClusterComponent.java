package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A created cluster for programs in other languages ({@code keyless:index:EksCluster},
 * {@code GkeCluster}, {@code AksCluster}): the typed cluster component as its one child, named as
 * the flat component is. Its outputs are the fields of a {@code ClusterReference} by the same names
 * ({@code cloud}, {@code name}, ...), so a program passes them to a FederatedServiceAccount's
 * {@code cluster} as they are.
 */
final class FlatClusterComponent extends ComponentResource {
    private final Map<String, Output<?>> outputs;

    /**
     * @param type     the flat type token
     * @param name     the component's name, also its typed child's
     * @param options  the component's options as the engine sent them
     * @param children registers the typed cluster under the given parent and returns the outputs by schema name
     */
    FlatClusterComponent(String type, String name, ComponentResourceOptions options, Function<Resource, Map<String, Output<?>>> children) {
        super(type, name, options);
        this.outputs = Map.copyOf(children.apply(this));
        registerOutputs(outputs);
    }

    /** @return the outputs, by the names the schema declares */
    Map<String, Output<?>> outputs() {
        return outputs;
    }

    /**
     * @param cloud the reference's {@code cloud}
     * @param name  the reference's {@code name}: the component's
     * @return the outputs every cluster starts with, in the schema's order
     */
    static Map<String, Output<?>> reference(String cloud, String name) {
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("cloud", Output.of(cloud));
        outputs.put("name", Output.of(name));
        return outputs;
    }

    /**
     * Runs a typed builder's checks, reporting their field at the flat path: the typed option
     * names are the flat ones, but a nested object's are given relative to it.
     *
     * @param object the flat object the typed fields are in, e.g. {@code nodeGroup}
     * @param typed  the typed API's name of that object in its messages, e.g. {@code nodeGroup}
     * @param check  the typed checks
     * @return what they return
     */
    static <T> T within(FlatValue object, String typed, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            var field = e.field();
            if (object.path().isEmpty() || field.startsWith(object.path() + ".") || field.equals(object.path())) {
                throw e;
            }
            var relative = field.equals(typed) || field.startsWith(typed + ".") || field.startsWith(typed + " ")
                    ? field.substring(typed.length()) : "." + field;
            throw e.at(object.path() + relative);
        }
    }
}
