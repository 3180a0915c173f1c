package dev.keyless.gcp;

import com.pulumi.core.Output;

/**
 * A Kubernetes ServiceAccount (or, on explicit request, every ServiceAccount of a namespace) as an
 * IAM principal of the project's workload identity pool: no Google service account in between.
 *
 * @param principal {@code principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/PROJECT_ID.svc.id.goog/subject/ns/NS/sa/KSA},
 *                  or {@code principalSet://.../namespace/NS}
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity#kubernetes-resources-iam-policies">Reference Kubernetes resources in IAM policies</a>
 */
public record WorkloadPrincipal(Output<String> principal) implements GcpPrincipal {

    @Override
    public Output<String> iamMember() {
        return principal;
    }

    /** @return the principal */
    @Override
    public Output<String> exportValue() {
        return principal;
    }
}
