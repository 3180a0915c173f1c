package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an S3 bucket policy makes public, and whether that is exactly a self-managed cluster's
 * issuer documents: {@code s3:GetObject} for everyone on the objects
 * {@code .well-known/openid-configuration} and {@code openid/v1/jwks} of the bucket, and nothing else.
 */
final class IssuerDocumentsPolicy {
    /** The object keys an issuer bucket may make public. */
    static final Set<String> ISSUER_KEYS = Set.of(".well-known/openid-configuration", "openid/v1/jwks");

    private IssuerDocumentsPolicy() {
    }

    /** The statements of the policy that allow everyone ({@code "*"} or {@code {"AWS":"*"}}) anything. */
    static List<JsonNode> publicStatements(PlanResource bucketPolicy) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.statements(bucketPolicy.get("policy"))) {
            JsonNode principal = statement.path("Principal");
            boolean everyone = "*".equals(principal.asText(null)) || Values.texts(principal.path("AWS")).contains("*");
            if (PolicyDocument.allows(statement) && everyone) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** What the public statements allow beyond reading the two issuer documents of {@code bucketName}; empty when nothing. */
    static List<String> beyondIssuerDocuments(PlanResource bucketPolicy, String bucketName) {
        List<String> beyond = new ArrayList<>();
        for (JsonNode statement : publicStatements(bucketPolicy)) {
            for (String action : Values.texts(statement.path("Action"))) {
                if (!action.equals("s3:GetObject")) {
                    beyond.add("action " + action);
                }
            }
            if (statement.has("NotAction") || statement.has("NotResource")) {
                beyond.add("NotAction/NotResource");
            }
            for (String resource : Values.texts(statement.path("Resource"))) {
                if (!isIssuerDocument(resource, bucketName)) {
                    beyond.add("resource " + resource);
                }
            }
        }
        return beyond;
    }

    private static boolean isIssuerDocument(String resource, String bucketName) {
        int object = resource.indexOf(":s3:::");
        if (!resource.startsWith("arn:") || object < 0) {
            return false;
        }
        String path = resource.substring(object + ":s3:::".length());
        int slash = path.indexOf('/');
        return slash > 0 && (bucketName == null || path.substring(0, slash).equals(bucketName))
                && ISSUER_KEYS.contains(path.substring(slash + 1));
    }
}
