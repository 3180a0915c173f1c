package dev.keyless.benchmarks.scale;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.AdoptedEksClusterArgs;

/**
 * {@code scale:workloads} workloads on one adopted EKS cluster, each a namespace, an IAM role that
 * trusts one ServiceAccount, a prefix-scoped S3 grant and the annotated ServiceAccount: through
 * keyless ({@code scale:mode: keyless}) or as the same resources written by hand
 * ({@code scale:mode: raw}), with IRSA or EKS Pod Identity ({@code scale:mechanism}); or the same
 * on an adopted GKE cluster (direct principal, GCS grant) or AKS cluster (Entra Workload ID, Blob grant);
 * or a grant on another cloud than the cluster's ({@code eks-gcs}, {@code eks-blob}, {@code gke-s3}); or
 * GitHub Actions environments deploying into AWS ({@code pipeline}).
 */
public final class App {
    static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String BUCKET = "scale-workloads";
    static final String CLUSTER = "platform";
    static final String KUBECONFIG = "{\"apiVersion\":\"v1\",\"kind\":\"Config\"}";

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    static void stack(Context ctx) {
        var config = ctx.config();
        int workloads = config.requireInteger("workloads");
        var mode = config.get("mode").orElse("keyless");
        var mechanism = config.get("mechanism").orElse("irsa");
        var podIdentity = mechanism.equals("pod-identity");
        RawRoles.configure(config.getBoolean("roleInlinePolicy").orElse(false));
        switch (mode + " " + mechanism) {
            case "keyless gke" -> {
                var cluster = GkeWorkloads.adoptedCluster();
                for (int i = 0; i < workloads; i++) {
                    GkeWorkloads.keyless(cluster, "team-" + i);
                }
            }
            case "raw gke" -> {
                var kubernetes = rawKubernetes();
                for (int i = 0; i < workloads; i++) {
                    GkeWorkloads.raw(kubernetes, "team-" + i);
                }
            }
            case "keyless aks" -> {
                var cluster = AksWorkloads.adoptedCluster();
                for (int i = 0; i < workloads; i++) {
                    AksWorkloads.keyless(cluster, "team-" + i);
                }
            }
            case "raw aks" -> {
                var kubernetes = rawKubernetes();
                for (int i = 0; i < workloads; i++) {
                    AksWorkloads.raw(kubernetes, "team-" + i);
                }
            }
            case "keyless eks-gcs" -> {
                var cluster = FederatedWorkloads.adoptedEks();
                for (int i = 0; i < workloads; i++) {
                    FederatedWorkloads.eksToGcs(cluster, "team-" + i);
                }
            }
            case "keyless eks-blob" -> {
                var cluster = FederatedWorkloads.adoptedEks();
                for (int i = 0; i < workloads; i++) {
                    FederatedWorkloads.eksToBlob(cluster, "team-" + i);
                }
            }
            case "keyless gke-s3" -> {
                var cluster = GkeWorkloads.adoptedCluster();
                for (int i = 0; i < workloads; i++) {
                    FederatedWorkloads.gkeToS3(cluster, "team-" + i);
                }
            }
            case "keyless pipeline" -> {
                for (int i = 0; i < workloads; i++) {
                    PipelineWorkloads.keyless(i);
                }
            }
            case "raw eks-gcs" -> {
                var kubernetes = rawKubernetes();
                var pool = RawFederatedWorkloads.gcpPool();
                for (int i = 0; i < workloads; i++) {
                    RawFederatedWorkloads.eksToGcs(kubernetes, pool, "team-" + i);
                }
            }
            case "raw eks-blob" -> {
                var kubernetes = rawKubernetes();
                for (int i = 0; i < workloads; i++) {
                    RawFederatedWorkloads.eksToBlob(kubernetes, "team-" + i);
                }
            }
            case "raw gke-s3" -> {
                var kubernetes = rawKubernetes();
                var provider = RawFederatedWorkloads.awsProviderForGke();
                for (int i = 0; i < workloads; i++) {
                    RawFederatedWorkloads.gkeToS3(kubernetes, provider, "team-" + i);
                }
            }
            case "raw pipeline" -> {
                var provider = PipelineWorkloads.rawProvider();
                for (int i = 0; i < workloads; i++) {
                    PipelineWorkloads.raw(provider, i);
                }
            }
            case "java landing-zone" -> LandingZoneWorkloads.register(workloads);
            case "keyless irsa", "keyless pod-identity" -> {
                var cluster = new AdoptedEksCluster(CLUSTER, AdoptedEksClusterArgs.builder()
                        .clusterName(CLUSTER).issuerUrl(ISSUER).oidcProviderArn(PROVIDER_ARN).kubeconfig(KUBECONFIG)
                        .podIdentityAgent(podIdentity).build());
                for (int i = 0; i < workloads; i++) {
                    KeylessWorkload.register(cluster, "team-" + i, podIdentity);
                }
            }
            case "raw irsa", "raw pod-identity" -> {
                var kubernetes = rawKubernetes();
                for (int i = 0; i < workloads; i++) {
                    RawWorkload.register(kubernetes, "team-" + i, podIdentity);
                }
            }
            default -> throw new IllegalArgumentException("scale:mode must be keyless or raw, and scale:mechanism one of "
                    + "irsa, pod-identity, gke, aks, eks-gcs, eks-blob, gke-s3, pipeline: '" + mode + "', '" + mechanism + "'");
        }
        ctx.export("workloads", com.pulumi.core.Output.of(workloads));
    }

    private static CustomResourceOptions rawKubernetes() {
        var provider = new Provider(CLUSTER + "-k8s", ProviderArgs.builder().kubeconfig(KUBECONFIG).build());
        return CustomResourceOptions.builder().provider(provider).build();
    }
}
