package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.preview.engine.RecordedDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewJsonTest {
    private static final String STACK = "urn:pulumi:prod::archive::pulumi:pulumi:Stack::archive-prod";
    private static final String ARCHIVE = "urn:pulumi:prod::archive::pulumi:pulumi:Stack$example:storage:Archive::archive";
    private static final String ROLE = "urn:pulumi:prod::archive::pulumi:pulumi:Stack$example:storage:Archive$aws:iam/role:Role::archiver";
    private static final String BUCKET = "urn:pulumi:prod::archive::pulumi:pulumi:Stack$example:storage:Archive$aws:s3/bucketV2:BucketV2::documents";
    private static final String PROVIDER = "urn:pulumi:prod::archive::pulumi:pulumi:Stack$pulumi:providers:kubernetes::cluster";

    private static String text;
    private static JsonNode document;

    @BeforeAll
    static void runTheProgram() throws Exception {
        RecordedDeployment deployment = ArchiveStack.run();
        text = PreviewJson.render(deployment);
        document = new ObjectMapper().readTree(text);
    }

    @Test
    void hasTheTopLevelFieldsOfPulumiPreviewJsonInAFixedOrder() {
        assertThat(fieldNames(document)).containsExactly("steps", "outputs", "diagnostics", "changeSummary");
        assertThat(document.path("changeSummary").path("create").asInt()).isEqualTo(8);
        assertThat(document.path("diagnostics").size()).isZero();
    }

    @Test
    void startsWithTheStackAsAComponentStep() {
        var stack = document.path("steps").get(0);
        assertThat(stack.path("op").asText()).isEqualTo("create");
        assertThat(stack.path("urn").asText()).isEqualTo(STACK);
        assertThat(stack.path("newState").path("custom").asBoolean()).isFalse();
        assertThat(stack.path("newState").has("id")).isFalse();
        assertThat(stack.path("newState").path("parent").asText()).isEmpty();
    }

    @Test
    void keepsTheStateFieldsInPulumisOrder() {
        assertThat(fieldNames(step(BUCKET).path("newState"))).containsExactly("type", "urn", "custom", "id", "parent",
                "provider", "inputs", "outputs", "dependencies", "propertyDependencies", "protect", "retainOnDelete");
    }

    @Test
    void recordsParentsAndDataSafetyOptions() {
        var bucket = step(BUCKET).path("newState");
        assertThat(bucket.path("parent").asText()).isEqualTo(ARCHIVE);
        assertThat(bucket.path("protect").asBoolean()).isTrue();
        assertThat(bucket.path("retainOnDelete").asBoolean()).isTrue();
        assertThat(bucket.path("id").asText()).isEqualTo("acme-documents");
        assertThat(step(ROLE).path("newState").path("protect").asBoolean()).isFalse();
        assertThat(step(ARCHIVE).path("newState").has("id")).as("components have no id").isFalse();
    }

    @Test
    void recordsDependenciesAsTheEngineReceivedThem() {
        var policy = step(ARCHIVE.replace("example:storage:Archive::archive",
                "example:storage:Archive$aws:iam/rolePolicy:RolePolicy::archiver-writes")).path("newState");
        assertThat(texts(policy.path("dependencies"))).containsExactlyInAnyOrder(ROLE, BUCKET);
        assertThat(texts(policy.path("propertyDependencies").path("policy"))).containsExactly(BUCKET);
        assertThat(texts(policy.path("propertyDependencies").path("role"))).containsExactly(ROLE);
    }

    @Test
    void namesTheExplicitProviderOfAResource() {
        var serviceAccount = step("urn:pulumi:prod::archive::pulumi:pulumi:Stack$kubernetes:core/v1:ServiceAccount::archiver");
        assertThat(serviceAccount.path("provider").asText()).isEqualTo(PROVIDER + "::cluster-provider-id");
        assertThat(serviceAccount.path("newState").path("provider").asText()).isEqualTo(PROVIDER + "::cluster-provider-id");
    }

    @Test
    void masksSecretsInInputsOutputsAndStackOutputs() {
        assertThat(step(PROVIDER).path("newState").path("inputs").path("kubeconfig").asText()).isEqualTo("[secret]");
        var release = step("urn:pulumi:prod::archive::pulumi:pulumi:Stack$kubernetes:helm.sh/v3:Release::docs-ui").path("newState");
        assertThat(release.path("inputs").path("values").path("auth").path("password").asText()).isEqualTo("[secret]");
        assertThat(release.path("outputs").path("values").path("auth").path("password").asText()).isEqualTo("[secret]");
        assertThat(document.path("outputs").path("token").asText()).isEqualTo("[secret]");
        assertThat(text).doesNotContain(ArchiveStack.HELM_PASSWORD, ArchiveStack.EXPORTED_SECRET, "kubeconfig-token");
    }

    @Test
    void writesWholeNumbersAsIntegers() {
        assertThat(document.path("outputs").path("replicas").isIntegralNumber()).isTrue();
        var release = step("urn:pulumi:prod::archive::pulumi:pulumi:Stack$kubernetes:helm.sh/v3:Release::docs-ui");
        assertThat(release.path("newState").path("inputs").path("values").path("replicaCount").isIntegralNumber()).isTrue();
    }

    private static JsonNode step(String urn) {
        for (var step : document.path("steps")) {
            if (step.path("urn").asText().equals(urn)) {
                return step;
            }
        }
        throw new AssertionError("no step for " + urn + " in\n" + text);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
