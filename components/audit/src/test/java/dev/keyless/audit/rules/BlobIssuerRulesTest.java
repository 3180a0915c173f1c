package dev.keyless.audit.rules;

import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import org.junit.jupiter.api.Test;

/** A self-managed cluster's issuer in Blob Storage: its own account, one container readable by blob name, and nothing else public. */
class BlobIssuerRulesTest {
    private static final String ISSUER = "keyless:azure:BlobOidcIssuer";
    private static final String ACCOUNT = "azure-native:storage:StorageAccount";
    private static final String CONTAINER = "azure-native:storage:BlobContainer";
    private static final String UNDER_ISSUER = "\"parent\":\"" + Fixtures.urn(ISSUER, "issuer") + "\",\"protect\":true";

    private static String[] issuer(String containerAccess, String containerExtra) {
        return new String[] {
            step(ISSUER, "issuer", "{}"),
            Fixtures.step(ACCOUNT, "issuer-account", "{\"accountName\":\"k3sissuer\",\"allowBlobPublicAccess\":true}", UNDER_ISSUER),
            Fixtures.step(CONTAINER, "issuer-container",
                    "{\"accountName\":\"k3sissuer\",\"containerName\":\"oidc\",\"publicAccess\":\"" + containerAccess + "\"}", containerExtra)};
    }

    @Test
    void theIssuersAccountAndBlobReadableContainerHaveNoFinding() {
        assertThat(check(new BlobContainerProtectionRule(), issuer("Blob", UNDER_ISSUER))).isEmpty();
        assertThat(check(new StorageAccountBlobPublicAccessRule(), issuer("Blob", UNDER_ISSUER))).isEmpty();
    }

    @Test
    void aListableContainerOrOneOutsideTheIssuerIsStillAFinding() {
        assertThat(check(new BlobContainerProtectionRule(), issuer("Container", UNDER_ISSUER)))
                .containsExactly("issuer-container: publicAccess Container");
        assertThat(check(new StorageAccountBlobPublicAccessRule(), issuer("Container", UNDER_ISSUER)))
                .containsExactly("issuer-account: allowBlobPublicAccess: true");
        assertThat(check(new BlobContainerProtectionRule(), issuer("Blob", "\"protect\":true")))
                .containsExactly("issuer-container: publicAccess Blob");
    }

    @Test
    void aSecondContainerInTheIssuersAccountMakesTheAccountAFinding() {
        var plan = issuer("Blob", UNDER_ISSUER);
        var withOther = new String[] {plan[0], plan[1], plan[2],
            Fixtures.step(CONTAINER, "uploads", "{\"accountName\":\"k3sissuer\",\"containerName\":\"uploads\",\"publicAccess\":\"Blob\"}", "\"protect\":true")};
        assertThat(check(new StorageAccountBlobPublicAccessRule(), withOther)).containsExactly("issuer-account: allowBlobPublicAccess: true");
        assertThat(check(new BlobContainerProtectionRule(), withOther)).containsExactly("uploads: publicAccess Blob");
    }

    @Test
    void anIssuerContainerThatTheStackWouldDeleteIsAFinding() {
        var unkept = "\"parent\":\"" + Fixtures.urn(ISSUER, "issuer") + "\"";
        assertThat(check(new BlobContainerProtectionRule(), issuer("Blob", unkept)))
                .containsExactly("issuer-container: publicAccess Blob; no retainOnDelete or protect");
    }
}
