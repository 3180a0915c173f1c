package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.preview.engine.RecordedDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON document, field by field, against what {@code pulumi preview --json} prints for a new stack. */
class PreviewJsonTest {
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String STACK = "urn:pulumi:prod::archive::pulumi:pulumi:Stack::archive-prod";
    private static final String ARCHIVE = "urn:pulumi:prod::archive::example:storage:Archive::archive";
    private static final String ROLE = "urn:pulumi:prod::archive::example:storage:Archive$aws:iam/role:Role::archiver";
    private static final String BUCKET = "urn:pulumi:prod::archive::example:storage:Archive$aws:s3/bucketV2:BucketV2::documents";
    private static final String POLICY = "urn:pulumi:prod::archive::example:storage:Archive$aws:iam/rolePolicy:RolePolicy::archiver-writes";
    private static final String PROVIDER = "urn:pulumi:prod::archive::pulumi:providers:kubernetes::cluster";
    private static final String SERVICE_ACCOUNT = "urn:pulumi:prod::archive::kubernetes:core/v1:ServiceAccount::archiver";
    private static final String RELEASE = "urn:pulumi:prod::archive::kubernetes:helm.sh/v3:Release::docs-ui";
    private static final String AWS_DEFAULT = "urn:pulumi:prod::archive::pulumi:providers:aws::default_6_83_0";

    private static String text;
    private static JsonNode document;

    @BeforeAll
    static void runTheProgram() throws Exception {
        RecordedDeployment deployment = ArchiveStack.run();
        text = PreviewJson.render(deployment, ArchiveStack.SETTINGS, Duration.ofMillis(1500));
        document = new ObjectMapper().readTree(text);
    }

    @Test
    void hasThePreviewDigestFieldsInPulumisOrderWithoutEmptyDiagnostics() {
        assertThat(fieldNames(document)).containsExactly("config", "steps", "duration", "changeSummary");
        assertThat(document.path("changeSummary").toString()).isEqualTo("{\"create\":8}");
    }

    @Test
    void listsTheStackConfigurationWithSecretsBlinded() {
        assertThat(document.path("config").toString())
                .isEqualTo("{\"aws:region\":\"eu-central-1\",\"aws:token\":\"[secret]\"}");
    }

    @Test
    void givesTheDurationInNanoseconds() {
        assertThat(document.path("duration").isIntegralNumber()).isTrue();
        assertThat(document.path("duration").asLong()).isEqualTo(1_500_000_000L);
    }

    @Test
    void hasOneStepPerResourceTheProgramRegistersAndNoneForDefaultProviders() {
        assertThat(urns(document.path("steps"))).containsExactly(
                STACK, PROVIDER, ARCHIVE, ROLE, BUCKET, POLICY, SERVICE_ACCOUNT, RELEASE);
        assertThat(document.path("steps").findValuesAsText("op")).containsOnly("create");
    }

    @Test
    void startsWithTheStackAsABareComponentState() {
        var stack = document.path("steps").get(0);
        assertThat(fieldNames(stack)).containsExactly("op", "urn", "newState", "detailedDiff");
        assertThat(stack.path("detailedDiff").isNull()).isTrue();
        assertThat(stack.path("newState").toString()).isEqualTo(
                "{\"urn\":\"" + STACK + "\",\"custom\":false,\"type\":\"pulumi:pulumi:Stack\"}");
    }

    @Test
    void namesTheProviderOfEveryCustomResourceWithAnUnknownIdForProvidersNotYetCreated() {
        for (var urn : List.of(ROLE, BUCKET, POLICY)) {
            assertThat(step(urn).path("provider").asText()).isEqualTo(AWS_DEFAULT + "::" + UNKNOWN);
            assertThat(step(urn).path("newState").path("provider").asText()).isEqualTo(AWS_DEFAULT + "::" + UNKNOWN);
        }
        for (var urn : List.of(SERVICE_ACCOUNT, RELEASE)) {
            assertThat(step(urn).path("provider").asText()).isEqualTo(PROVIDER + "::" + UNKNOWN);
            assertThat(step(urn).path("newState").path("provider").asText()).isEqualTo(PROVIDER + "::" + UNKNOWN);
        }
        assertThat(step(PROVIDER).has("provider")).isFalse();
        assertThat(step(ARCHIVE).has("provider")).isFalse();
    }

    @Test
    void keepsTheStateFieldsInPulumisOrderLeavingOutWhatIsEmptyOrFalse() {
        assertThat(fieldNames(step(BUCKET).path("newState"))).containsExactly(
                "urn", "custom", "type", "inputs", "parent", "protect", "provider", "propertyDependencies", "retainOnDelete");
        assertThat(step(BUCKET).path("newState").path("propertyDependencies").toString())
                .as("every input has an entry, as the resource monitor writes it").isEqualTo("{\"bucket\":[]}");
        assertThat(fieldNames(step(POLICY).path("newState"))).containsExactly(
                "urn", "custom", "type", "inputs", "parent", "dependencies", "provider", "propertyDependencies");
        assertThat(fieldNames(step(ARCHIVE).path("newState"))).containsExactly("urn", "custom", "type", "parent");
    }

