package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import dev.keyless.preview.engine.RegisteredResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keyless.gcp.GrantDeployments.deploy;
import static dev.keyless.gcp.GrantDeployments.failing;
import static org.assertj.core.api.Assertions.assertThat;

/** Grants naming their resources by Outputs from another stack: the first bad one, in grant order, is refused on every run. */
class GrantOutputRefusalsTest {
    private static final String SECRET_RULE = "secret must be a Secret Manager secret's resource name naming one secret, "
            + "projects/PROJECT/secrets/SECRET_ID: PROJECT a project ID or number, SECRET_ID 1 to 255 characters of [A-Za-z0-9_-] "
            + "(no wildcard, no /versions/ suffix): ";

    @Test
    void twoBadNamesReportTheFirstGrantsOnEveryRunAndRegisterNoneOfTheWorkload() {
        for (var run = 0; run < 10; run++) {
            var failure = failing(List.<AccessGrant>of(
                    SecretAccess.readOnly("db", Output.of("projects/shop-prod-4711/secrets/db password")),
                    KmsKeyAccess.encryptDecrypt("orders", Output.of("projects/shop-prod-4711/keyRings/*"))));

            assertThat(failure.message()).as("run %d", run).isEqualTo(SECRET_RULE + "'projects/shop-prod-4711/secrets/db password'");
            assertThat(failure.registeredBesidesStack()).as("run %d", run).extracting(RegisteredResource::name)
                    .doesNotContain("api", "api-sa", "api-grant-db-secretmanager-secretaccessor");
        }
    }

    @Test
    void aGoodNameFromAnotherStackIsGrantedAsGiven() {
        var db = "projects/shop-prod-4711/secrets/db-password";
        var member = deploy(ctx -> List.of(SecretAccess.readOnly("db", Output.of(db)), SecretAccess.readOnly("api", Output.of(db + "-api"))))
                .resource("gcp:secretmanager/secretIamMember:SecretIamMember", "api-grant-db-secretmanager-secretaccessor");
        assertThat(member.input("secretId")).contains(db);
    }
}
