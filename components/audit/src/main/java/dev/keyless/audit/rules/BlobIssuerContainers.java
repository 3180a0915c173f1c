package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;

/**
 * A self-managed cluster's issuer in Blob Storage, as keyless's {@code BlobOidcIssuer} lays it out:
 * an account of its own, whose only container in the plan is the issuer's, of access level
 * {@code Blob} (anonymous reads by name, never listing), kept when the stack is deleted. The two
 * documents are uploaded outside the deployment, so the plan cannot show what the container holds;
 * what it shows is that the container is dedicated to the issuer. KL014 and KL023 accept exactly
 * this, and still judge any other container or account.
 */
final class BlobIssuerContainers {
    static final String ISSUER_TYPE = "keyless:azure:BlobOidcIssuer";

    private BlobIssuerContainers() {
    }

    /** Whether the container is an issuer's: a child of the issuer component, reading blobs by name only, kept. */
    static boolean isIssuerContainer(PlanResource container, Plan plan) {
        return issuerParent(container, plan) && "Blob".equals(container.text("publicAccess")) && container.survivesDelete();
    }

    /** Whether the account is an issuer's, and every container the plan puts in it is the issuer's container. */
    static boolean isIssuerAccount(PlanResource account, Plan plan) {
        if (!issuerParent(account, plan)) {
            return false;
        }
        JsonNode name = account.get("accountName");
        var containers = plan.ofType("azure-native", "storage", "BlobContainer").stream()
                .filter(c -> name.isTextual() && name.equals(c.get("accountName")))
                .toList();
        return !containers.isEmpty() && containers.stream().allMatch(c -> isIssuerContainer(c, plan));
    }

    private static boolean issuerParent(PlanResource resource, Plan plan) {
        return resource.parent() != null && plan.find(resource.parent()).map(p -> ISSUER_TYPE.equals(p.type())).orElse(false);
    }
}
