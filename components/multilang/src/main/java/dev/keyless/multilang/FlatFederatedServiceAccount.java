package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keyless:index:FederatedServiceAccount}: the typed {@link FederatedServiceAccount} for
 * programs in other languages. Its inputs are flat (a cluster reference of plain values, the
 * mechanism as a string, grants as {@code {kind, resource, prefix, access}} objects) and are all
 * read and checked before it registers anything; then it adopts the cluster and builds the typed
 * component under it, so the children, their names, trust and grants are exactly the Java API's.
 */
final class FlatFederatedServiceAccount extends ComponentResource {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:FederatedServiceAccount";

    private final Map<String, Output<?>> outputs;

    private FlatFederatedServiceAccount(String name, Checked checked, ComponentResourceOptions options) {
        super(checked.type(), name, options);
        var cluster = checked.cluster().adopt().apply(this);
        var args = FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(checked.namespace())
                .name(checked.serviceAccountName());
        checked.createNamespace().ifPresent(args::createNamespace);
        checked.mechanisms().forEach(args::mechanism);
        checked.grants().forEach(args::grant);
        var typed = new FederatedServiceAccount(name, args.build(), ComponentResourceOptions.builder().parent(this).build());
        var exported = new LinkedHashMap<String, Output<?>>();
        exported.put("identity", typed.identity());
        exported.put("namespace", typed.namespace());
        exported.put("serviceAccountName", typed.serviceAccountName());
        exported.put("podLabels", NameValues.of(typed.podLabels()));
        exported.put("podEnv", NameValues.of(typed.podEnv()));
        exported.put("nodeSelector", NameValues.of(typed.nodeSelector()));
        if (checked.federatesIntoAws()) {
            exported.put(FlatAwsOidcProviders.OUTPUT, checked.existingAwsOidcProviderArn().map(Output::of)
                    .orElseGet(() -> FlatAwsOidcProviders.providerArn(this, cluster.issuerUrl())));
        }
        this.outputs = Map.copyOf(exported);
        registerOutputs(outputs);
    }

    /**
     * Reads and checks every input, registering nothing.
     *
     * @param name   the component's name
     * @param inputs its flat inputs as the engine sent them
     * @return the checked inputs, ready to register
     * @throws InvalidInputException naming the flat input's path
     */
    static Checked check(String name, FlatValue inputs) {
        return Checked.of(name, inputs);
    }

    /** @return the outputs, by the names the schema declares */
    Map<String, Output<?>> outputs() {
        return outputs;
    }

    /**
     * Inputs that passed every check, the component's name and type token: a
     * {@code ControllerIdentity} is the same component with a preset's namespace, name and grants.
     *
     * @param mechanisms                 at most one per cloud: the cluster's cloud's as named, AWS federation trusting an existing provider
     * @param existingAwsOidcProviderArn the IAM OIDC provider of the issuer that the AWS federation trusts, when given
     */
    record Checked(String type, String name, FlatCluster cluster, String namespace, String serviceAccountName, Optional<Boolean> createNamespace,
                           List<IdentityMechanism> mechanisms, List<AccessGrant> grants, Optional<String> existingAwsOidcProviderArn) {
        /** @return whether AWS grants are federated from a cluster off AWS, through an IAM OIDC provider of its issuer */
        boolean federatesIntoAws() {
            return !cluster.cloud().name().equals("aws") && grants.stream().anyMatch(FlatAwsOidcProviders::onAws);
        }

        /**
         * @param options the component's options as the engine sent them
         * @return the component, its children registered
         */
        FlatFederatedServiceAccount register(ComponentResourceOptions options) {
            return new FlatFederatedServiceAccount(name, this, options);
        }

        static Checked of(String name, FlatValue inputs) {
            dev.keyless.core.Checks.componentName(name);
            var cluster = FlatCluster.read(inputs.field("cluster"));
            var namespace = inputs.field("namespace").requiredString("the workload's Kubernetes namespace");
            var serviceAccountName = inputs.field("name").requiredString("the ServiceAccount's name");
            // The typed builder checks both as it takes them, with messages naming these same fields.
            FederatedServiceAccountArgs.builder().namespace(namespace).name(serviceAccountName);
            // Left out, the typed default applies (created, except Kubernetes' own namespaces).
            var given = inputs.field("createNamespace");
            var createNamespace = given.absent() ? Optional.<Boolean>empty() : Optional.of(given.bool(true));
            var mechanisms = new ArrayList<IdentityMechanism>();
            FlatMechanism.read(inputs, cluster.cloud()).ifPresent(mechanisms::add);
            var grants = new ArrayList<AccessGrant>();
            for (var grant : inputs.field("grants").list("{kind, resource, prefix, access} objects")) {
                grants.add(FlatGrant.read(grant, Optional.of(cluster.cloud())));
            }
            var existing = inputs.field(FlatAwsOidcProviders.EXISTING);
            if (cluster.cloud().name().equals("aws") && !existing.absent()) {
                throw InvalidInputException.of(existing.path(), existing.optionalString().orElse("(given)"),
                        "left out on an EKS cluster, whose IAM OIDC provider is the cluster reference's oidcProviderArn");
            }
            var awsFederation = FlatAwsOidcProviders.existing(existing, grants);
            awsFederation.ifPresent(mechanisms::add);
            var checked = new Checked(TYPE, name, cluster, namespace, serviceAccountName, createNamespace, List.copyOf(mechanisms),
                    List.copyOf(grants), existing.optionalString());
            // An issuer known only at deploy is the typed API's to compare, once known (SharedOidcProviders).
            if (awsFederation.isEmpty() && checked.federatesIntoAws()) {
                cluster.plainIssuerUrl().ifPresent(url -> FlatAwsOidcProviders.claim(existing, "FederatedServiceAccount", name, url));
            }
            return checked;
        }
    }
}
