package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * A Google service account a workload impersonates, created ({@code NAME-gsa}) or taken as it is,
 * and the one binding that lets the workload's member impersonate it
 * ({@code NAME-workload-identity-user}, {@code roles/iam.workloadIdentityUser} on the account).
 * Shared by GKE's impersonation and by federation from other issuers, which differ only in the member.
 *
 * @param identity            the account, as grants name it
 * @param workloadIdentityUser the binding; pods can impersonate the account once it exists
 */
record ImpersonatedServiceAccount(GoogleServiceAccount identity, IAMMember workloadIdentityUser) {
    /** The role that lets a workload impersonate the Google service account. */
    static final String WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";

    /**
     * @param owner         the workload component, the parent of both
     * @param baseName      the prefix of the children's names
     * @param existingEmail the account to take; a new one is created when empty
     * @param accountId     the new account's id (claimed by the caller)
     * @param project       the new account's project
     * @param member        who may impersonate it
     * @param displayName   the new account's display name
     * @param description   how it is impersonated, for the new account's description
     * @param waitFor       what both wait for (the cluster, the pool provider)
     * @param provider      the gcp provider, if the mechanism names one
     * @return the account and its binding
     */
    static ImpersonatedServiceAccount register(ComponentResource owner, String baseName, Optional<String> existingEmail,
                                               Output<String> accountId, Output<String> project, Output<String> member,
                                               String displayName, String description, List<Resource> waitFor,
                                               Optional<Provider> provider) {
        Output<String> email;
        Output<String> resourceName;
        Optional<Account> created;
        if (existingEmail.isPresent()) {
            var given = existingEmail.get();
            email = Output.of(given);
            resourceName = Output.of("projects/" + ServiceAccountIds.projectOf(given) + "/serviceAccounts/" + given);
            created = Optional.empty();
        } else {
            var gsa = new Account(baseName + "-gsa", AccountArgs.builder()
                    .accountId(accountId)
                    .project(project)
                    .displayName(displayName)
                    .description(description)
                    .build(),
                    options(owner, waitFor, provider));
            email = gsa.email();
            resourceName = gsa.name();
            created = Optional.of(gsa);
        }
        var user = new IAMMember(baseName + "-workload-identity-user", IAMMemberArgs.builder()
                .serviceAccountId(resourceName)
                .role(WORKLOAD_IDENTITY_USER)
                .member(member)
                .build(),
                options(owner, waitFor, provider));
        return new ImpersonatedServiceAccount(new GoogleServiceAccount(email, created), user);
    }

    private static CustomResourceOptions options(ComponentResource owner, List<Resource> waitFor, Optional<Provider> provider) {
        var options = CustomResourceOptions.builder().parent(owner).dependsOn(waitFor);
        provider.ifPresent(options::provider);
        return options.build();
    }
}
