package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;

/**
 * KL012: an S3 bucket ({@code BucketV2} or the older {@code Bucket}) that deleting the stack would
 * delete (neither retainOnDelete nor protect), without versioning enabled (a
 * {@code BucketVersioningV2} with status Enabled, or an older bucket's own {@code versioning}), or
 * without a {@code BucketPublicAccessBlock} that sets all four blocks. One exception: a
 * self-managed cluster's issuer bucket, whose block sets {@code blockPublicAcls} and
 * {@code ignorePublicAcls} and whose bucket policies make public exactly its two issuer documents,
 * read only (S3 refuses or ignores any public policy while {@code blockPublicPolicy} or
 * {@code restrictPublicBuckets} is set); anything more public is KL024's finding. Which bucket a companion
 * resource is about follows {@link BucketReferences#refersTo}; an unknown status or block setting
 * counts as set, so unknown values never make a finding.
 */
public final class S3BucketProtectionRule implements AuditRule {
    private static final List<String> BLOCKS =
            List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");

    @Override public String id() { return "KL012"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "S3 bucket without retain-on-delete, versioning or public-access block"; }
    @Override public String fix() {
        return "Set retainOnDelete (or protect), add a BucketVersioningV2 with status Enabled and a BucketPublicAccessBlock with all four blocks true";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        if (!resource.isType("aws", "s3", "BucketV2") && !resource.isType("aws", "s3", "Bucket")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!resource.survivesDelete()) {
            problems.add("no retainOnDelete or protect");
        }
        if (!versioned(resource, plan)) {
            problems.add("no versioning");
        }
        if (!blocksPublicAccess(resource, plan)) {
            problems.add("no public access block");
        }
        return problems.isEmpty() ? List.of() : List.of(String.join("; ", problems));
    }

    private static boolean versioned(PlanResource bucket, Plan plan) {
        JsonNode inline = bucket.get("versioning").path("enabled");
        if (inline.asBoolean(false) || Unknowns.isUnknown(inline)) {
            return true;
        }
        return plan.ofType("aws", "s3", "BucketVersioningV2").stream()
                .filter(v -> BucketReferences.refersTo(v, bucket))
                .anyMatch(v -> enabledOrUnknown(v.get("versioningConfiguration")));
    }

    private static boolean enabledOrUnknown(JsonNode configuration) {
        JsonNode status = configuration.path("status");
        return Unknowns.isUnknown(configuration) || Unknowns.isUnknown(status) || "Enabled".equals(status.asText());
    }

    private static boolean blocksPublicAccess(PlanResource bucket, Plan plan) {
        var blocks = plan.ofType("aws", "s3", "BucketPublicAccessBlock").stream()
                .filter(b -> BucketReferences.refersTo(b, bucket)).toList();
        return blocks.stream().anyMatch(b -> BLOCKS.stream().allMatch(flag -> set(b, flag)))
                || blocks.stream().anyMatch(b -> set(b, "blockPublicAcls") && set(b, "ignorePublicAcls")) && onlyIssuerDocumentsPublic(bucket, plan);
    }

    private static boolean set(PlanResource block, String flag) {
        return block.get(flag).asBoolean(false) || Unknowns.isUnknown(block.get(flag));
    }

    // Some policy must make the documents public, and none anything more, for the exception.
    private static boolean onlyIssuerDocumentsPublic(PlanResource bucket, Plan plan) {
        var policies = plan.ofType("aws", "s3", "BucketPolicy").stream().filter(p -> BucketReferences.refersTo(p, bucket)).toList();
        var name = bucket.text("bucket");
        return policies.stream().anyMatch(p -> !IssuerDocumentsPolicy.publicStatements(p).isEmpty())
                && policies.stream().allMatch(p -> IssuerDocumentsPolicy.beyondIssuerDocuments(p, name).isEmpty());
    }
}
