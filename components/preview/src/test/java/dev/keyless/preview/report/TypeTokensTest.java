package dev.keyless.preview.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TypeTokensTest {

    @Test
    void shortensTypeTokensWhoseModuleFileRepeatsTheTypeName() {
        assertThat(TypeNames.forDisplay("aws:s3/bucketV2:BucketV2")).isEqualTo("aws:s3:BucketV2");
        assertThat(TypeNames.forDisplay("aws:iam/rolePolicy:RolePolicy")).isEqualTo("aws:iam:RolePolicy");
        assertThat(TypeNames.forDisplay("kubernetes:core/v1:ServiceAccount")).isEqualTo("kubernetes:core/v1:ServiceAccount");
        assertThat(TypeNames.forDisplay("pulumi:pulumi:Stack")).isEqualTo("pulumi:pulumi:Stack");
        assertThat(TypeNames.forDisplay("pulumi:providers:aws")).isEqualTo("pulumi:providers:aws");
    }

    @Test
    void derivesApiVersionAndKindFromKubernetesTypeTokens() {
        assertThat(apiVersionAndKind("kubernetes:core/v1:ServiceAccount")).isEqualTo("v1 ServiceAccount");
        assertThat(apiVersionAndKind("kubernetes:apps/v1:Deployment")).isEqualTo("apps/v1 Deployment");
        assertThat(apiVersionAndKind("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"))
                .isEqualTo("rbac.authorization.k8s.io/v1 ClusterRole");
    }

    @Test
    void doesNotTreatHelmReleasesProvidersOrOtherPackagesAsKubernetesObjects() {
        assertThat(apiVersionAndKind("kubernetes:helm.sh/v3:Release")).isEmpty();
        assertThat(apiVersionAndKind("pulumi:providers:kubernetes")).isEmpty();
        assertThat(apiVersionAndKind("aws:eks/cluster:Cluster")).isEmpty();
        assertThat(KubernetesObjects.apiVersionAndKind(Registered.component("kubernetes:yaml/v2:ConfigGroup", "manifests")))
                .isEmpty();
    }

    private static String apiVersionAndKind(String type) {
        return KubernetesObjects.apiVersionAndKind(Registered.custom(type, "r", Map.of()))
                .map(parts -> parts[0] + " " + parts[1]).orElse("");
    }
}
