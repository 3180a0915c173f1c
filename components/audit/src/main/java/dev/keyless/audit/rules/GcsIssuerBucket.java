package dev.keyless.audit.rules;

import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a Cloud Storage bucket is a self-managed cluster's issuer bucket, as keyless GcsOidcIssuer
 * makes it: uniform bucket-level access (so no object ACL can make anything else public), one or
 * more public grants that are all {@code allUsers} with {@code roles/storage.objectViewer}, and, of
 * the objects the stack holds in it, only the two issuer documents
 * ({@code .well-known/openid-configuration}, {@code openid/v1/jwks}). Such a bucket needs
 * {@code publicAccessPrevention: inherited}, since {@code enforced} refuses the {@code allUsers}
 * member (https://cloud.google.com/storage/docs/public-access-prevention). Anything the preview
 * leaves unknown here (a member, a role, an object's name) keeps the bucket from being read as one:
 * the exception needs every part known. Objects written outside the stack cannot be seen; the
 * role makes them public too, which is why the bucket must be the issuer's alone.
 */
final class GcsIssuerBucket {
    private static final String READER = "roles/storage.objectViewer";
    private static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");
    /** Other ways to open a bucket or its objects, none of which an issuer bucket has. */
    private static final List<String> OTHER_GRANTS = List.of("BucketIAMPolicy", "BucketACL", "BucketAccessControl",
            "DefaultObjectACL", "DefaultObjectAccessControl", "ObjectACL", "ObjectAccessControl");

    private GcsIssuerBucket() {
    }

    static boolean isIssuerBucket(PlanResource bucket, Plan plan) {
        if (!bucket.get("uniformBucketLevelAccess").asBoolean(false)) {
            return false;
        }
        if (OTHER_GRANTS.stream().anyMatch(type -> !companions(plan, type, bucket).isEmpty())) {
            return false;
        }
        List<PlanResource> grants = new ArrayList<>(companions(plan, "BucketIAMMember", bucket));
        grants.addAll(companions(plan, "BucketIAMBinding", bucket));
        List<PlanResource> publicGrants = grants.stream().filter(GcsIssuerBucket::mayBePublic).toList();
        boolean onlyPublicRead = !publicGrants.isEmpty() && publicGrants.stream().allMatch(g -> READER.equals(g.text("role"))
                && GcpIam.members(g).stream().filter(PUBLIC_MEMBERS::contains).allMatch("allUsers"::equals));
        List<PlanResource> objects = companions(plan, "BucketObject", bucket);
        boolean onlyDocuments = !objects.isEmpty() && objects.stream().allMatch(o -> {
            String name = o.text("name");
            return name != null && IssuerDocumentsPolicy.ISSUER_KEYS.contains(name);
        });
        return onlyPublicRead && onlyDocuments;
    }

    // A grant whose members or role are unknown may be public, and then cannot be shown to be the read alone.
    private static boolean mayBePublic(PlanResource grant) {
        String role = grant.text("role");
        boolean unknown = role == null || Unknowns.containsUnknown(role) || Unknowns.containsUnknown(grant.get("member").toString())
                || Unknowns.containsUnknown(grant.get("members").toString());
        return unknown || GcpIam.members(grant).stream().anyMatch(PUBLIC_MEMBERS::contains);
    }

    private static List<PlanResource> companions(Plan plan, String type, PlanResource bucket) {
        return plan.ofType("gcp", "storage", type).stream().filter(c -> BucketReferences.refersTo(c, bucket)).toList();
    }
}
