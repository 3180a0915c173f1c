package dev.keyless.multilang;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;
import dev.keyless.azure.AdoptedAksCluster;
import dev.keyless.azure.AdoptedAksClusterArgs;
import dev.keyless.core.Cloud;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.gcp.AdoptedGkeCluster;
import dev.keyless.gcp.AdoptedGkeClusterArgs;

import java.util.List;
import java.util.function.Function;

/**
 * A flat cluster reference ({@code keyless:index:ClusterReference}): the plain values of a cluster
 * created elsewhere (another stack, the console, pulumi-eks), read into the typed API's adopted
 * cluster of its cloud. Another language cannot hand over a Java {@code OidcCluster}, so the flat
 * component adopts the cluster as its own child from these values.
 *
 * @param cloud          the cluster's cloud
 * @param plainIssuerUrl the cluster's issuer when known at preview (GKE and AKS; EKS needs none here)
 * @param adopt          registers the adopted cluster under the given parent
 */
record FlatCluster(Cloud cloud, java.util.Optional<String> plainIssuerUrl, Function<Resource, OidcCluster> adopt) {
    /** The values of {@code cloud} a reference may name. */
    static final List<String> CLOUDS = List.of("aws", "gcp", "azure");

    /**
     * Reads and checks a reference, registering nothing.
     *
     * @param reference the {@code cluster} input
     * @return the checked reference
     * @throws InvalidInputException naming the reference's field, e.g. {@code cluster.issuerUrl}
     */
    static FlatCluster read(FlatValue reference) {
        if (reference.absent()) {
            throw InvalidInputException.missing(reference.path(), "give the cluster's cloud, name, issuer and kubeconfig");
        }
        var cloud = reference.field("cloud");
        var name = reference.field("name").requiredString("the cluster's name in this program, e.g. 'platform'");
        return switch (cloud.requiredString("one of " + CLOUDS)) {
            case "aws" -> eks(reference, name);
            case "gcp" -> gke(reference, name);
            case "azure" -> aks(reference, name);
            default -> throw InvalidInputException.of(cloud.path(), cloud.optionalString().orElseThrow(), "one of " + CLOUDS);
        };
    }

    private static FlatCluster eks(FlatValue reference, String name) {
        var args = AdoptedEksClusterArgs.builder();
        at(reference, () -> {
            plainOrOutput(reference.field("clusterName"), "the EKS cluster's name", args::clusterName, args::clusterName);
            plainOrOutput(reference.field("issuerUrl"), "the cluster's OIDC issuer URL", args::issuerUrl, args::issuerUrl);
            var providerArn = reference.field("oidcProviderArn");
            if (!providerArn.absent()) {
                plainOrOutput(providerArn, "the IAM OIDC provider's ARN", args::oidcProviderArn, args::oidcProviderArn);
            }
            args.kubeconfig(reference.field("kubeconfig").output("a kubeconfig for the cluster, as a secret"));
            args.podIdentityAgent(reference.field("podIdentityAgent").bool(false));
        });
        var built = at(reference, () -> {
            var checked = args.build();
            checked.check(name);
            return checked;
        });
        return new FlatCluster(dev.keyless.aws.AwsCloud.CLOUD, java.util.Optional.empty(),
                parent -> new AdoptedEksCluster(childName(parent, name), built, ComponentResourceOptions.builder().parent(parent).build()));
    }

    private static FlatCluster gke(FlatValue reference, String name) {
        var args = AdoptedGkeClusterArgs.builder();
        at(reference, () -> {
            plainOrOutput(reference.field("projectId"), "the cluster's project ID", args::projectId, args::projectId);
            plainOrOutput(reference.field("location"), "the cluster's region or zone", args::location, args::location);
            plainOrOutput(reference.field("clusterName"), "the GKE cluster's name", args::clusterName, args::clusterName);
            args.kubeconfig(reference.field("kubeconfig").output("a kubeconfig for the cluster, as a secret"));
        });
        var built = at(reference, () -> {
            var checked = args.build();
            checked.check(name);
            return checked;
        });
        return new FlatCluster(dev.keyless.gcp.GcpCloud.CLOUD, gkeIssuer(reference),
                parent -> new AdoptedGkeCluster(childName(parent, name), built, ComponentResourceOptions.builder().parent(parent).build()));
    }

    // GKE's issuer, from the values the reference names, once they passed the typed checks above.
    // The typed AdoptedGkeClusterArgs keeps its URL to itself (GcpNames.issuerUrl is not public):
    // https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity#federated_identity
    private static java.util.Optional<String> gkeIssuer(FlatValue reference) {
        var parts = java.util.stream.Stream.of("projectId", "location", "clusterName").map(reference::field).toList();
        if (!parts.stream().allMatch(FlatValue::known)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("https://container.googleapis.com/v1/projects/" + parts.get(0).requiredString("projectId")
                + "/locations/" + parts.get(1).requiredString("location") + "/clusters/" + parts.get(2).requiredString("clusterName"));
    }

    private static FlatCluster aks(FlatValue reference, String name) {
        var args = AdoptedAksClusterArgs.builder();
        at(reference, () -> {
            plainOrOutput(reference.field("issuerUrl"), "the cluster's OIDC issuer URL", args::issuerUrl, args::issuerUrl);
            var group = reference.field("resourceGroupName");
            if (!group.absent()) {
                plainOrOutput(group, "the cluster's resource group", args::resourceGroupName, args::resourceGroupName);
            }
            args.kubeconfig(reference.field("kubeconfig").output("a kubeconfig for the cluster, as a secret"));
        });
        var built = at(reference, () -> {
            var checked = args.build();
            checked.check(name);
            return checked;
        });
        return new FlatCluster(dev.keyless.azure.AzureCloud.CLOUD, built.plainIssuerUrl(),
                parent -> new AdoptedAksCluster(childName(parent, name), built, ComponentResourceOptions.builder().parent(parent).build()));
    }

    // A plain value when known, so the typed API checks it at preview; an output otherwise (a
    // value another resource of the program computes), which the typed API checks once known. A
    // known value of another resource is checked as plain, then kept as the output it came as, so
    // what is built from it still depends on that resource.
    private static void plainOrOutput(FlatValue value, String hint, java.util.function.Consumer<String> plain,
                                      java.util.function.Consumer<com.pulumi.core.Output<String>> output) {
        if (value.known()) {
            plain.accept(value.requiredString(hint));
            if (value.hasDependencies()) {
                output.accept(value.output(hint));
            }
        } else {
            output.accept(value.output(hint));
        }
    }

    // The typed builders name their own fields (issuerUrl); the user wrote cluster.issuerUrl.
    private static void at(FlatValue reference, Runnable reading) {
        at(reference, () -> {
            reading.run();
            return null;
        });
    }

    private static <T> T at(FlatValue reference, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidInputException e) {
            if (e.field().startsWith(reference.path() + ".") || e.field().equals(reference.path())) {
                throw e;
            }
            throw e.at(reference.path() + "." + e.field());
        }
    }

    /**
     * The adopted cluster's name under one flat component. Every flat component adopts its own
     * copy of the cluster it references, and a URN names its parent's type, not its parent: two
     * components referencing cluster 'platform' would both register
     * {@code ...FederatedServiceAccount$keyless:aws:AdoptedEksCluster::platform}, which the engine
     * refuses as a duplicate. Prefixed with the component's name, each copy (and its Kubernetes
     * provider and namespaces, which take its name as prefix) is the component's own.
     */
    private static String childName(Resource parent, String name) {
        return parent.pulumiResourceName() + "-" + name;
    }
}
