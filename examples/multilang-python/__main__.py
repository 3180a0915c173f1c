"""Creates an EKS cluster and binds a workload on it to an IAM role that reads and writes one S3
prefix and reads one secret.

Set up with: pulumi package add ../../components/multilang
"""
import pulumi
import pulumi_keyless as keyless

config = pulumi.Config()
platform = keyless.EksCluster(
    "platform",
    kubernetes_version="1.31",
    node_group={"instance_types": ["t3.medium"], "min_size": 1, "desired_size": 2, "max_size": 3},
)
charts = keyless.FederatedServiceAccount(
    "chartmuseum",
    # The cluster's outputs carry a ClusterReference's field names.
    cluster={
        "cloud": platform.cloud,
        "name": platform.name,
        "cluster_name": platform.cluster_name,
        "issuer_url": platform.issuer_url,
        "oidc_provider_arn": platform.oidc_provider_arn,
        "kubeconfig": platform.kubeconfig,
    },
    namespace="charts",
    name="chartmuseum",
    mechanism="irsa",
    grants=[
        {"kind": "s3", "resource": config.require("bucket"), "prefix": "charts/", "access": "readWrite"},
        {"kind": "secretsManager", "resource": config.require("secretArn"), "access": "readOnly"},
    ],
)

pulumi.export("roleArn", charts.identity)
pulumi.export("serviceAccount", charts.service_account_name)
