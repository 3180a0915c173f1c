package dev.keyless.preview.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as the engine received it, with what the simulated cloud answered.
 *
 * @param urn                  the resource's URN
 * @param type                 its type token, e.g. {@code aws:iam/role:Role}
 * @param name                 its logical name
 * @param parentUrn            the parent's URN, empty for the stack itself
 * @param custom               false for components (and the stack)
 * @param read                 true when the program read an existing resource ({@code get}) instead of creating one
 * @param id                   the id the simulated cloud gave it, empty for components
 * @param providerReference    the explicit provider reference ({@code urn::id}), empty for the default provider
 * @param inputs               the inputs as the program sent them, secrets marked
 * @param outputs              the outputs: cloud-computed values for custom resources, registered outputs for components
 * @param dependencies         URNs this resource depends on
 * @param propertyDependencies per input property, the URNs it was computed from
 * @param protect              whether {@code pulumi destroy} must refuse to delete it
 * @param retainOnDelete       whether deleting it from the stack leaves the cloud resource in place
 * @param deleteBeforeReplace  whether a replacement deletes the old resource first
 * @param importId             the id of an existing cloud resource to adopt, empty otherwise
 * @param packageVersion       the version of the provider package the program's SDK asked for, empty when it named none
 * @param additionalSecretOutputs the outputs the program asked the engine to keep secret, in the order it named them
 * @param aliases              the former URNs the program named through aliases, resolved as the engine resolves them
 */
public record RegisteredResource(
        String urn,
        String type,
        String name,
        String parentUrn,
        boolean custom,
        boolean read,
        String id,
        String providerReference,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        List<String> dependencies,
        Map<String, List<String>> propertyDependencies,
        boolean protect,
        boolean retainOnDelete,
        boolean deleteBeforeReplace,
        String importId,
        String packageVersion,
        List<String> additionalSecretOutputs,
        List<String> aliases) {

    /**
     * A resource registered without aliases.
     *
     * @param urn                     the resource's URN
     * @param type                    its type token
     * @param name                    its logical name
     * @param parentUrn               the parent's URN, empty for the stack itself
     * @param custom                  false for components (and the stack)
     * @param read                    true when the program read an existing resource
     * @param id                      the id the simulated cloud gave it
     * @param providerReference       the explicit provider reference, empty for the default provider
     * @param inputs                  the inputs as the program sent them
     * @param outputs                 the outputs
     * @param dependencies            URNs this resource depends on
     * @param propertyDependencies    per input property, the URNs it was computed from
     * @param protect                 whether {@code pulumi destroy} must refuse to delete it
     * @param retainOnDelete          whether deleting it leaves the cloud resource in place
     * @param deleteBeforeReplace     whether a replacement deletes the old resource first
     * @param importId                the id of an existing cloud resource to adopt
     * @param packageVersion          the provider package version the SDK asked for
     * @param additionalSecretOutputs the outputs the program asked the engine to keep secret
     */
    public RegisteredResource(String urn, String type, String name, String parentUrn, boolean custom, boolean read,
                              String id, String providerReference, Map<String, Object> inputs, Map<String, Object> outputs,
                              List<String> dependencies, Map<String, List<String>> propertyDependencies, boolean protect,
                              boolean retainOnDelete, boolean deleteBeforeReplace, String importId, String packageVersion,
                              List<String> additionalSecretOutputs) {
        this(urn, type, name, parentUrn, custom, read, id, providerReference, inputs, outputs, dependencies,
                propertyDependencies, protect, retainOnDelete, deleteBeforeReplace, importId, packageVersion,
                additionalSecretOutputs, List.of());
    }

    /** The type token of the root stack resource. */
    public static final String STACK_TYPE = "pulumi:pulumi:Stack";

    /** @return whether this is the stack itself */
    public boolean isStack() {
        return STACK_TYPE.equals(type);
    }

    /** @return the Pulumi package its type token starts with, e.g. {@code aws} */
    public String packageName() {
        return isProvider() ? type.substring("pulumi:providers:".length()) : type.substring(0, Math.max(0, type.indexOf(':')));
    }

    /** @return whether this is a provider instance ({@code pulumi:providers:*}) */
    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /**
     * Reads a nested input by a dotted path, e.g. {@code metadata.annotations}.
     *
     * @param path dot-separated keys
     * @return the value, or empty when any step is missing; a secret on the way is looked through,
     *     a secret at the end is returned as its {@link SecretValue}
     */
    public Optional<Object> input(String path) {
        return PropertyPath.find(inputs, path);
    }

    /**
     * Reads a nested output by a dotted path.
     *
     * @param path dot-separated keys
     * @return the value, or empty when any step is missing
     */
    public Optional<Object> output(String path) {
        return PropertyPath.find(outputs, path);
    }

    /**
     * Returns the provider URN of an explicit provider reference.
     *
     * @return the provider's URN, empty for the default provider
     */
    public String providerUrn() {
        int separator = providerReference.lastIndexOf("::");
        return separator < 0 ? providerReference : providerReference.substring(0, separator);
    }
}
