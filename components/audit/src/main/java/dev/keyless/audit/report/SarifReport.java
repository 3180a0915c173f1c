package dev.keyless.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Finding;
import java.util.List;

/**
 * The findings as a SARIF 2.1.0 log: one run whose driver lists every rule (so a tool can show
 * what was checked and passed), and one result per finding. A resource has no file and line, so
 * each result's location is logical, the resource's URN; its physical location is the plan file.
 * The message names the URN too, for viewers that show only messages and files.
 */
public final class SarifReport {
    /** The schema a SARIF 2.1.0 log names. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    /**
     * The log for {@code findings} of {@code rules} over the plan at {@code planUri}.
     *
     * @param planUri the plan file as the command was given it, for the results' artifact
     *                location; null when the plan came from standard input
     */
    public static String render(List<AuditRule> rules, List<Finding> findings, String planUri) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "keyless-audit");
        driver.put("informationUri", "https://github.com/keyless-dev/keyless");
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.forEach(rule -> rule(ruleNodes.addObject(), rule));
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            result(results.addObject(), finding, rules.indexOf(finding.rule()), planUri);
        }
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void rule(ObjectNode node, AuditRule rule) {
        node.put("id", rule.id());
        node.put("name", rule.getClass().getSimpleName());
        node.putObject("shortDescription").put("text", rule.title());
        node.putObject("help").put("text", rule.fix());
        node.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
        node.putObject("properties").put("severity", rule.severity().label());
    }

    private static void result(ObjectNode node, Finding finding, int ruleIndex, String planUri) {
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", finding.severity().sarifLevel());
        node.putObject("message").put("text", finding.rule().title() + ": " + finding.value()
                + " (" + finding.urn() + "). Fix: " + finding.fix());
        ObjectNode location = node.putArray("locations").addObject();
        if (planUri != null) {
            location.putObject("physicalLocation").putObject("artifactLocation").put("uri", planUri);
        }
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", finding.urn().substring(finding.urn().lastIndexOf("::") + 2));
        logical.put("fullyQualifiedName", finding.urn());
        logical.put("kind", "resource");
        node.putObject("properties").put("severity", finding.severity().label());
    }
}
