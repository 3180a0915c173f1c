package dev.keyless.core;

/**
 * The "own cloud" mechanism of a {@link SelfManagedCluster}, which has none: every identity of a
 * workload there is a federation into the cloud its grants name. Planning it means the binding
 * named no cloud at all, and it refuses with what to give instead.
 */
final class NoNativeIdentity implements IdentityMechanism {
    static final Cloud NO_CLOUD = new Cloud("none", "no cloud", NoNativeIdentity::new);

    @Override
    public String displayName() {
        return "no native identity";
    }

    @Override
    public Cloud cloud() {
        return NO_CLOUD;
    }

    @Override
    public IdentityPlan plan(BindingRequest request) {
        throw InvalidInputException.of("grants", "none for " + request.account().namespace() + "/" + request.account().name()
                        + " on " + request.cluster().describe(),
                "at least one grant or mechanism of a cloud (e.g. S3Access, GcsAccess, BlobAccess, or mechanism(AwsCloud.CLOUD, ...)): "
                        + "a self-managed cluster has no cloud of its own, so each identity is a federation into the cloud that trusts its issuer");
    }
}
