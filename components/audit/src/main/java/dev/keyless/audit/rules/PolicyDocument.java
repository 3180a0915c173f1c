package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The statements of an AWS IAM policy, which Pulumi carries as JSON text (or, rarely, an object). */
final class PolicyDocument {
    /** The IAM resources whose {@code policy} input is a permissions policy. */
    private static final Set<String> POLICY_TYPES = Set.of("RolePolicy", "Policy", "UserPolicy", "GroupPolicy");

    private PolicyDocument() {
    }

    /**
     * The permissions policies a resource carries: the {@code policy} of a {@code RolePolicy},
     * {@code Policy}, {@code UserPolicy} or {@code GroupPolicy}, and each of a role's
     * {@code inlinePolicies[].policy}. Empty for anything else.
     */
    private static List<JsonNode> permissionPolicies(PlanResource resource) {
        String[] type = resource.type().split(":");
        if (type.length != 3 || !resource.isType("aws", "iam", type[2])) {
            return List.of();
        }
        if (POLICY_TYPES.contains(type[2])) {
            return List.of(resource.get("policy"));
        }
        List<JsonNode> policies = new ArrayList<>();
        if (type[2].equals("Role")) {
            resource.get("inlinePolicies").forEach(inline -> policies.add(inline.path("policy")));
        }
        return policies;
    }

    /** The statements of every {@link #permissionPolicies permissions policy} of the resource. */
    static List<JsonNode> permissionStatements(PlanResource resource) {
        List<JsonNode> statements = new ArrayList<>();
        permissionPolicies(resource).forEach(policy -> statements.addAll(statements(policy)));
        return statements;
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
