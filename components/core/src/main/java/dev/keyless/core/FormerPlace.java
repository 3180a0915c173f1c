package dev.keyless.core;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResourceOptions;

/**
 * Aliases that keep a resource's state when it moves under a component it was not registered in
 * before: a URN names the resource's parents' types, so a new parent is a new URN, and without an
 * alias the engine would replace the resource (deleting the old one) instead of keeping it.
 *
 * <p>Each alias names the place the resource had: no parent at all (the top of the stack), or the
 * former top-level parent by type and name. The engine resolves them to the former URN
 * (pulumi/pulumi {@code stepGenerator.collapseAliasToUrn}, pkg/resource/deploy/step_generator.go).
 */
public final class FormerPlace {
    private FormerPlace() {
    }

    /**
     * Whether a component's children may have had a former place: only a component registered at the
     * top of the stack was, before it existed, a set of top-level resources. One given a parent is a
     * new use, with no earlier state to keep.
     *
     * @param options the component's options, may be null
     * @return true when the component has no explicit parent
     */
    public static boolean applies(ComponentResourceOptions options) {
        return options == null || options.getParent().isEmpty();
    }

    /** @return an alias to the URN the resource had at the top of the stack */
    public static Alias topLevel() {
        return Alias.noParent();
    }

    /**
     * @param parentType the type token of the resource's former parent, itself at the top of the stack
     * @param parentName that parent's logical name
     * @return an alias to the URN the resource had under that parent
     */
    public static Alias under(String parentType, String parentName) {
        return Alias.builder().parentUrn(Output.of(topLevelUrn(parentType, parentName))).build();
    }

    /**
     * @param type a type token
     * @param name a logical name
     * @return the URN a resource of that type and name has at the top of the running stack
     */
    public static String topLevelUrn(String type, String name) {
        var deployment = Deployment.getInstance();
        return "urn:pulumi:" + deployment.getStackName() + "::" + deployment.getProjectName() + "::" + type + "::" + name;
    }
}
