package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;

/**
 * KL009: an IAM policy ({@code RolePolicy}, {@code Policy}, {@code UserPolicy}, {@code GroupPolicy},
 * or a role's inline policy) with an Allow statement whose actions contain {@code *} ({@code *}, {@code s3:*},
 * {@code s3:Get*}), that uses {@code NotAction}, or whose resources include {@code *}. One finding
 * per statement. A policy the preview leaves unknown is skipped; within a known policy, an unknown
 * action or resource is not a wildcard. What the controller presets need on {@code *} is read for
 * what it is ({@link AnyResourceStatements}): actions that name no resource, metadata reads such as
 * {@code ec2:Describe*} (whose wildcard is then no finding either), mutations confined to tagged
 * resources, and one service's linked role.
 */
public final class AwsWildcardPolicyRule implements AuditRule {
    @Override public String id() { return "KL009"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM policy allows wildcard actions or resources"; }
    @Override public String fix() {
        return "Name each action and each bucket or object ARN the workload needs (keyless S3Access writes such a policy)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.permissionStatements(resource)) {
            if (!PolicyDocument.allows(statement)) {
                continue;
            }
            List<String> wide = new ArrayList<>();
            Values.texts(statement.path("Action")).stream()
                    .filter(a -> a.contains("*") && !AnyResourceStatements.readsOnly(a))
                    .forEach(a -> wide.add("Action " + a));
            if (!statement.path("NotAction").isMissingNode()) {
                wide.add("NotAction");
            }
            if (Values.texts(statement.path("Resource")).contains("*") && !AnyResourceStatements.admitted(statement)) {
                wide.add("Resource *");
            }
            if (!wide.isEmpty()) {
                findings.add(Values.shorten(String.join(", ", wide)));
            }
        }
        return findings;
    }
}
