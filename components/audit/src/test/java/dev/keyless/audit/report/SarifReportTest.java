package dev.keyless.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Auditor;
import dev.keyless.audit.Finding;
import dev.keyless.audit.Fixtures;
import dev.keyless.audit.plan.PlanReader;
import dev.keyless.audit.rules.AuditRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    private static final String BLOB_URN = "urn:pulumi:dev::shop::azure-native:storage:BlobContainer::public";

    private final Auditor auditor = new Auditor(AuditRules.all());

    private JsonNode sarif(String planUri) throws Exception {
        List<Finding> findings = auditor.audit(PlanReader.read(Fixtures.text("bad-plan.json")));
        return new ObjectMapper().readTree(SarifReport.render(auditor.rules(), findings, planUri));
    }

    @Test
    void theLogIsOneSarif210RunOfKeylessAudit() throws Exception {
        JsonNode log = sarif("plan.json");
        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs").size()).isEqualTo(1);
        JsonNode driver = log.path("runs").get(0).path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("keyless-audit");
        assertThat(driver.path("informationUri").asText()).isEqualTo("https://github.com/keyless-dev/keyless");
    }

    @Test
    void theDriverListsEveryRuleWithItsDescriptionHelpAndLevel() throws Exception {
        JsonNode rules = sarif("plan.json").path("runs").get(0).path("tool").path("driver").path("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        assertThat(ids).containsExactly("KL001", "KL002", "KL003", "KL004", "KL005", "KL006", "KL007",
                "KL008", "KL009", "KL010", "KL011", "KL012", "KL013", "KL014", "KL015", "KL016", "KL017",
                "KL018", "KL019", "KL020", "KL021", "KL022", "KL023", "KL024", "KL025", "KL026", "KL027",
                "KL028", "KL029", "KL030", "KL031", "KL032", "KL033");
        for (int i = 0; i < rules.size(); i++) {
            AuditRule rule = auditor.rules().get(i);
            JsonNode node = rules.get(i);
            assertThat(node.path("name").asText()).isEqualTo(rule.getClass().getSimpleName());
            assertThat(node.path("shortDescription").path("text").asText()).isEqualTo(rule.title());
            assertThat(node.path("help").path("text").asText()).isEqualTo(rule.fix());
            assertThat(node.path("defaultConfiguration").path("level").asText()).isEqualTo(rule.severity().sarifLevel());
            assertThat(node.path("properties").path("severity").asText()).isEqualTo(rule.severity().label());
        }
        assertThat(rules.get(0).path("shortDescription").path("text").asText())
                .isEqualTo("AWS IAM access key (a static credential)");
        assertThat(rules.get(0).path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        assertThat(rules.get(13).path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
    }

    @Test
    void eachFindingIsAResultWithItsRuleLevelMessageAndUrn() throws Exception {
        JsonNode results = sarif("plan.json").path("runs").get(0).path("results");
        assertThat(results.size()).isEqualTo(25);
        JsonNode blob = results.get(20); // the medium findings follow the 20 high and critical ones
        assertThat(blob.path("ruleId").asText()).isEqualTo("KL014");
        assertThat(blob.path("ruleIndex").asInt()).isEqualTo(13);
        assertThat(blob.path("level").asText()).isEqualTo("warning");
        assertThat(blob.path("message").path("text").asText()).isEqualTo(
                "Blob container open to public access or deletable with the stack: publicAccess Blob; "
                        + "no retainOnDelete or protect (" + BLOB_URN + "). "
                        + "Fix: Set publicAccess: None and retainOnDelete (or protect) on the container");
        assertThat(blob.path("locations").size()).isEqualTo(1);
        JsonNode location = blob.path("locations").get(0);
        assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo("plan.json");
        assertThat(location.path("logicalLocations").size()).isEqualTo(1);
        JsonNode logical = location.path("logicalLocations").get(0);
        assertThat(logical.path("name").asText()).isEqualTo("public");
        assertThat(logical.path("fullyQualifiedName").asText()).isEqualTo(BLOB_URN);
        assertThat(logical.path("kind").asText()).isEqualTo("resource");
        assertThat(blob.path("properties").path("severity").asText()).isEqualTo("medium");

        List<String> levels = new ArrayList<>();
        results.forEach(result -> levels.add(result.path("ruleId").asText() + "=" + result.path("level").asText()));
        assertThat(levels).containsExactly("KL001=error", "KL002=error", "KL003=error", "KL015=error",
                "KL004=error", "KL005=error", "KL006=error", "KL007=error", "KL008=error", "KL009=error", "KL009=error",
                "KL010=error", "KL011=error", "KL016=error", "KL017=error", "KL018=error", "KL019=error", "KL020=error",
                "KL012=warning", "KL013=warning", "KL014=warning", "KL021=warning", "KL022=warning", "KL023=warning",
                "KL030=warning");
    }

    @Test
    void aPlanFromStandardInputHasNoPhysicalLocation() throws Exception {
        JsonNode location = sarif(null).path("runs").get(0).path("results").get(0).path("locations").get(0);
        assertThat(location.has("physicalLocation")).isFalse();
        assertThat(location.path("logicalLocations").get(0).path("fullyQualifiedName").asText())
                .isEqualTo("urn:pulumi:dev::shop::aws:iam/accessKey:AccessKey::ci-key");
    }

    @Test
    void aCleanPlanStillListsTheRulesAndHasAnEmptyResultsArray() throws Exception {
        List<Finding> none = auditor.audit(PlanReader.read(Fixtures.text("clean-plan.json")));
        JsonNode run = new ObjectMapper().readTree(SarifReport.render(auditor.rules(), none, "p.json")).path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").size()).isEqualTo(33);
        assertThat(run.path("results").isArray()).isTrue();
        assertThat(run.path("results").size()).isZero();
    }
}
