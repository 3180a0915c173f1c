// Binds a workload on an adopted EKS cluster to an IAM role that reads and writes one S3 prefix.
// Set up with: pulumi package add ../../components/multilang
import * as pulumi from "@pulumi/pulumi";
import * as keyless from "@pulumi/keyless";

const config = new pulumi.Config();
const charts = new keyless.FederatedServiceAccount("chartmuseum", {
    cluster: {
        cloud: "aws",
        name: "platform",
        clusterName: config.require("clusterName"),
        issuerUrl: config.require("issuerUrl"),
        kubeconfig: config.requireSecret("kubeconfig"),
    },
    namespace: "charts",
    name: "chartmuseum",
    mechanism: "irsa",
    grants: [{ kind: "s3", resource: config.require("bucket"), prefix: "charts/", access: "readWrite" }],
});

export const roleArn = charts.identity;
export const serviceAccount = charts.serviceAccountName;
