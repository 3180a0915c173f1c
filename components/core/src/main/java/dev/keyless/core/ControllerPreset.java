package dev.keyless.core;

import java.util.List;

/**
 * A ready identity for a cluster controller (external-dns, cert-manager, ...): the namespace and
 * ServiceAccount name its Helm chart is installed with by default, and the grants its upstream
 * project documents, on the zones, secrets or buckets named. The cloud modules make them
 * ({@code AwsControllers}, {@code AzureControllers}); {@link #args} turns one into the arguments of
 * a {@link FederatedServiceAccount}, to which a mechanism (IRSA, Pod Identity, ...), labels or
 * further grants can still be added.
 *
 * <pre>{@code
 * new FederatedServiceAccount("external-dns",
 *         AwsControllers.externalDns(List.of("Z0123456789ABCDEFGHIJ")).args(cluster).build());
 * new FederatedServiceAccount("cert-manager",
 *         AwsControllers.certManager(List.of(zoneId)).inNamespace("platform").args(cluster)
 *                 .mechanism(PodIdentity.defaults()).build());
 * }</pre>
 */
public final class ControllerPreset {
    private final String controller;
    private final String namespace;
    private final String serviceAccountName;
    private final List<AccessGrant> grants;

    private ControllerPreset(String controller, String namespace, String serviceAccountName, List<AccessGrant> grants) {
        this.controller = controller;
        this.namespace = KubernetesNames.requireLabel("namespace", namespace);
        this.serviceAccountName = KubernetesNames.requireSubdomain("serviceAccountName", serviceAccountName);
        this.grants = List.copyOf(grants);
    }

    /**
     * @param controller         the controller's name, for messages, e.g. {@code external-dns}
     * @param namespace          the namespace its Helm chart is installed in by default
     * @param serviceAccountName the ServiceAccount name its Helm chart gives by default
     * @param grants             the grants its upstream project documents, at least one
     * @return the preset
     */
    public static ControllerPreset of(String controller, String namespace, String serviceAccountName, List<? extends AccessGrant> grants) {
        Checks.notNull("grants", grants, "the controller's grants");
        if (grants.isEmpty()) {
            throw InvalidInputException.of("grants of " + controller, grants, "at least one grant");
        }
        return new ControllerPreset(controller, namespace, serviceAccountName, List.copyOf(grants));
    }

    /**
     * @param namespace the namespace the controller runs in, when not its chart's default
     * @return the same preset in that namespace
     * @throws InvalidInputException when the namespace is not a DNS-1123 label
     */
    public ControllerPreset inNamespace(String namespace) {
        return new ControllerPreset(controller, namespace, serviceAccountName, grants);
    }

    /**
     * @param name the ServiceAccount name the controller runs as, when not its chart's default
     *             (a release named otherwise, or {@code serviceAccount.name} set in the values)
     * @return the same preset with that ServiceAccount name
     * @throws InvalidInputException when the name is not a DNS-1123 subdomain
     */
    public ControllerPreset serviceAccountName(String name) {
        return new ControllerPreset(controller, namespace, name, grants);
    }

    /** @return the controller's name, e.g. {@code external-dns} */
    public String controller() {
        return controller;
    }

    /** @return the ServiceAccount's namespace */
    public String namespace() {
        return namespace;
    }

    /** @return the ServiceAccount's name */
    public String serviceAccountName() {
        return serviceAccountName;
    }

    /** @return the grants, in the order the identity holds them */
    public List<AccessGrant> grants() {
        return grants;
    }

    /**
     * @param cluster the cluster the controller runs in
     * @return arguments with the cluster, namespace, ServiceAccount name and grants set; add a
     *     mechanism, labels or grants before {@code build()}
     */
    public FederatedServiceAccountArgs.Builder args(OidcCluster cluster) {
        var builder = FederatedServiceAccountArgs.builder().cluster(cluster).namespace(namespace).name(serviceAccountName);
        grants.forEach(builder::grant);
        return builder;
    }
}
