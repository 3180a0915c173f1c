package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * What must be unique across one whole program, whichever components claim it: a Google service
 * account id in a project, a managed identity's name in a resource group, an IAM role name in an
 * account, one binding of a subject per workload pool, one trust of an issuer and subject. A rule
 * that spans components cannot live in any one of them; it lives here, once, and each component
 * claims what it is about to create before it registers anything.
 *
 * <p>Claims belong to the running deployment, so two programs (or two tests) in one JVM never see
 * each other's. The registry is reached through Pulumi's running deployment, internal API of
 * pulumi-java 1.36.1 ({@code DeploymentInternal.getInstanceOptional()}), as {@link EngineWarnings}
 * reaches the engine log: a component has no {@code Context}. Outside a deployment (a plain unit
 * test of an Args class) one registry for the whole JVM stands in.
 */
public final class ProgramClaims {
    private static final Map<Object, ProgramClaims> BY_DEPLOYMENT = Collections.synchronizedMap(new WeakHashMap<>());
    private static final ProgramClaims OUTSIDE_A_DEPLOYMENT = new ProgramClaims();

    private final Map<Key, String> owners;
    private final Map<Key, Object> shared = new HashMap<>();
    // State kept for one object of the program (a cluster's workloads), by identity, not equality.
    private final Map<Object, Map<Class<?>, Object>> perObject = new java.util.IdentityHashMap<>();
    // Claims whose scope may be known only at deploy time, by kind and value, in the order made.
    private final Map<List<String>, List<Ordered>> ordered;

    private ProgramClaims() {
        this(new HashMap<>(), new HashMap<>());
    }

    private ProgramClaims(Map<Key, String> owners, Map<List<String>, List<Ordered>> ordered) {
        this.owners = owners;
        this.ordered = ordered;
    }

    /**
     * Makes the running deployment's claims continue an earlier deployment's, for a program that
     * runs as several deployments: a component provider runs each {@code Construct} of one stack
     * in a deployment of its own. The claims carry over, so a value one component claimed is
     * refused to a component of a later deployment; objects shared through {@link #shared} do not,
     * since a resource belongs to the deployment that registered it. Deployments continuing one
     * another must not run at once.
     *
     * @param earlier the claims of the program's earlier deployment, empty for its first
     * @return the running deployment's claims, to continue in the next
     */
    public static ProgramClaims continuing(Optional<ProgramClaims> earlier) {
        var deployment = DeploymentInternal.getInstanceOptional().map(Object.class::cast)
                .orElseThrow(() -> new IllegalStateException("claims continue only inside a running deployment"));
        var claims = earlier.map(e -> new ProgramClaims(e.owners, e.ordered)).orElseGet(ProgramClaims::new);
        BY_DEPLOYMENT.put(deployment, claims);
        return claims;
    }

    // Set while this thread checks a program's plans without building it (see inDryRun).
    private static final ThreadLocal<ProgramClaims> DRY_RUN = new ThreadLocal<>();

    /**
     * Runs checks that plan components without registering them (the landing zone plans every
     * workload of its config before it builds any) against claims of their own, so the real run
     * that follows claims everything afresh and nothing is counted twice: a shared identity's
     * credentials, for one, are counted once per run, not once per planning.
     *
     * @param checks the checks, run on this thread
     * @param <T>    what they return
     * @return what they return
     */
    public static <T> T inDryRun(Supplier<T> checks) {
        var outer = DRY_RUN.get();
        DRY_RUN.set(new ProgramClaims());
        try {
            return checks.get();
        } finally {
            DRY_RUN.set(outer);
        }
    }

    /** @return the claims of the program now running (of the dry run, inside {@link #inDryRun}) */
    public static ProgramClaims current() {
        var dryRun = DRY_RUN.get();
        if (dryRun != null) {
            return dryRun;
        }
        Optional<Object> deployment = DeploymentInternal.getInstanceOptional().map(Object.class::cast);
        return deployment.map(d -> BY_DEPLOYMENT.computeIfAbsent(d, ignored -> new ProgramClaims()))
                .orElse(OUTSIDE_A_DEPLOYMENT);
    }

    /**
     * One thing that must be unique in its scope.
     *
     * @param field         the input to name in a refusal, as the user wrote it (e.g. {@code accountId})
     * @param kind          what is claimed, e.g. {@code Google service account id}
     * @param scope         where it must be unique, as the user reads it, e.g. {@code project 'acme-prod'}
     * @param value         the claimed value, as the user gave it
     * @param caseSensitive false where the cloud compares the value and scope ignoring case (Azure ids and names)
     */
    public record Claim(String field, String kind, String scope, String value, boolean caseSensitive) {
        /** A claim compared exactly. */
        public static Claim exact(String field, String kind, String scope, String value) {
            return new Claim(field, kind, scope, value, true);
        }

        /** A claim compared ignoring case, as Azure compares resource ids and names. */
        public static Claim ignoringCase(String field, String kind, String scope, String value) {
            return new Claim(field, kind, scope, value, false);
        }

        private Key key() {
            return caseSensitive
                    ? new Key(kind, scope, value)
                    : new Key(kind, scope.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
        }
    }

    private record Key(String kind, String scope, String value) {
    }

