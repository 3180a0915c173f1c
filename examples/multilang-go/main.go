// Binds a workload on an adopted EKS cluster to an IAM role that reads and writes one S3 prefix.
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
		charts, err := keyless.NewFederatedServiceAccount(ctx, "chartmuseum", &keyless.FederatedServiceAccountArgs{
			Cluster: &keyless.ClusterReferenceArgs{
				Cloud:       pulumi.String("aws"),
				Name:        pulumi.String("platform"),
				ClusterName: pulumi.String(cfg.Require("clusterName")),
				IssuerUrl:   pulumi.String(cfg.Require("issuerUrl")),
				Kubeconfig:  cfg.RequireSecret("kubeconfig"),
			},
			Namespace: pulumi.String("charts"),
			Name:      pulumi.String("chartmuseum"),
			Mechanism: pulumi.String("irsa"),
			Grants: keyless.GrantArray{&keyless.GrantArgs{
				Kind: pulumi.String("s3"), Resource: pulumi.String(cfg.Require("bucket")),
				Prefix: pulumi.String("charts/"), Access: pulumi.String("readWrite"),
			}},
		})
		if err != nil {
			return err
		}
		ctx.Export("roleArn", charts.Identity)
		return nil
	})
}
