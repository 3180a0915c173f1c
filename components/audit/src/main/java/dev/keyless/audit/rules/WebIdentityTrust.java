package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Allow statement of an IAM role's trust that lets an OIDC token in
 * ({@code sts:AssumeRoleWithWebIdentity}), read once for the rules that judge it: which issuer, and
 * what it checks of the token's {@code sub} and {@code aud}.
 *
 * @param issuer      the issuer's host and path, from the {@code Federated} provider ARN or the
 *                    condition keys; empty when neither says
 * @param exactSubs   the {@code sub} values under {@code StringEquals}
 * @param looseSubs   the {@code sub} conditions under any other operator, as {@code OPERATOR sub VALUES}
 * @param looseValues the values of those other {@code sub} conditions
 * @param exactAud    whether {@code aud} is checked with {@code StringEquals}
 * @param anyAud      whether {@code aud} is checked at all
 * @param otherClaims whether any condition key other than {@code sub} and {@code aud} is checked
 */
record WebIdentityTrust(String issuer, List<String> exactSubs, List<String> looseSubs, List<String> looseValues,
                        boolean exactAud, boolean anyAud, boolean otherClaims) {
    private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
    private static final String PROVIDER_ARN = ":oidc-provider/";

    /** Each web-identity statement of {@code resource}'s trust; empty for anything but a known role trust. */
    static List<WebIdentityTrust> of(PlanResource resource) {
        if (!resource.isType("aws", "iam", "Role")) {
            return List.of();
        }
        List<WebIdentityTrust> trusts = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.statements(resource.get("assumeRolePolicy"))) {
            if (PolicyDocument.allows(statement) && Values.texts(statement.path("Action")).contains(WEB_IDENTITY)) {
                trusts.add(read(statement));
            }
        }
        return trusts;
    }

    private static WebIdentityTrust read(JsonNode statement) {
        String issuer = "";
        for (String federated : Values.texts(statement.path("Principal").path("Federated"))) {
            int at = federated.indexOf(PROVIDER_ARN);
            if (at >= 0) {
                issuer = federated.substring(at + PROVIDER_ARN.length());
            }
        }
        List<String> exactSubs = new ArrayList<>();
        List<String> looseSubs = new ArrayList<>();
        List<String> looseValues = new ArrayList<>();
        boolean exactAud = false;
        boolean anyAud = false;
        boolean otherClaims = false;
        JsonNode condition = statement.path("Condition");
        for (Map.Entry<String, JsonNode> operator : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            boolean exact = operator.getKey().equals("StringEquals");
            for (Map.Entry<String, JsonNode> key : (Iterable<Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                List<String> values = Values.texts(key.getValue());
                String name = key.getKey();
                if (name.endsWith(":sub")) {
                    issuer = issuer.isEmpty() ? name.substring(0, name.length() - ":sub".length()) : issuer;
                    if (exact) {
                        exactSubs.addAll(values);
                    } else {
                        looseSubs.add(operator.getKey() + " sub " + String.join(",", values));
                        looseValues.addAll(values);
                    }
                } else if (name.endsWith(":aud")) {
                    issuer = issuer.isEmpty() ? name.substring(0, name.length() - ":aud".length()) : issuer;
                    anyAud = true;
                    exactAud |= exact;
                } else {
                    otherClaims = true;
                }
            }
        }
        return new WebIdentityTrust(issuer, exactSubs, looseSubs, looseValues, exactAud, anyAud, otherClaims);
    }

    /** Whether nothing names the caller: no {@code sub} condition at all. */
    boolean noSub() {
        return exactSubs.isEmpty() && looseSubs.isEmpty();
    }

    /** Whether the audience is all it checks: any token the issuer mints for that audience passes. */
    boolean audienceOnly() {
        return anyAud && noSub() && !otherClaims;
    }

    /**
     * Whether this trusts a CI system's jobs rather than a cluster's ServiceAccounts: its issuer is a
     * CI system's, or a subject it names reads as a pipeline's.
     */
    boolean isCi() {
        return CiSubjects.isCiIssuer(issuer)
                || exactSubs.stream().anyMatch(CiSubjects::looksLikeCi)
                || looseValues.stream().anyMatch(CiSubjects::looksLikeCi);
    }
}
