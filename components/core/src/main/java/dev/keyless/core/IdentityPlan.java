package dev.keyless.core;

import com.pulumi.resources.ComponentResource;

/** A binding an {@link IdentityMechanism} has checked, ready to register. */
public interface IdentityPlan {

    /**
     * Registers the cloud side (identity, trust, grants) as children of {@code owner}.
     *
     * @param owner the component the cloud resources are children of
     * @return what the Kubernetes side must carry
     */
    CloudBinding bind(ComponentResource owner);
}
