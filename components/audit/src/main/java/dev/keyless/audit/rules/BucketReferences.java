package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;

/**
 * Whether a bucket's companion resource (an S3 bucket's versioning, public access block or policy;
 * a Cloud Storage bucket's IAM member or object) is about a given bucket.
 */
final class BucketReferences {
    private BucketReferences() {
    }

    /**
     * Whether {@code companion}'s {@code bucket} input refers to {@code bucket}: by the bucket's name
     * ({@code bucket} for S3, {@code name} for Cloud Storage) or id when both are known; by the input's dependency on the bucket's URN; or, failing both,
     * by being the bucket's child. A companion whose bucket is unknown and whose dependencies the
     * document does not record cannot be placed, and counts for every bucket, so an unknown value
     * never makes a finding.
     */
    static boolean refersTo(PlanResource companion, PlanResource bucket) {
        JsonNode reference = companion.get("bucket");
        if (reference.isTextual() && !Unknowns.isUnknown(reference)) {
            String name = reference.textValue();
            return name.equals(bucket.text("bucket")) || name.equals(bucket.text("name"))
                    || name.equals(bucket.outputs().path("id").asText(null))
                    || name.equals(bucket.outputs().path("bucket").asText(null));
        }
        List<String> dependencies = companion.propertyDependencies().get("bucket");
        if (dependencies != null && !dependencies.isEmpty()) {
            return dependencies.contains(bucket.urn());
        }
        return companion.parent().equals(bucket.urn()) || Unknowns.isUnknown(reference);
    }
}
