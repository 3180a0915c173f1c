package dev.keyless.aws;

/** Clusters the tests bind to, with issuer values as EKS reports them. */
final class TestClusters {
    static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String ISSUER_HOST_PATH = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/" + ISSUER_HOST_PATH;
    static final String OTHER_ISSUER = "https://oidc.eks.us-east-2.amazonaws.com/id/0000000000000000000000000000BLUE";
    static final String OTHER_PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-2.amazonaws.com/id/0000000000000000000000000000BLUE";

    private TestClusters() {
    }

    static AdoptedEksCluster adopted(String name) {
        return adopted(name, false);
    }

    static AdoptedEksCluster adopted(String name, boolean podIdentityAgent) {
        return new AdoptedEksCluster(name, AdoptedEksClusterArgs.builder()
                .clusterName("green")
                .issuerUrl(ISSUER)
                .oidcProviderArn(PROVIDER_ARN)
                .kubeconfig(com.pulumi.core.Output.of("{\"apiVersion\":\"v1\"}"))
                .podIdentityAgent(podIdentityAgent)
                .build());
    }

    static String issuerNumbered(int i) {
        return "https://oidc.eks.ap-southeast-2.amazonaws.com/id/" + String.format("%032d", i);
    }

    static AdoptedEksCluster adoptedWithIssuer(String name, String issuer) {
        var hostPath = issuer.substring("https://".length());
        return new AdoptedEksCluster(name, AdoptedEksClusterArgs.builder()
                .clusterName(name)
                .issuerUrl(issuer)
                .oidcProviderArn("arn:aws:iam::111122223333:oidc-provider/" + hostPath)
                .kubeconfig(com.pulumi.core.Output.of("{\"apiVersion\":\"v1\"}"))
                .build());
    }

    static AdoptedEksCluster blue() {
        return new AdoptedEksCluster("blue", AdoptedEksClusterArgs.builder()
                .clusterName("blue")
                .issuerUrl(OTHER_ISSUER)
                .oidcProviderArn(OTHER_PROVIDER_ARN)
                .kubeconfig(com.pulumi.core.Output.of("{\"apiVersion\":\"v1\"}"))
                .build());
    }
}
