package dev.keyless.landingzone.clouds;

import com.pulumi.core.Output;
import dev.keyless.azure.AzureOidcCluster;

import java.util.Optional;

/**
 * An AKS cluster as the config declares it, for planning its workloads' mechanisms before anything
 * is registered: the same description and facts as the component will have.
 */
final class PlannedAksCluster extends PlannedCluster implements AzureOidcCluster {
    private final Optional<String> issuerUrl;
    private final Optional<String> resourceGroupName;

    PlannedAksCluster(String key, boolean adopted, Optional<String> issuerUrl, Optional<String> resourceGroupName) {
        super(key, adopted, "AKS cluster");
        this.issuerUrl = issuerUrl;
        this.resourceGroupName = resourceGroupName;
    }

    /** @return the resource group when the config names it */
    @Override
    public Optional<String> plainResourceGroupName() {
        return resourceGroupName;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl.map(Output::of).orElseGet(() -> placeholder("the issuer of " + describe()));
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return issuerUrl;
    }

    // A created cluster always has a resource group: its own, made with it, when the config names none.
    @Override
    public Optional<Output<String>> resourceGroupName() {
        if (resourceGroupName.isPresent()) {
            return resourceGroupName.map(Output::of);
        }
        return adopted() ? Optional.empty() : Optional.of(placeholder("the resource group of " + describe()));
    }

    @Override
    public String logicalName() {
        return key();
    }
}
