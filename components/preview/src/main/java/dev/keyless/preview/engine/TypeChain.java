package dev.keyless.preview.engine;

/**
 * The engine's rule for a URN's type chain: a resource's qualified type is its parent's qualified
 * type, {@code $}, then its own type, except that the root stack's type is left out, so a resource
 * parented to the stack is {@code urn:pulumi:STACK::PROJECT::TYPE::NAME}.
 *
 * <p>Read from pulumi/pulumi: {@code Deployment.generateURN} in pkg/resource/deploy/deployment.go
 * ("Skip empty parents and don't use the root stack type; otherwise, use the full qualified type"),
 * and the engine's own check of that form in pkg/resource/deploy
 * ({@code validateStateMigrationResult}: "resource %s has parent %s but qualified type %s;
 * expected %s"). Pulumi Java's {@code MockMonitor} builds URNs with {@code Urn.create}, which chains
 * every parent's type, the stack's included.
 */
public final class TypeChain {
    private static final String SEPARATOR = "::";

    private TypeChain() {
    }

    /**
     * @param urn a URN
     * @return its qualified type (the type chain), e.g. {@code keyless:core:FederatedServiceAccount$aws:iam/role:Role}
     * @throws IllegalArgumentException when it is not a URN
     */
    public static String qualifiedType(String urn) {
        var parts = urn.split(SEPARATOR, -1);
        if (parts.length != 4 || !parts[0].startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME): '" + urn + "'");
        }
        return parts[2];
    }

    /**
     * @param parentUrn a parent's URN, or empty
     * @return whether a child's type chain starts from nothing under it: no parent, or the root stack
     */
    public static boolean startsAfresh(String parentUrn) {
        return parentUrn.isEmpty() || RegisteredResource.STACK_TYPE.equals(qualifiedType(parentUrn));
    }

    /**
     * @param parentUrn the parent's URN, empty for none
     * @param type      the resource's own type
     * @return the qualified type the engine gives it
     */
    public static String of(String parentUrn, String type) {
        return startsAfresh(parentUrn) ? type : qualifiedType(parentUrn) + "$" + type;
    }
}