    @Test
    void givesNewResourcesNoIdAndNoStepAnyOutputs() {
        var bucket = step(BUCKET).path("newState");
        assertThat(text).doesNotContain("\"id\": \"acme", "123456789012");
        assertThat(bucket.path("inputs").toString()).isEqualTo("{\"bucket\":\"acme-documents\"}");
        assertThat(document.path("steps").findValues("outputs")).isEmpty();
    }

    @Test
    void marksInputsBuiltFromComputedOutputsUnknownAndKeepsThoseBuiltFromInputs() {
        var policy = step(POLICY).path("newState").path("inputs");
        assertThat(policy.path("policy").asText()).isEqualTo(UNKNOWN);
        assertThat(policy.path("role").asText()).as("the role's name was an input").isEqualTo("archiver");
        var annotations = step(SERVICE_ACCOUNT).path("newState").path("inputs").path("metadata").path("annotations");
        assertThat(annotations.toString()).isEqualTo("{\"eks.amazonaws.com/role-arn\":\"" + UNKNOWN + "\"}");
    }

    @Test
    void recordsParentsAndDataSafetyOptions() {
        var bucket = step(BUCKET).path("newState");
        assertThat(bucket.path("parent").asText()).isEqualTo(ARCHIVE);
        assertThat(bucket.path("protect").asBoolean()).isTrue();
        assertThat(bucket.path("retainOnDelete").asBoolean()).isTrue();
        assertThat(step(ROLE).path("newState").has("protect")).isFalse();
        assertThat(step(ROLE).path("newState").has("retainOnDelete")).isFalse();
    }

    @Test
    void sortsDependencies() {
        var policy = step(POLICY).path("newState");
        assertThat(urns(policy.path("dependencies"))).containsExactly(ROLE, BUCKET);
        assertThat(policy.path("propertyDependencies").toString()).isEqualTo(
                "{\"policy\":[\"" + BUCKET + "\"],\"role\":[\"" + ROLE + "\"]}");
    }

    @Test
    void masksSecretsAndLeavesOutStackOutputs() {
        assertThat(step(PROVIDER).path("newState").path("inputs").path("kubeconfig").asText()).isEqualTo("[secret]");
        var release = step(RELEASE).path("newState");
        assertThat(release.path("inputs").path("values").path("auth").path("password").asText()).isEqualTo("[secret]");
        assertThat(text).doesNotContain(ArchiveStack.HELM_PASSWORD, ArchiveStack.EXPORTED_SECRET, ArchiveStack.CONFIG_SECRET,
                "kubeconfig-token");
    }

    @Test
    void writesWholeNumbersAsIntegers() {
        var values = step(RELEASE).path("newState").path("inputs").path("values");
        assertThat(values.path("replicaCount").isIntegralNumber()).isTrue();
    }

    @Test
    void givesAReadResourceTheIdItReadAndMarksItExternal() throws Exception {
        var deployment = Registered.deployment(Registered.stack(), Registered.read("aws:s3/bucketV2:BucketV2", "existing", "legacy-bucket"));
        var json = new ObjectMapper().readTree(PreviewJson.render(deployment, ArchiveStack.SETTINGS, Duration.ZERO));

        var read = json.path("steps").get(1);
        assertThat(read.path("op").asText()).isEqualTo("read");
        assertThat(fieldNames(read.path("newState"))).containsExactly("urn", "custom", "id", "type", "parent", "external", "provider");
        assertThat(read.path("newState").path("id").asText()).isEqualTo("legacy-bucket");
        assertThat(read.path("provider").asText())
                .as("a package version the SDK did not name gives the engine's plain default name")
                .isEqualTo("urn:pulumi:dev::demo::pulumi:providers:aws::default::" + UNKNOWN);
    }

    @Test
    void namesDefaultProvidersAfterTheirVersionAsTheEngineDoes() {
        assertThat(Map.of(
                "", DefaultProvider.name(""),
                "6.83.0", DefaultProvider.name("6.83.0"),
                "0.17.7-dev.1555435978+gb7030aa4.dirty", DefaultProvider.name("0.17.7-dev.1555435978+gb7030aa4.dirty")))
                .isEqualTo(Map.of(
                        "", "default",
                        "6.83.0", "default_6_83_0",
                        "0.17.7-dev.1555435978+gb7030aa4.dirty", "default_0_17_7_dev_1555435978_gb7030aa4_dirty"));
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

    private static List<String> urns(JsonNode array) {
        var urns = new ArrayList<String>();
        array.forEach(element -> urns.add(element.isObject() ? element.path("urn").asText() : element.asText()));
        return urns;
    }
}
