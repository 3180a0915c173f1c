package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.preview.engine.SecretValue;
import dev.keyless.preview.engine.StackSettings;
import dev.keyless.preview.engine.UnknownValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.keyless.preview.report.ReportText.document;
import static dev.keyless.preview.report.ReportText.section;
import static org.assertj.core.api.Assertions.assertThat;

class ValueRenderingTest {
    private static final Map<String, Object> CONFIG_MAP = Map.of(
            "apiVersion", "v1",
            "kind", "ConfigMap",
            "metadata", Map.of("name", "settings"),
            "data", Map.of("endpoint", UnknownValue.INSTANCE, "token", new SecretValue("plaintext-token")));

    @Test
    void printsUnknownsAsUnknownInTextAndAsPulumisMarkerInJson() throws Exception {
        var deployment = Registered.deployment(Registered.stack(), Registered.custom("kubernetes:core/v1:ConfigMap", "settings", CONFIG_MAP));

        assertThat(document(section(PreviewReport.render(deployment), "Kubernetes objects:"), "kubernetes:core/v1:ConfigMap  settings"))
                .containsExactly(
                        "    apiVersion: v1",
                        "    kind: ConfigMap",
                        "    metadata:",
                        "      name: settings",
                        "    data:",
                        "      endpoint: [unknown]",
                        "      token: [secret]");
        var json = new ObjectMapper().readTree(PreviewJson.render(deployment, StackSettings.of(deployment.project(), deployment.stack()), Duration.ZERO));
        var data = json.path("steps").get(1).path("newState").path("inputs").path("data");
        assertThat(data.path("endpoint").asText()).isEqualTo(UnknownValue.WIRE_MARKER);
        assertThat(data.path("token").asText()).isEqualTo("[secret]");
    }

    @Test
    void printsWholeNumbersAsIntegersAndKeepsFractions() {
        var deployment = Registered.deployment(Registered.stack(), Registered.custom("kubernetes:apps/v1:Deployment", "web",
                Map.of("metadata", Map.of("name", "web"), "spec", Map.of("replicas", 3.0, "ratio", 0.5))));

        assertThat(document(section(PreviewReport.render(deployment), "Kubernetes objects:"), "kubernetes:apps/v1:Deployment  web"))
                .containsExactly(
                        "    apiVersion: apps/v1",
                        "    kind: Deployment",
                        "    metadata:",
                        "      name: web",
                        "    spec:",
                        "      ratio: 0.5",
                        "      replicas: 3");
    }

    @Test
    void findsPolicyDocumentsNestedInListsAndHidesSecretOnes() {
        var policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        var deployment = Registered.deployment(Registered.stack(), Registered.custom("aws:iam/role:Role", "app", Map.of(
                "inlinePolicies", List.of(Map.of("name", "inline", "policy", policy)),
                "assumeRolePolicy", new SecretValue(policy),
                "description", "{\"not\": \"a policy\"}")));

        var policies = section(PreviewReport.render(deployment), "Policy documents:");

        assertThat(policies).containsExactly(
                "Policy documents:",
                "    # aws:iam/role:Role  app  assumeRolePolicy",
                "    [secret]",
                "",
                "    # aws:iam/role:Role  app  inlinePolicies[0].policy",
                "    {",
                "      \"Version\": \"2012-10-17\",",
                "      \"Statement\": []",
                "    }");
    }

    @Test
    void showsReadResourcesAsReadsAndCountsThemApart() {
        var deployment = Registered.deployment(Registered.stack(),
                Registered.read("aws:ec2/vpc:Vpc", "default", "vpc-0example"),
                Registered.custom("aws:ec2/subnet:Subnet", "private", Map.of()));

        var report = PreviewReport.render(deployment);

        assertThat(ReportText.tree(report)).containsExactly(
                "     Type                 Name      Plan",
                " +   pulumi:pulumi:Stack  demo-dev  create",
                " >   ├─ aws:ec2:Vpc       default   read",
                " +   └─ aws:ec2:Subnet    private   create");
        assertThat(section(report, "Resources:")).containsExactly("Resources:", "    + 2 to create", "    > 1 to read");
    }

    @Test
    void saysSoWhenNothingWasRegistered() {
        assertThat(ReportText.tree(PreviewReport.render(Registered.deployment()))).containsExactly(
                "     Type  Name  Plan",
                "     (no resources were registered)");
    }

    @Test
    void printsNestedOutputsAsPulumiDoes() {
        var deployment = new dev.keyless.preview.engine.RecordedDeployment("demo", "dev", List.of(Registered.stack()),
                Map.of("endpoints", List.of("a", "b"), "settings", Map.of("size", 2.0, "password", new SecretValue("p"))),
                List.of(), java.util.Optional.empty());

        assertThat(section(PreviewReport.render(deployment), "Outputs:")).containsExactly(
                "Outputs:",
                "    endpoints: [",
                "        [0]: \"a\"",
                "        [1]: \"b\"",
                "    ]",
                "    settings : {",
                "        password: [secret]",
                "        size    : 2",
                "    }");
    }
}
