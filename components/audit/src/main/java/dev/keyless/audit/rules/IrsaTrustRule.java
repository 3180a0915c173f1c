package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * KL006: an IAM role that a web identity (an EKS OIDC token) may assume without being pinned to
 * one ServiceAccount and one audience: its {@code :sub} condition is missing or not
 * {@code StringEquals} (a {@code StringLike} pattern matches many ServiceAccounts), or it has no
 * {@code StringEquals} {@code :aud} condition. A trust policy the preview leaves unknown is skipped;
 * unknown text inside a known policy (an issuer, a ServiceAccount name) is only shown.
 */
public final class IrsaTrustRule implements AuditRule {
    private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";

    @Override public String id() { return "KL006"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM role trusts web identities wider than one ServiceAccount"; }
    @Override public String fix() {
        return "Trust one ServiceAccount: StringEquals on ISSUER:sub = system:serviceaccount:NS:NAME and on ISSUER:aud = sts.amazonaws.com (keyless IrsaIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("aws", "iam", "Role")) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.statements(resource.get("assumeRolePolicy"))) {
            if (PolicyDocument.allows(statement) && Values.texts(statement.path("Action")).contains(WEB_IDENTITY)) {
                String problems = problems(statement.path("Condition"));
                if (!problems.isEmpty()) {
                    findings.add(problems);
                }
            }
        }
        return findings;
    }

    private static String problems(JsonNode condition) {
        String exactSub = null;
        String looseSub = null;
        boolean exactAud = false;
        for (Map.Entry<String, JsonNode> operator : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            boolean exact = operator.getKey().equals("StringEquals");
            for (Map.Entry<String, JsonNode> key : (Iterable<Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                String value = String.join(",", Values.texts(key.getValue()));
                if (key.getKey().endsWith(":sub")) {
                    if (exact) {
                        exactSub = value;
                    } else {
                        looseSub = operator.getKey() + " sub " + value;
                    }
                } else if (key.getKey().endsWith(":aud") && exact) {
                    exactAud = true;
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (exactSub == null) {
            problems.add(looseSub == null ? "no sub condition" : Values.shorten(looseSub));
        }
        if (!exactAud) {
            problems.add("no StringEquals aud condition");
        }
        return String.join("; ", problems);
    }
}
