package dev.keyless.azure;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.ClusterKubernetesProvider;

import java.util.List;
import java.util.HashMap;
import java.util.Optional;

/**
 * An AKS cluster made elsewhere, adopted so that {@link dev.keyless.core.FederatedServiceAccount}s
 * can bind to it: from its OIDC issuer (the cluster needs {@code oidcIssuerProfile} and workload
 * identity enabled) and a kubeconfig.
 *
 * <p>Children: {@code NAME-k8s}.
 */
public class AdoptedAksCluster extends ComponentResource implements AzureOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:azure:AdoptedAksCluster";

    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;

    private final String logicalName;
    private final Optional<String> plainIssuerUrl;
    private final Optional<Output<String>> resourceGroupName;
    private final Optional<String> plainResourceGroupName;
    private final Provider kubernetesProvider;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the adopted cluster's values
     */
    public AdoptedAksCluster(String name, AdoptedAksClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the adopted cluster's values
     * @param options Pulumi options for the component
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when an input breaks a rule
     */
    public AdoptedAksCluster(String name, AdoptedAksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        this.logicalName = name;
        this.issuerUrl = args.issuerUrl();
        this.plainIssuerUrl = args.plainIssuerUrl();
        this.resourceGroupName = args.resourceGroupName();
        this.plainResourceGroupName = args.plainResourceGroupName();
        this.kubernetesProvider = ClusterKubernetesProvider.create(this, name, args.kubeconfig(), List.of());
        var outputs = new HashMap<String, Output<?>>();
        outputs.put("issuerUrl", issuerUrl);
        registerOutputs(outputs);
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return plainIssuerUrl;
    }

    @Override
    public Optional<Output<String>> resourceGroupName() {
        return resourceGroupName;
    }

    @Override
    public Optional<String> plainResourceGroupName() {
        return plainResourceGroupName;
    }

    @Override
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /** The cluster runs already: what binds to it waits for its Kubernetes provider. */
    @Override
    public Resource readiness() {
        return kubernetesProvider;
    }

    @Override
    public String logicalName() {
        return logicalName;
    }

    @Override
    public String describe() {
        return "adopted AKS cluster '" + logicalName + "'";
    }

    // Runs before the component registers itself: bad input must not leave half a stack behind.
    private static ComponentResourceOptions validated(String name, AdoptedAksClusterArgs args, ComponentResourceOptions options) {
        Checks.componentName(name);
        Checks.notNull("args", args, "AdoptedAksClusterArgs");
        args.validate();
        return options;
    }
}
