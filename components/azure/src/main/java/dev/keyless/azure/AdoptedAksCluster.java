package dev.keyless.azure;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.core.OidcClusterComponent;

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
public class AdoptedAksCluster extends OidcClusterComponent implements AzureOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:azure:AdoptedAksCluster";

    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;

    private final Optional<String> plainIssuerUrl;
    private final Optional<Output<String>> resourceGroupName;
    private final Optional<String> plainResourceGroupName;

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
        super(TYPE, name, "adopted AKS cluster", validated(name, args, options));
        this.issuerUrl = args.issuerUrl();
        this.plainIssuerUrl = args.plainIssuerUrl();
        this.resourceGroupName = args.resourceGroupName();
        this.plainResourceGroupName = args.plainResourceGroupName();
        // The cluster runs already: what binds to it waits for its Kubernetes provider.
        connectAdopted(args.kubeconfig(), List.of());
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

    // Runs before the component registers itself: bad input must not leave half a stack behind.
    private static ComponentResourceOptions validated(String name, AdoptedAksClusterArgs args, ComponentResourceOptions options) {
        requireArgs(name, args, "AdoptedAksClusterArgs").validate();
        // Values from another stack are checked once known; the Kubernetes provider registers
        // only after they passed.
        return args.outputChecks().gate(options);
    }
}
