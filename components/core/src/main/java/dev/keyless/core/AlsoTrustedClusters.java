package dev.keyless.core;

import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

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

    /**
     * The keys the other clusters' children are named by ({@code NAME-sa-KEY},
     * {@code NAME-credential-KEY}), one per cluster and all distinct. A cluster's key is its
     * component name, as it has always been, while no other cluster in the list has that name; two
     * that share one (a created and an adopted cluster both called {@code blue}) each add their kind,
     * from their type token: {@code blue-aks-cluster}, {@code blue-adopted-aks-cluster}. A list that
     * could be given before had no shared names, so no existing child is renamed.
     *
     * @param others the clusters the identity also trusts, as {@link #requireOthers} returns them
     * @return their keys, in the same order
     * @throws InvalidInputException when two clusters share both name and kind (possible only under
     *                               different parents), so no key tells them apart
     */
    public static List<String> childKeys(List<? extends OidcCluster> others) {
        return childKeys(others, AlsoTrustedClusters::componentName);
    }

    /**
     * As {@link #childKeys(List)}, with the name each cluster's children have always been keyed by
     * given by the cloud (its clusters' logical names, which stand-ins that are not resources have too).
     *
     * @param others        the clusters the identity also trusts
     * @param componentName the name a cluster's children are keyed by
     * @param <C>           the clusters' type
     * @return their keys, in the same order
     * @throws InvalidInputException when two clusters share both name and kind
     */
    public static <C extends OidcCluster> List<String> childKeys(List<? extends C> others, java.util.function.Function<? super C, String> componentName) {
        var names = others.stream().map(componentName).toList();
        var counts = new HashMap<String, Integer>();
        names.forEach(name -> counts.merge(name, 1, Integer::sum));
        var keys = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < others.size(); i++) {
            var name = names.get(i);
            var key = counts.get(name) == 1 ? name : name + "-" + kind(others.get(i));
            if (!seen.add(key)) {
                throw InvalidInputException.of(FIELD, others.get(i).describe(),
                        "a cluster whose component name and type no other alsoTrustedBy cluster shares (each names the "
                                + "children NAME-credential-" + key + " and NAME-sa-" + key + ")");
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    /** @return the cluster's Pulumi name, which prefixes what keyless registers in it */
    static String componentName(OidcCluster cluster) {
        return cluster instanceof Resource resource ? resource.pulumiResourceName() : "cluster";
    }

    // keyless:azure:AdoptedAksCluster -> adopted-aks-cluster
    private static String kind(OidcCluster cluster) {
        var type = cluster instanceof Resource resource ? resource.pulumiResourceType() : cluster.getClass().getSimpleName();
        var last = type.substring(type.lastIndexOf(':') + 1);
        return last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
