package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * KL019: an IAM permissions policy that lets its holder make itself more powerful: an Allow
 * statement on {@code Resource "*"} with {@code iam:PassRole} (hand any role to a service it
 * starts) or an action of the single-step escalation set (new policy versions, attaching or
 * writing policies, rewriting a trust, keys and passwords for other users), as Checkov's
 * Cloudsplaining checks CKV_AWS_286 (privilege escalation), CKV_AWS_287 (credentials exposure)
 * and CKV_AWS_289 (permissions management) find them. Wildcard actions ({@code iam:*},
 * {@code iam:Attach*}, {@code *}) count for every action they match. An unknown policy, action or
 * resource is skipped.
 */
public final class AwsPrivilegeEscalationRule implements AuditRule {
    /** Cloudsplaining's one-action escalation methods (salesforce/cloudsplaining, privilege-escalation docs), PassRole first. */
    static final List<String> ESCALATION_ACTIONS = List.of(
            "iam:PassRole",
            "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
            "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy",
            "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy",
            "iam:AddUserToGroup", "iam:UpdateAssumeRolePolicy",
            "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile");

    @Override public String id() { return "KL019"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM policy allows iam:PassRole or privilege escalation on every resource"; }
    @Override public String fix() {
        return "Name the roles iam:PassRole may pass (with an iam:PassedToService condition) and drop the IAM write actions, or scope them to named ARNs";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.permissionStatements(resource)) {
            if (!PolicyDocument.allows(statement) || !Values.texts(statement.path("Resource")).contains("*")) {
                continue;
            }
            List<String> patterns = Values.texts(statement.path("Action"));
            List<String> escalations = ESCALATION_ACTIONS.stream()
                    .filter(action -> patterns.stream().anyMatch(p -> matches(p, action))).toList();
            if (!escalations.isEmpty()) {
                List<String> wildcards = patterns.stream().filter(p -> p.contains("*")).toList();
                String through = wildcards.isEmpty() ? "" : " (through " + String.join(", ", wildcards) + ")";
                findings.add(list(escalations) + " on *" + through);
            }
        }
        return findings;
    }

    /** Up to three actions by name; more as the first two and a count, so a wildcard stays one line. */
    private static String list(List<String> actions) {
        return actions.size() <= 3 ? String.join(", ", actions)
                : actions.get(0) + ", " + actions.get(1) + " and " + (actions.size() - 2) + " more";
    }

    /** Whether IAM's action pattern (case-insensitive, {@code *} and {@code ?}) matches {@code action}. */
    private static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }
}
