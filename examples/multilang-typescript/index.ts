// Creates an EKS cluster and binds a workload on it to an IAM role that reads and writes one S3
// prefix and reads one secret. Set up with: pulumi package add ../../components/multilang
import * as pulumi from "@pulumi/pulumi";
import * as keyless from "@pulumi/keyless";

const config = new pulumi.Config();
const platform = new keyless.EksCluster("platform", {
    kubernetesVersion: "1.31",
    nodeGroup: { instanceTypes: ["t3.medium"], minSize: 1, desiredSize: 2, maxSize: 3 },
});
const charts = new keyless.FederatedServiceAccount("chartmuseum", {
    // The cluster's outputs carry a ClusterReference's field names.
    cluster: {
        cloud: platform.cloud,
        name: platform.name,
        clusterName: platform.clusterName,
        issuerUrl: platform.issuerUrl,
        oidcProviderArn: platform.oidcProviderArn,
        kubeconfig: platform.kubeconfig,
    },
    namespace: "charts",
    name: "chartmuseum",
    mechanism: "irsa",
    grants: [
        { kind: "s3", resource: config.require("bucket"), prefix: "charts/", access: "readWrite" },
        { kind: "secretsManager", resource: config.require("secretArn"), access: "readOnly" },
    ],
});

export const roleArn = charts.identity;
export const serviceAccount = charts.serviceAccountName;
