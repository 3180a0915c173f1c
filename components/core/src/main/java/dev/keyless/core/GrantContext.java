package dev.keyless.core;

import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a {@link ResourceGrant} registers itself.
 *
 * @param owner           the component the grant's resources are children of
 * @param baseName        the prefix of the children's names
 * @param waitFor         what must exist first (the identity, the cluster's workload pool)
 * @param formerKeysKept  the {@link ResourceGrant#formerKey() former keys} whose children's state the
 *                        grants carry on, through an alias; see {@link #forGrants}
 */
public record GrantContext(ComponentResource owner, String baseName, List<Resource> waitFor, Set<String> formerKeysKept) {

    /** Copies the lists. */
    public GrantContext {
        waitFor = List.copyOf(waitFor);
        formerKeysKept = Set.copyOf(formerKeysKept);
    }

    /** A context that carries no former child over: every grant is registered under its key alone. */
    public GrantContext(ComponentResource owner, String baseName, List<Resource> waitFor) {
        this(owner, baseName, waitFor, Set.of());
    }

    /**
     * A context for one workload's grants, carrying each grant's former child over to its new key.
     *
     * <p>A former key is carried over only when it is unambiguous: no other of the grants has it as
     * its key or its former key. Two grants with one former key were refused as duplicates before
     * their keys changed, so at most one of them has state under it; an alias from both would hand
     * that state to both, and a grant whose key is the former key already owns it.
     *
     * @param owner    the component the grant's resources are children of
     * @param baseName the prefix of the children's names
     * @param waitFor  what must exist first
     * @param grants   every resource grant of the workload
     * @return the context
     */
    public static GrantContext forGrants(ComponentResource owner, String baseName, List<Resource> waitFor,
                                         List<? extends ResourceGrant<?>> grants) {
        var keys = new HashSet<String>();
        var formerKeyHolders = new HashMap<String, Integer>();
        for (var grant : grants) {
            keys.add(grant.key());
            grant.formerKey().ifPresent(former -> formerKeyHolders.merge(former, 1, Integer::sum));
        }
        var kept = new HashSet<String>();
        formerKeyHolders.forEach((former, holders) -> {
            if (holders == 1 && !keys.contains(former)) {
                kept.add(former);
            }
        });
        return new GrantContext(owner, baseName, waitFor, kept);
    }

    /**
     * @param grant the grant
     * @return the child name for it, {@code baseName-grant-KEY}
     */
    public String childName(ResourceGrant<?> grant) {
        return childName(baseName, grant.key());
    }

    /** The one place a grant's child name is made, for its registration and for the check that keys are distinct. */
    static String childName(String baseName, String key) {
        return baseName + "-grant-" + key;
    }

    /** @return options that parent a resource to the owner and make it wait for {@link #waitFor()} */
    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(owner).dependsOn(waitFor).build();
    }

    /**
     * Options for a grant's child: parented to the owner, waiting for {@link #waitFor()}, and, when
     * its {@link ResourceGrant#formerKey() former key} is kept, aliased from its former name, so a
     * grant registered under its former name is neither replaced nor, worse, deleted after its
     * replacement was created (deleting a bucket IAM member removes the binding both name).
     *
     * @param grant the grant the child belongs to
     * @return the options
     */
    public CustomResourceOptions options(ResourceGrant<?> grant) {
        var options = CustomResourceOptions.builder().parent(owner).dependsOn(waitFor);
        grant.formerKey().filter(formerKeysKept::contains)
                .ifPresent(former -> options.aliases(Alias.builder().name(childName(baseName, former)).build()));
        return options.build();
    }
}
