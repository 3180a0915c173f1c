package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.Account;

import java.util.Optional;

/**
 * A Google service account a Kubernetes ServiceAccount impersonates. Grant what keyless does not
 * model to {@link #email()}, or to {@link #account()} when keyless created it.
 *
 * @param email   the account's email, which the ServiceAccount annotation names
 * @param account the account keyless created; empty for an existing one
 */
public record GoogleServiceAccount(Output<String> email, Optional<Account> account) implements GcpPrincipal {

    @Override
    public Output<String> iamMember() {
        return email.applyValue(e -> "serviceAccount:" + e);
    }

    /** @return the email */
    @Override
    public Output<String> exportValue() {
        return email;
    }
}
