package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.List;

/**
 * KL024: an S3 bucket policy that makes public more than a self-managed cluster's two issuer
 * documents ({@code .well-known/openid-configuration} and {@code openid/v1/jwks}, read only). A
 * policy that makes nothing public, or exactly those two objects readable, has no finding; an
 * unknown policy cannot be judged and has none either.
 */
public final class PublicBucketObjectsRule implements AuditRule {
    @Override public String id() { return "KL024"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "S3 bucket policy makes public more than the two issuer documents"; }
    @Override public String fix() {
        return "Allow everyone s3:GetObject on exactly BUCKET/.well-known/openid-configuration and BUCKET/openid/v1/jwks, nothing else";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("aws", "s3", "BucketPolicy")) {
            return List.of();
        }
        var bucket = resource.get("bucket");
        var beyond = IssuerDocumentsPolicy.beyondIssuerDocuments(resource, bucket.isTextual() ? bucket.textValue() : null);
        return beyond.isEmpty() ? List.of() : List.of("public " + String.join(", ", beyond));
    }
}
