// Creates an EKS cluster and binds a workload on it to an IAM role that reads and writes one S3
// prefix and reads one secret.
// Set up with: pulumi package add ../../components/multilang (it prints the SDK's import path).
package main

import (
	"github.com/pulumi/pulumi-keyless/sdk/go/keyless"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		platform, err := keyless.NewEksCluster(ctx, "platform", &keyless.EksClusterArgs{
			KubernetesVersion: pulumi.String("1.31"),
			NodeGroup: &keyless.EksNodeGroupArgs{
				InstanceTypes: pulumi.StringArray{pulumi.String("t3.medium")},
				MinSize:       pulumi.Int(1), DesiredSize: pulumi.Int(2), MaxSize: pulumi.Int(3),
			},
		})
		if err != nil {
			return err
		}
		charts, err := keyless.NewFederatedServiceAccount(ctx, "chartmuseum", &keyless.FederatedServiceAccountArgs{
			// The cluster's outputs carry a ClusterReference's field names.
			Cluster: &keyless.ClusterReferenceArgs{
				Cloud:           platform.Cloud,
				Name:            platform.Name,
				ClusterName:     platform.ClusterName,
				IssuerUrl:       platform.IssuerUrl,
				OidcProviderArn: platform.OidcProviderArn,
				Kubeconfig:      platform.Kubeconfig,
			},
			Namespace: pulumi.String("charts"),
			Name:      pulumi.String("chartmuseum"),
			Mechanism: pulumi.String("irsa"),
			Grants: keyless.GrantArray{
				&keyless.GrantArgs{
					Kind: pulumi.String("s3"), Resource: pulumi.String(cfg.Require("bucket")),
					Prefix: pulumi.String("charts/"), Access: pulumi.String("readWrite"),
				},
				&keyless.GrantArgs{
					Kind: pulumi.String("secretsManager"), Resource: pulumi.String(cfg.Require("secretArn")),
					Access: pulumi.String("readOnly"),
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("roleArn", charts.Identity)
		return nil
	})
}
