package dev.keyless.azure;

import com.pulumi.core.Output;

/** Clusters the tests bind to, with issuers as AKS reports them. */
final class TestClusters {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String ISSUER = "https://westeurope.oic.prod-aks.azure.com/" + TENANT + "/3f1c2b9e-5d4a-4c8b-9e7f-0a1b2c3d4e5f/";
    static final String OTHER_ISSUER = "https://northeurope.oic.prod-aks.azure.com/" + TENANT + "/9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4/";
    static final String KUBECONFIG = "{\"apiVersion\":\"v1\"}";

    private TestClusters() {
    }

    static AdoptedAksCluster green() {
        return adopted("green", ISSUER);
    }

    static AdoptedAksCluster blue() {
        return adopted("blue", OTHER_ISSUER);
    }

    static AdoptedAksCluster adopted(String name, String issuer) {
        return new AdoptedAksCluster(name, AdoptedAksClusterArgs.builder()
                .issuerUrl(issuer)
                .kubeconfig(Output.of(KUBECONFIG))
                .resourceGroupName("shop-rg")
                .build());
    }

    static String issuerNumbered(int i) {
        return "https://westeurope.oic.prod-aks.azure.com/" + TENANT + "/" + String.format("%08d-0000-0000-0000-000000000000", i) + "/";
    }
}
