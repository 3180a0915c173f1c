package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;

/** The statements of an AWS IAM policy, which Pulumi carries as JSON text (or, rarely, an object). */
final class PolicyDocument {
    private PolicyDocument() {
    }

    /**
     * The {@code Statement} entries of {@code policy}, a single statement read as a list of one;
     * empty when the policy is unknown or is not a JSON policy, since neither can be judged.
     */
    static List<JsonNode> statements(JsonNode policy) {
        if (Unknowns.isUnknown(policy)) {
            return List.of();
        }
        JsonNode document = policy.isTextual() ? Values.parseJson(policy.textValue()) : policy;
        List<JsonNode> statements = new ArrayList<>();
        if (document == null) {
            return statements;
        }
        JsonNode statement = document.path("Statement");
        if (statement.isArray()) {
            statement.forEach(statements::add);
        } else if (statement.isObject()) {
            statements.add(statement);
        }
        return statements;
    }

    /** Whether the statement grants rather than denies (IAM's default effect is Deny). */
    static boolean allows(JsonNode statement) {
        return "Allow".equals(statement.path("Effect").asText());
    }
}
