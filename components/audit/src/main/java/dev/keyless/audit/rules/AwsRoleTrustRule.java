package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KL018: an IAM role whose trust lets AWS principals in wholesale: any principal ({@code "*"}, as
 * Checkov CKV_AWS_60), an account's root ({@code arn:aws:iam::ACCOUNT:root} or the bare account
 * id, which stands for every principal that account allows: CKV_AWS_61), or a principal of another
 * account without an {@code sts:ExternalId} or {@code aws:MultiFactorAuthPresent} condition (KICS
 * "Cross-Account IAM Assume Role Policy Without ExternalId or MFA"). Federated and service
 * principals are KL006's and pass here. Another account is known only when the role's own ARN is
 * (a role that exists already); an unknown principal or policy is skipped.
 */
public final class AwsRoleTrustRule implements AuditRule {
    private static final Pattern ROOT = Pattern.compile("(?:arn:aws[a-z-]*:iam::)?(\\d{12})(?::root)?");
    private static final Pattern PRINCIPAL_ACCOUNT = Pattern.compile("arn:aws[a-z-]*:(?:iam|sts)::(\\d{12}):.+");

    @Override public String id() { return "KL018"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM role assumable by any principal, an account root, or another account without ExternalId"; }
    @Override public String fix() {
        return "Trust the one role or service that needs it by ARN, and require sts:ExternalId for another account; a workload trusts its cluster's OIDC issuer instead (keyless IrsaIdentity)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("aws", "iam", "Role")) {
            return List.of();
        }
        String ownAccount = account(resource.outputs().path("arn").asText(""));
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.statements(resource.get("assumeRolePolicy"))) {
            if (!PolicyDocument.allows(statement)) {
                continue;
            }
            JsonNode principal = statement.path("Principal");
            List<String> principals = principal.isTextual() ? List.of(principal.textValue()) : Values.texts(principal.path("AWS"));
            boolean guarded = guarded(statement.path("Condition"));
            for (String member : principals) {
                String problem = problem(member, ownAccount, guarded);
                if (problem != null) {
                    findings.add(problem);
                }
            }
        }
        return findings;
    }

    private static String problem(String principal, String ownAccount, boolean guarded) {
        if (Unknowns.containsUnknown(principal)) {
            return null;
        }
        if (principal.equals("*")) {
            return "Principal *: any AWS principal";
        }
        Matcher root = ROOT.matcher(principal);
        if (root.matches()) {
            boolean foreign = ownAccount != null && !ownAccount.equals(root.group(1));
            return "account root " + root.group(1) + (foreign && !guarded ? ", another account, no sts:ExternalId" : "");
        }
        String account = account(principal);
        if (account != null && ownAccount != null && !account.equals(ownAccount) && !guarded) {
            return "another account's " + Values.shorten(principal) + " without sts:ExternalId";
        }
        return null;
    }

    /** Whether the statement requires an external id or MFA, under any condition operator. */
    private static boolean guarded(JsonNode condition) {
        for (Map.Entry<String, JsonNode> operator : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            for (Map.Entry<String, JsonNode> key : (Iterable<Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                String name = key.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("sts:externalid") || name.equals("aws:multifactorauthpresent")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String account(String arn) {
        Matcher matcher = PRINCIPAL_ACCOUNT.matcher(arn);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
