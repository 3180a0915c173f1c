package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;
import java.util.regex.Pattern;

/**
 * KL008: an Entra federated identity credential whose {@code subject} is not exactly one
 * Kubernetes ServiceAccount, {@code system:serviceaccount:NAMESPACE:NAME} with DNS-label names
 * (so no wildcard, and no missing part), nor exactly one CI job's: a GitHub Actions
 * {@code repo:ORG/REPO:environment:NAME}, {@code …:ref:refs/heads/BRANCH}, {@code …:ref:refs/tags/TAG}
 * or {@code …:pull_request}, or a GitLab {@code project_path:GROUP/PROJECT:ref_type:branch:ref:BRANCH}
 * or {@code …:ref_type:tag:ref:TAG}
 * (keyless PipelineIdentity makes these). A subject the preview leaves unknown, in whole or in part,
 * is skipped.
 */
public final class FederatedCredentialSubjectRule implements AuditRule {
    private static final Pattern ONE_SERVICE_ACCOUNT = Pattern.compile(
            "system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?");

    @Override public String id() { return "KL008"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Federated identity credential trusts more than one ServiceAccount or pipeline"; }
    @Override public String fix() {
        return "Set subject to exactly system:serviceaccount:NAMESPACE:NAME, or one pipeline subject such as repo:ORG/REPO:environment:NAME, one credential per subject (keyless EntraWorkloadIdentity, PipelineIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("azure-native", "managedidentity", "FederatedIdentityCredential")) {
            return List.of();
        }
        JsonNode subject = resource.get("subject");
        if (subject.isTextual() && Unknowns.containsUnknown(subject.textValue())) {
            return List.of();
        }
        if (subject.isTextual() && (ONE_SERVICE_ACCOUNT.matcher(subject.textValue()).matches()
                || CiSubjects.isExactlyOne(subject.textValue()))) {
            return List.of();
        }
        return List.of("subject: " + (subject.isTextual() ? Values.shorten(subject.textValue()) : "unset"));
    }
}
