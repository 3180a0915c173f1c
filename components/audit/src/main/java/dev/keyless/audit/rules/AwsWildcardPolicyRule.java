package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * KL009: an IAM policy ({@code RolePolicy}, {@code Policy}, {@code UserPolicy}, {@code GroupPolicy},
 * or a role's inline policy) with an Allow statement whose actions contain {@code *} ({@code *}, {@code s3:*},
 * {@code s3:Get*}), that uses {@code NotAction}, or whose resources include {@code *}. One finding
 * per statement. A policy the preview leaves unknown is skipped; within a known policy, an unknown
 * action or resource is not a wildcard. {@code Resource *} passes in a statement whose every action
 * IAM authorizes only on {@code *}: the ECR registry login, whose "Resource types" is empty
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html),
 * as keyless EcrAccess grants it in a statement of its own.
 */
public final class AwsWildcardPolicyRule implements AuditRule {
    /** Actions that name no resource, so {@code *} is their only possible resource. */
    private static final Set<String> ONLY_ON_ANY_RESOURCE = Set.of("ecr:GetAuthorizationToken");

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
            Values.texts(statement.path("Action")).stream().filter(a -> a.contains("*"))
                    .forEach(a -> wide.add("Action " + a));
            if (!statement.path("NotAction").isMissingNode()) {
                wide.add("NotAction");
            }
            List<String> actions = Values.texts(statement.path("Action"));
            boolean onlyAnyResourceActions = !actions.isEmpty() && ONLY_ON_ANY_RESOURCE.containsAll(actions);
            if (Values.texts(statement.path("Resource")).contains("*") && !onlyAnyResourceActions) {
                wide.add("Resource *");
            }
            if (!wide.isEmpty()) {
                findings.add(Values.shorten(String.join(", ", wide)));
            }
        }
        return findings;
    }
}
