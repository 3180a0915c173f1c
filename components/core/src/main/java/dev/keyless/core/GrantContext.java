package dev.keyless.core;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * Where a {@link ResourceGrant} registers itself.
 *
 * @param owner     the component the grant's resources are children of
 * @param baseName  the prefix of the children's names
 * @param waitFor   what must exist first (the identity, the cluster's workload pool)
 */
public record GrantContext(ComponentResource owner, String baseName, List<Resource> waitFor) {

    /** Copies the list. */
    public GrantContext {
        waitFor = List.copyOf(waitFor);
    }

    /**
     * @param grant the grant
     * @return the child name for it, {@code baseName-grant-KEY}
     */
    public String childName(ResourceGrant<?> grant) {
        return childName(baseName, grant);
    }

    /** The one place a grant's child name is made, for its registration and for the check that keys are distinct. */
    static String childName(String baseName, ResourceGrant<?> grant) {
        return baseName + "-grant-" + grant.key();
    }

    /** @return options that parent a resource to the owner and make it wait for {@link #waitFor()} */
    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(owner).dependsOn(waitFor).build();
    }
}
