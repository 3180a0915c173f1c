package dev.keyless.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workload's grants grouped by the cloud that holds them, in the user's order, each cloud's
 * checked for two grants with one child key (named by their positions in the user's list). Both a
 * {@link FederatedServiceAccount} and a {@link PipelineIdentity} plan one identity per group.
 */
final class GrantsByCloud {
    private final Map<Cloud, List<AccessGrant>> grants;

    private GrantsByCloud(Map<Cloud, List<AccessGrant>> grants) {
        this.grants = grants;
    }

    /**
     * @param name       the component's name, the prefix of the grants' children
     * @param all        the grants, in the user's order
     * @param first      a cloud that has an identity whatever the grants (the cluster's own), listed first
     * @param mechanisms the clouds the user gave a mechanism for: each has an identity too
     * @return the groups, {@code first} first, then in the order the grants name their clouds
     * @throws InvalidInputException when a grant names no cloud, or two of one cloud have one child key
     */
    static GrantsByCloud of(String name, List<AccessGrant> all, Optional<Cloud> first, Collection<Cloud> mechanisms) {
        var grants = new LinkedHashMap<Cloud, List<AccessGrant>>();
        var positions = new LinkedHashMap<Cloud, List<Integer>>();
        first.ifPresent(cloud -> {
            grants.put(cloud, new ArrayList<>());
            positions.put(cloud, new ArrayList<>());
        });
        for (int i = 0; i < all.size(); i++) {
            var grant = all.get(i);
            var cloud = Checks.notNull("grants[" + i + "].cloud()", grant.cloud(), "the cloud of grant " + grant.describe());
            grants.computeIfAbsent(cloud, c -> new ArrayList<>()).add(grant);
            positions.computeIfAbsent(cloud, c -> new ArrayList<>()).add(i);
        }
        for (var cloud : mechanisms) {
            grants.computeIfAbsent(cloud, c -> new ArrayList<>());
            positions.computeIfAbsent(cloud, c -> new ArrayList<>());
        }
        grants.forEach((cloud, ofCloud) -> BindingRequest.requireDistinctGrantKeys(name, ofCloud, positions.get(cloud)));
        return new GrantsByCloud(grants);
    }

    /** @return the clouds with an identity, in order */
    Set<Cloud> clouds() {
        return grants.keySet();
    }

    /**
     * @param cloud one of {@link #clouds()}
     * @return its grants, in the user's order
     */
    List<AccessGrant> of(Cloud cloud) {
        return List.copyOf(grants.get(cloud));
    }
}
