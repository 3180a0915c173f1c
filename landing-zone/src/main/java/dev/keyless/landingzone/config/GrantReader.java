package dev.keyless.landingzone.config;

import dev.keyless.core.AccessGrant;
import dev.keyless.core.IdentityMechanism;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a {@code grants} list (of a workload or a pipeline): each grant names a store under
 * {@code stores}, one of the accesses of the store's kind, and for buckets an object prefix. Each
 * grant is built once from the store as planning sees it (a stand-in for a store created here),
 * so a refusal of the grant's own rules is reported at its config path, and the owner's plan
 * checks the rules that span its grants.
 */
final class GrantReader {
    private static final List<String> GRANT_KEYS = List.of("store", "access", "prefix");

    private final Map<Cloud, CloudKit> kits;
    private final Map<String, Cloud> stores;
    private final Map<String, StoreSpec> storeSpecs;

    /**
     * @param kits       what each cloud's stores take
     * @param stores     every declared store's cloud, also of stores with problems
     * @param storeSpecs the stores read without a problem
     */
    GrantReader(Map<Cloud, CloudKit> kits, Map<String, Cloud> stores, Map<String, StoreSpec> storeSpecs) {
        this.kits = kits;
        this.stores = stores;
        this.storeSpecs = storeSpecs;
    }

    /**
     * @param owner the workload's or pipeline's map
     * @return its grants, in config order, each with the grant planning builds for it (empty when its
     *     store had a problem of its own)
     */
    List<Read> read(ConfigNode owner) {
        var grants = new ArrayList<Read>();
        var granted = new HashSet<String>();
        for (var grant : owner.objectList("grants")) {
            var mark = grant.problems().count();
            grant.allowOnly(GRANT_KEYS);
            var store = grant.requiredText("store", "the key of a store under stores");
            var prefix = grant.text("prefix");
            if (store.isEmpty()) {
                continue;
            }
            var storeCloud = stores.get(store.get());
            if (storeCloud == null) {
                grant.problems().add(grant.path("store"), undefined("store", store.get(), stores.keySet()));
                continue;
            }
            if (!granted.add(store.get())) {
                grant.problems().add(grant.path("store"), "'" + store.get() + "' is granted twice; give one grant per store");
            }
            var spec = Optional.ofNullable(storeSpecs.get(store.get()));
            // A store with problems of its own was reported where it is; its accesses are unknown.
            var accesses = spec.map(StoreSpec::accesses).orElse(null);
            var access = grant.has("access")
                    ? (accesses == null ? grant.text("access") : grant.oneOf("access", accesses))
                    : grant.requiredText("access", accesses == null ? "what the grant allows" : "one of " + String.join(", ", accesses));
            if (prefix.isPresent() && spec.isPresent() && !spec.get().kind().equals("bucket") && !spec.get().kind().equals("container")) {
                grant.problems().add(grant.path("prefix"), "is for buckets; '" + store.get() + "' is a " + spec.get().kind());
            } else {
                // A store of another cloud is reached through a federation of the cluster's issuer:
                // EKS, GKE and AKS issuers are all public, so every cloud can trust every cluster here.
                prefix.ifPresent(value -> kits.get(storeCloud).checkPrefix(grant, value));
            }
            if (access.isEmpty()) {
                continue;
            }
            var planned = Optional.<AccessGrant>empty();
            if (spec.isPresent() && grant.problems().count() == mark) {
                planned = Optional.ofNullable(grant.problems().attemptIn(grant, () -> spec.get().planned().get().grant(access.get(), prefix)));
            }
            grants.add(new Read(new GrantSpec(store.get(), access.get(), prefix), planned));
        }
        return grants;
    }

    /**
     * The federation a workload's or pipeline's grants of another cloud are planned with while the
     * config is read: the one its stores need, else the cloud kit's stand-in for the cloud's
     * default ({@link CloudKit#plannedFederation}), which checks the same rules and registers
     * nothing.
     *
     * @param cloud       the grants' cloud
     * @param federations the owner's federations by cloud ({@link #federations})
     * @return the federation to plan
     */
    IdentityMechanism plannedFederation(dev.keyless.core.Cloud cloud, Map<dev.keyless.core.Cloud, Supplier<IdentityMechanism>> federations) {
        return federations.containsKey(cloud) ? federations.get(cloud).get() : kits.get(Cloud.of(cloud.name())).plannedFederation(cloud);
    }

    /**
     * The federations into clouds other than the owner's that its grants' stores need, where the
     * cloud's default federation cannot place the identity from the grants alone (see
     * {@link CloudKit#federation}).
     *
     * @param grants the owner's grants, read without a problem
     * @param own    the owner's own cloud, whose native mechanism holds its grants; empty for a pipeline
     * @return cloud to its federation, made anew for each pass (planning, then registering)
     */
    Map<dev.keyless.core.Cloud, Supplier<IdentityMechanism>> federations(List<GrantSpec> grants, Optional<Cloud> own) {
        var byCloud = new LinkedHashMap<Cloud, List<StoreSpec>>();
        grants.stream().map(grant -> storeSpecs.get(grant.store())).filter(java.util.Objects::nonNull)
                .filter(store -> own.filter(store.cloud()::equals).isEmpty())
                .forEach(store -> byCloud.computeIfAbsent(store.cloud(), cloud -> new ArrayList<>()).add(store));
        var federations = new LinkedHashMap<dev.keyless.core.Cloud, Supplier<IdentityMechanism>>();
        byCloud.forEach((cloud, stores) -> kits.get(cloud).federation(stores).ifPresent(mechanism ->
                federations.put(mechanism.cloud(), () -> kits.get(cloud).federation(stores).orElseThrow())));
        return federations;
    }

    /**
     * @param grant   a grant as the config gives it
     * @param planned the grant planning builds for it, when its store and settings had no problem
     */
    record Read(GrantSpec grant, Optional<AccessGrant> planned) {
    }

    static String undefined(String what, String name, Collection<String> defined) {
        return "'" + name + "' is not a " + what + " defined under " + what + "s"
                + (defined.isEmpty() ? " (none is defined)" : " (defined: " + String.join(", ", defined) + ")");
    }
}
