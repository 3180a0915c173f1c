package dev.keyless.examples.crosscloud;

import com.pulumi.Config;
import com.pulumi.core.Output;

/**
 * The stack's configuration: the existing cluster, the three existing stores and the image.
 *
 * @param clusterName       the EKS cluster's name
 * @param issuerUrl         its OIDC issuer, exactly as its tokens' {@code iss}
 * @param oidcProviderArn   the IAM OIDC provider for that issuer in the cluster's account
 * @param kubeconfig        a kubeconfig for the cluster (a secret)
 * @param exportBucket      the S3 bucket the exporter writes
 * @param exportPrefix      the prefix it writes under; default {@code exporter/}
 * @param gcsBucket         the GCS bucket it reads
 * @param blobResourceGroup the resource group of the storage account it reads
 * @param blobAccount       that storage account
 * @param blobContainer     the Blob container it reads
 * @param image             the exporter's image
 */
record ExampleSettings(String clusterName, String issuerUrl, String oidcProviderArn, Output<String> kubeconfig,
                       String exportBucket, String exportPrefix, String gcsBucket,
                       String blobResourceGroup, String blobAccount, String blobContainer, String image) {

    static ExampleSettings from(Config config) {
        return new ExampleSettings(
                config.require("clusterName"),
                config.require("issuerUrl"),
                config.require("oidcProviderArn"),
                config.requireSecret("kubeconfig"),
                config.require("exportBucket"),
                config.get("exportPrefix").orElse("exporter/"),
                config.require("gcsBucket"),
                config.require("blobResourceGroup"),
                config.require("blobAccount"),
                config.require("blobContainer"),
                config.require("image"));
    }
}
