package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ProgramClaims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workload Identity Federation for GKE through a Google service account: the Kubernetes
 * ServiceAccount {@code PROJECT_ID.svc.id.goog[NS/KSA]} is granted
 * {@code roles/iam.workloadIdentityUser} on a Google service account, is annotated
 * {@code iam.gke.io/gcp-service-account: EMAIL}, and the grants name the Google service account.
 * For APIs that do not accept workload pool principals, and for identities shared with workloads
 * outside GKE.
 *
 * <p>The Google service account is created ({@code NAME-gsa}, its id derived from the component's
 * name unless {@link Builder#accountId} sets it) or taken as it is ({@link Builder#existingServiceAccount}).
 * It never gets a key.
 *
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity#kubernetes-sa-to-iam">Link Kubernetes ServiceAccounts to IAM</a>
 */
public final class ServiceAccountImpersonation extends GkeIdentity {
    /** The ServiceAccount annotation the GKE metadata server reads. */
    public static final String SERVICE_ACCOUNT_ANNOTATION = "iam.gke.io/gcp-service-account";
    /** The role that lets a Kubernetes ServiceAccount impersonate the Google service account. */
    public static final String WORKLOAD_IDENTITY_USER = ImpersonatedServiceAccount.WORKLOAD_IDENTITY_USER;

    private final Optional<String> accountId;
    private final Optional<String> existingEmail;

    private ServiceAccountImpersonation(Builder builder) {
        this.accountId = Optional.ofNullable(builder.accountId);
        this.existingEmail = Optional.ofNullable(builder.existingEmail);
    }

    /** @return impersonation of a new Google service account whose id comes from the component's name */
    public static ServiceAccountImpersonation defaults() {
        return builder().build();
    }

    /** @return a builder for impersonation with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "GKE service account impersonation";
    }

    @Override
    IdentityPlan plan(GcpBinding binding) {
        if (accountId.isPresent() && existingEmail.isPresent()) {
            throw InvalidInputException.conflict("existingServiceAccount", "accountId",
                    "an existing service account keeps its own id");
        }
        var id = accountId.orElseGet(() -> ServiceAccountIds.derive(binding.baseName()));
        var field = accountId.isPresent() ? "accountId" : "accountId (from the component's name)";
        // One account per id in a project, whichever component creates it: claimed now when the
        // project is known, otherwise once it is, before the account registers.
        Output<String> claimedId;
        if (existingEmail.isPresent()) {
            claimedId = Output.of(id);
        } else if (binding.cluster().knownProjectId().isPresent()) {
            ProgramClaims.current().claim(ServiceAccountIds.claim(field, binding.cluster().knownProjectId().get(), id), binding.baseName());
            claimedId = Output.of(id);
        } else {
            claimedId = binding.cluster().projectId().applyValue(project -> {
                ProgramClaims.current().claim(ServiceAccountIds.claim(field, project, id), binding.baseName());
                return id;
            });
        }
        return owner -> bind(owner, binding, claimedId);
    }

    private CloudBinding bind(ComponentResource owner, GcpBinding binding, Output<String> id) {
        var cluster = binding.cluster();
        var account = binding.account();
        // After the cluster: an adopted cluster whose values from another stack are refused
        // registers nothing, so neither does the account meant for it. Naming the pool's member
        // before the pool exists fails: the binding waits for the cluster too.
        var impersonated = ImpersonatedServiceAccount.register(owner, binding.baseName(), existingEmail, id, cluster.projectId(),
                cluster.workloadPool().applyValue(pool ->
                        "serviceAccount:" + pool + "[" + account.namespace() + "/" + account.name() + "]"),
                account.namespace() + "/" + account.name(),
                "Impersonated by Kubernetes ServiceAccount " + account.namespace() + "/" + account.name()
                        + " through Workload Identity Federation for GKE",
                List.of(cluster.readiness()), Optional.empty());
        var identity = impersonated.identity();
        var ready = new ArrayList<Resource>(List.of(impersonated.workloadIdentityUser()));
        ready.addAll(bindGrants(owner, binding, identity));
        return new CloudBinding(
                identity,
                identity.email().applyValue(e -> Map.of(SERVICE_ACCOUNT_ANNOTATION, e)),
                Map.of(),
                Map.of(),
                cluster.podNodeSelector(),
                ready);
    }

    /** Builds a {@link ServiceAccountImpersonation}. */
    public static final class Builder {
        private String accountId;
        private String existingEmail;

        private Builder() {
        }

        /**
         * The id of the Google service account to create: its email is {@code ID@PROJECT_ID.iam.gserviceaccount.com}.
         * Defaults to the component's name when that is a valid id, otherwise to the name cut to
         * fit plus a short hash of it, the same on every run.
         *
         * @param accountId 6 to 30 of {@code [a-z0-9-]}, starting with a letter
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = ServiceAccountIds.requireId("accountId", accountId);
            return this;
        }

        /**
         * Impersonates an existing Google service account instead of creating one. keyless grants
         * the Kubernetes ServiceAccount {@code roles/iam.workloadIdentityUser} on it and binds the
         * grants to it; it must not hold keys. Excludes {@link #accountId}.
         *
         * @param email the account's email, {@code NAME@PROJECT_ID.iam.gserviceaccount.com}
         * @return this builder
         */
        public Builder existingIdentity(String email) {
            this.existingEmail = ServiceAccountIds.requireEmail("existingServiceAccount", email);
            return this;
        }

        /**
         * @param email the account's email, {@code NAME@PROJECT_ID.iam.gserviceaccount.com}
         * @return this builder
         * @deprecated use {@link #existingIdentity(String)}, the name every cloud's mechanism uses
         */
        @Deprecated
        public Builder existingServiceAccount(String email) {
            return existingIdentity(email);
        }

        /** @return the mechanism */
        public ServiceAccountImpersonation build() {
            return new ServiceAccountImpersonation(this);
        }
    }
}
