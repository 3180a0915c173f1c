package dev.keyless.audit.rules;

import dev.keyless.audit.AuditRule;
import dev.keyless.audit.Severity;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import dev.keyless.audit.plan.Unknowns;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * KL011: a Storage Blob Data role (Reader, Contributor or Owner) assigned above one container: on a
 * storage account, resource group or subscription, whose every container it then opens. A scope or
 * role the preview leaves unknown, in whole or in part, is skipped.
 */
public final class AzureBlobRoleScopeRule implements AuditRule {
    private static final Set<String> BLOB_DATA_ROLES = Set.of(
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", // Storage Blob Data Reader
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"); // Storage Blob Data Owner
    private static final String CONTAINER_SCOPE = "/blobservices/default/containers/";

    @Override public String id() { return "KL011"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Blob data role assigned above one container"; }
    @Override public String fix() {
        return "Assign the role on the container: scope …/blobServices/default/containers/NAME (keyless BlobAccess)";
    }

    @Override
    public List<String> check(PlanResource resource, Plan plan) {
        String roleGuid = AzureRoles.roleGuid(resource);
        String scope = resource.text("scope");
        if (roleGuid == null || scope == null || Unknowns.containsUnknown(scope)) {
            return List.of();
        }
        if (!BLOB_DATA_ROLES.contains(roleGuid) || scope.toLowerCase(Locale.ROOT).contains(CONTAINER_SCOPE)) {
            return List.of();
        }
        return List.of("scope " + Values.shorten(scope));
    }
}
