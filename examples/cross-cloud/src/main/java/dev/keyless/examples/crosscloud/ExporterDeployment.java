package dev.keyless.examples.crosscloud;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.core.FederatedServiceAccount;

import java.util.Map;

/**
 * The exporter's Deployment. Its pod template is the app's own (image, its settings, a locked-down
 * security context); {@link FederatedServiceAccount#podTemplate} adds what the identities need:
 * the ServiceAccount, the projected tokens for AWS, GCP and Azure, Google's credential
 * configuration, and the variables each cloud's SDK reads.
 */
final class ExporterDeployment {
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "exporter");

    private ExporterDeployment() {
    }

    static Deployment create(ExampleSettings settings, AdoptedEksCluster cluster, FederatedServiceAccount exporter) {
        var app = ContainerArgs.builder()
                .name("exporter")
                .image(settings.image())
                .env(EnvVarArgs.builder().name("EXPORT_URL").value("s3://" + settings.exportBucket() + "/" + settings.exportPrefix()).build(),
                        EnvVarArgs.builder().name("RESULTS_URL").value("gs://" + settings.gcsBucket()).build(),
                        EnvVarArgs.builder().name("LEDGER_URL")
                                .value("https://" + settings.blobAccount() + ".blob.core.windows.net/" + settings.blobContainer()).build())
                .securityContext(SecurityContextArgs.builder()
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .build())
                .build();
        var template = PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder().labels(LABELS).build())
                .spec(PodSpecArgs.builder()
                        .securityContext(PodSecurityContextArgs.builder().runAsNonRoot(true).build())
                        .containers(app)
                        .build())
                .build();
        return new Deployment("exporter", DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().namespace(exporter.namespace()).labels(LABELS).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(LABELS).build())
                        .template(exporter.podTemplate(template))
                        .build())
                .build(),
                CustomResourceOptions.builder().provider(cluster.kubernetesProvider()).build());
    }
}
