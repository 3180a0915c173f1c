package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceAccountRulesTest {
    private static final String SA = "kubernetes:core/v1:ServiceAccount";
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final String IRSA = "\"annotations\":{\"eks.amazonaws.com/role-arn\":\"" + U + "\"}";

    private static String podTemplate(String podSpec) {
        return "{\"metadata\":{\"namespace\":\"shop\"},\"spec\":{\"template\":{\"spec\":{" + podSpec + "\"containers\":[]}}}}";
    }

    @Test
    void workloadsWithoutAServiceAccountOrWithDefaultAreFindings() {
        assertThat(check(new DefaultServiceAccountRule(),
                step(DEPLOYMENT, "unnamed", podTemplate("")),
                step("kubernetes:batch/v1:CronJob", "nightly", "{\"spec\":{\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":"
                        + "{\"serviceAccountName\":\"default\",\"containers\":[]}}}}}}"),
                step("kubernetes:core/v1:Pod", "legacy", "{\"spec\":{\"serviceAccount\":\"default\",\"containers\":[]}}"),
                step(DEPLOYMENT, "named", podTemplate("\"serviceAccountName\":\"shop\",")),
                step(DEPLOYMENT, "unknown-name", podTemplate("\"serviceAccountName\":\"" + U + "\",")),
                step(DEPLOYMENT, "unknown-spec", "{\"spec\":\"" + U + "\"}")))
                .containsExactly(
                        "unnamed: spec.template.spec names no serviceAccountName: pods run as default",
                        "nightly: spec.jobTemplate.spec.template.spec.serviceAccountName default",
                        "legacy: spec.serviceAccountName default");
    }

    @Test
    void theDefaultAccountMustNotMountItsTokenOrBeBoundToRoles() {
        String binding = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
        assertThat(check(new DefaultServiceAccountRule(),
                step(SA, "default", "{\"metadata\":{\"name\":\"default\",\"namespace\":\"shop\"}}"),
                step(SA, "default-off", "{\"metadata\":{\"name\":\"default\"},\"automountServiceAccountToken\":false}"),
                step(binding, "reader", "{\"roleRef\":{\"kind\":\"Role\",\"name\":\"reader\"},\"subjects\":["
                        + "{\"kind\":\"ServiceAccount\",\"name\":\"default\",\"namespace\":\"shop\"}]}"),
                step("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "named", "{\"roleRef\":{\"name\":\"view\"},"
                        + "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"shop\",\"namespace\":\"shop\"},{\"kind\":\"User\",\"name\":\"default\"}]}")))
                .containsExactly("default: default ServiceAccount mounts its token", "reader: binds reader to shop/default");
    }

    @Test
    void helmValuesAreReadByTheServiceAccountConventionOfCharts() {
        assertThat(check(new DefaultServiceAccountRule(),
                step(RELEASE, "unnamed", "{\"values\":{\"serviceAccount\":{\"create\":false}}}"),
                step(RELEASE, "default", "{\"values\":{\"serviceAccount\":{\"create\":false,\"name\":\"default\"}}}"),
                step(RELEASE, "top-level", "{\"values\":{\"serviceAccountName\":\"default\"}}"),
                step(RELEASE, "named", "{\"values\":{\"serviceAccount\":{\"create\":false,\"name\":\"chartmuseum\"}}}"),
                step(RELEASE, "created", "{\"values\":{\"serviceAccount\":{\"create\":true}}}"),
                step(RELEASE, "chart-defaults", "{\"values\":{\"image\":{\"tag\":\"v1\"}}}"),
                step(RELEASE, "unknown", "{\"values\":{\"serviceAccount\":{\"create\":false,\"name\":\"" + U + "\"}}}")))
                .containsExactly(
                        "unnamed: values.serviceAccount: create false and no name: pods run as default",
                        "default: values name the default ServiceAccount",
                        "top-level: values name the default ServiceAccount");
    }

    @Test
    void anIdentityBearingServiceAccountMustNotMountItsApiToken() {
        assertThat(check(new IdentityTokenAutomountRule(),
                step(SA, "unset", "{\"metadata\":{\"name\":\"a\"," + IRSA + "}}"),
                step(SA, "on", "{\"metadata\":{\"name\":\"b\",\"annotations\":{\"iam.gke.io/gcp-service-account\":\"b@p.iam.gserviceaccount.com\"}},"
                        + "\"automountServiceAccountToken\":true}"),
                step(SA, "off", "{\"metadata\":{\"name\":\"c\",\"annotations\":{\"azure.workload.identity/client-id\":\"" + U + "\"}},"
                        + "\"automountServiceAccountToken\":false}"),
                step(SA, "plain", "{\"metadata\":{\"name\":\"d\"}}"),
                step(SA, "unknown", "{\"metadata\":{\"name\":\"e\"," + IRSA + "},\"automountServiceAccountToken\":\"" + U + "\"}")))
                .containsExactly("unset: eks.amazonaws.com/role-arn and automountServiceAccountToken unset",
                        "on: iam.gke.io/gcp-service-account and automountServiceAccountToken true");
    }

    @Test
    void aPodThatTurnsTheTokenBackOnForAnIdentityBearingAccountIsAFinding() {
        assertThat(check(new IdentityTokenAutomountRule(),
                step(SA, "shop", "{\"metadata\":{\"name\":\"shop\",\"namespace\":\"shop\"," + IRSA + "},\"automountServiceAccountToken\":false}"),
                step(SA, "plain", "{\"metadata\":{\"name\":\"plain\",\"namespace\":\"shop\"}}"),
                step(DEPLOYMENT, "api", podTemplate("\"serviceAccountName\":\"shop\",\"automountServiceAccountToken\":true,")),
                step(DEPLOYMENT, "plain", podTemplate("\"serviceAccountName\":\"plain\",\"automountServiceAccountToken\":true,")),
                step(DEPLOYMENT, "other-namespace", "{\"metadata\":{\"namespace\":\"ops\"},\"spec\":{\"template\":{\"spec\":"
                        + "{\"serviceAccountName\":\"shop\",\"automountServiceAccountToken\":true}}}}"),
                step(DEPLOYMENT, "quiet", podTemplate("\"serviceAccountName\":\"shop\",")),
                step(RELEASE, "chart", "{\"values\":{\"serviceAccount\":{\"name\":\"x\",\"automountServiceAccountToken\":true,"
                        + IRSA + "}}}"),
                step(RELEASE, "chart-off", "{\"values\":{\"serviceAccount\":{\"name\":\"x\",\"automountServiceAccountToken\":false,"
                        + IRSA + "}}}")))
                .containsExactly("api: spec.template.spec.automountServiceAccountToken true for shop",
                        "chart: values.serviceAccount: eks.amazonaws.com/role-arn and automountServiceAccountToken true");
    }
}