    /**
     * Claims a value for a component, or refuses it, naming both components, when another
     * component of this program has claimed it. The same component may claim a value again.
     *
     * @param claim     what is claimed
     * @param component the claiming component's name
     * @throws InvalidInputException when another component holds the claim
     */
    public synchronized void claim(Claim claim, String component) {
        var key = claim.key();
        var owner = owners.get(key);
        if (owner != null && !owner.equals(component)) {
            throw InvalidInputException.of(claim.field(), claim.value(),
                    "a " + claim.kind() + " no other component of this program uses in " + claim.scope()
                            + ", but '" + owner + "' and '" + component + "' both use it");
        }
        owners.put(key, component);
    }

    /**
     * @param claim what would be claimed
     * @return the component that holds it, if any
     */
    public synchronized Optional<String> owner(Claim claim) {
        return Optional.ofNullable(owners.get(claim.key()));
    }

    /**
     * The one object this program keeps for something several components share, however many
     * handles name it: e.g. the ordered federated credentials of one Azure managed identity, which
     * two handles for the same resource id must count and chain together. Created on first use.
     *
     * @param type   the object's type; it also separates kinds of shared state
     * @param key    what the state is for, normalised as the cloud compares it
     * @param create makes the state on first use
     * @param <T>    the state's type
     * @return the program's one object for {@code key}
     */
    public synchronized <T> T shared(Class<T> type, String key, Supplier<? extends T> create) {
        return type.cast(shared.computeIfAbsent(new Key(type.getName(), "", key), ignored -> create.get()));
    }

    /**
     * The one object this program keeps for another object of the program, by identity: e.g. the
     * namespaces the workloads of one cluster object use. Kept per running deployment like every
     * claim, so two programs (or tests) in one JVM never share a cluster's state.
     *
     * @param owner  the object the state belongs to
     * @param type   the state's type; it also separates kinds of state of one owner
     * @param create makes the state on first use
     * @param <T>    the state's type
     * @return the program's one object of {@code type} for {@code owner}
     */
    public synchronized <T> T sharedFor(Object owner, Class<T> type, Supplier<? extends T> create) {
        return type.cast(perObject.computeIfAbsent(owner, ignored -> new HashMap<>()).computeIfAbsent(type, ignored -> create.get()));
    }

    /**
     * A value that may be held once per scope, where the scope may be known only at deploy time
     * (a project id from a StackReference output).
     *
     * @param kind       what is claimed, e.g. {@code ServiceAccount binding}
     * @param value      the claimed value, compared exactly
     * @param plainScope the scope when it is known before anything is registered
     * @param scope      the scope, known at the latest at deploy time
     */
    public record ScopedClaim(String kind, String value, Optional<String> plainScope, Output<String> scope) {
    }

    /** Builds the refusal of a scoped claim that another holder made first. */
    @FunctionalInterface
    public interface Refusal {
        /**
         * @param scope   the scope both claims turned out to have
         * @param earlier the holder that claimed first
         * @param later   the holder refused
         * @return the exception to throw
         */
        InvalidInputException refuse(String scope, String earlier, String later);
    }

    private record Ordered(ScopedClaim claim, String holder) {
    }

    /**
     * Claims a value in a scope for a holder. Claims are compared with every earlier claim of the
     * same kind and value, in the order they were made, so the later of two clashing claims is the
     * one refused, on every run: at once when both scopes are plain, otherwise by the returned
     * check, once both are known. The same holder may claim a value again.
     *
     * @param claim   what is claimed, and where
     * @param holder  who claims it, as a refusal names it
     * @param refusal the refusal when an earlier holder has the value in the same scope
     * @return the checks against earlier claims whose scope is known only at deploy time; a
     *     component registers behind it ({@link DeployTimeCheck#gate})
     * @throws InvalidInputException when an earlier holder has the value in the same plain scope
     */
    public synchronized DeployTimeCheck claimInOrder(ScopedClaim claim, String holder, Refusal refusal) {
        var earlier = ordered.computeIfAbsent(List.of(claim.kind(), claim.value()), k -> new ArrayList<>());
        var check = DeployTimeCheck.none();
        for (var other : earlier) {
            if (other.holder().equals(holder)) {
                continue;
            }
            if (other.claim().plainScope().isPresent() && claim.plainScope().isPresent()) {
                if (other.claim().plainScope().equals(claim.plainScope())) {
                    throw refusal.refuse(claim.plainScope().get(), other.holder(), holder);
                }
                continue;
            }
            // Built only once the component's earlier checks passed, so that a clash they already
            // refuse (a cluster adopted twice) is reported as they put it, on every run.
            check = check.and(DeployTimeCheck.afterEarlierPassed(() -> Output.tuple(other.claim().scope(), claim.scope()).applyValue(scopes -> {
                if (scopes.t1.equals(scopes.t2)) {
                    throw refusal.refuse(scopes.t2, other.holder(), holder);
                }
                return scopes.t2;
            })));
        }
        earlier.add(new Ordered(claim, holder));
        return check;
    }

    /**
     * @param claim  what would be claimed
     * @param holder who would claim it
     * @return the holder of an earlier claim in the same plain scope, other than {@code holder};
     *     for checking several claims before making any
     */
    public synchronized Optional<String> plainHolder(ScopedClaim claim, String holder) {
        if (claim.plainScope().isEmpty()) {
            return Optional.empty();
        }
        return ordered.getOrDefault(List.of(claim.kind(), claim.value()), List.of()).stream()
                .filter(other -> !other.holder().equals(holder))
                .filter(other -> other.claim().plainScope().equals(claim.plainScope()))
                .map(Ordered::holder)
                .findFirst();
    }
}
