"""Binds a workload on an adopted EKS cluster to an IAM role that reads and writes one S3 prefix.

Set up with: pulumi package add ../../components/multilang
"""
import pulumi
import pulumi_keyless as keyless

config = pulumi.Config()
charts = keyless.FederatedServiceAccount(
    "chartmuseum",
    cluster={
        "cloud": "aws",
        "name": "platform",
        "cluster_name": config.require("clusterName"),
        "issuer_url": config.require("issuerUrl"),
        "kubeconfig": config.require_secret("kubeconfig"),
    },
    namespace="charts",
    name="chartmuseum",
    mechanism="irsa",
    grants=[{"kind": "s3", "resource": config.require("bucket"), "prefix": "charts/", "access": "readWrite"}],
)

pulumi.export("roleArn", charts.identity)
pulumi.export("serviceAccount", charts.service_account_name)
