package dev.keyless.core;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rules for a mechanism's {@code alsoTrustedBy} option, which widens one identity's trust to
 * the same ServiceAccount in other clusters: the other clusters are others, each named once. One
 * place for every cloud whose mechanism offers the option (IRSA, Entra Workload ID).
 */
public final class AlsoTrustedClusters {
    /** The option's name, as the mechanisms' builders call it. */
    public static final String FIELD = "alsoTrustedBy";

    private AlsoTrustedClusters() {
    }

    /**
     * @param own    the cluster the ServiceAccount is bound in
     * @param others the clusters the identity also trusts
     * @param <C>    the clusters' type
     * @return the other clusters
     * @throws InvalidInputException when the own cluster is among them, or one is named twice
     */
    public static <C extends OidcCluster> List<C> requireOthers(OidcCluster own, List<C> others) {
        if (others.contains(own)) {
            throw InvalidInputException.of(FIELD, own.describe(), "a cluster other than the ServiceAccount's own");
        }
        if (new LinkedHashSet<>(others).size() != others.size()) {
            throw InvalidInputException.of(FIELD, others.stream().map(OidcCluster::describe).toList(), "a list without repeats");
        }
        return others;
    }
}
