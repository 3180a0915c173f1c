package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationAutoArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ResourceGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.gcp.GrantDeployments.API_PRINCIPAL;
import static dev.keyless.gcp.GrantDeployments.deploy;
import static dev.keyless.gcp.GrantDeployments.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secret Manager roles on one secret. */
class SecretAccessTest {
    private static final String MEMBER = "gcp:secretmanager/secretIamMember:SecretIamMember";
    private static final String DB = "projects/shop-prod-4711/secrets/db-password";

    private static Secret secret(String logicalName, String secretId) {
        return new Secret(logicalName, SecretArgs.builder().secretId(secretId)
                .replication(SecretReplicationArgs.builder().auto(SecretReplicationAutoArgs.builder().build()).build()).build());
    }

    @Test
    void readOnlyGrantsTheAccessorRoleOnTheOneSecretToTheWorkloadsPrincipal() {
        var member = deploy(ctx -> List.of(SecretAccess.readOnly(DB)))
                .resource(MEMBER, "api-grant-shop-prod-4711.db-password-secretmanager-secretaccessor");

        assertThat(member.inputs()).isEqualTo(Map.of(
                "secretId", DB,
                "role", "roles/secretmanager.secretAccessor",
                "member", API_PRINCIPAL));
    }

    @Test
    void addVersionsGrantsTheVersionAdderRoleAndIsAGrantBesideReading() {
        var deployment = deploy(ctx -> List.of(SecretAccess.readOnly(DB), SecretAccess.addVersions(DB)));

        assertThat(deployment.ofType(MEMBER)).extracting(r -> r.name() + " " + r.input("role").orElseThrow()).containsExactlyInAnyOrder(
                "api-grant-shop-prod-4711.db-password-secretmanager-secretaccessor roles/secretmanager.secretAccessor",
                "api-grant-shop-prod-4711.db-password-secretmanager-secretversionadder roles/secretmanager.secretVersionAdder");
        assertThat(deployment.resource(MEMBER, "api-grant-shop-prod-4711.db-password-secretmanager-secretversionadder").input("secretId"))
                .contains(DB);
    }

    @Test
    void aManagedSecretIsNamedByItsFullNameAndGrantedAfterItExists() {
        var deployment = deploy(ctx -> List.of(SecretAccess.readOnly(secret("db", "db-password"))));
        var member = deployment.resource(MEMBER, "api-grant-db-secretmanager-secretaccessor");

        // The simulated provider's project when the stack configures none.
        assertThat(member.input("secretId")).contains("projects/example-project/secrets/db-password");
        assertThat(member.input("member")).contains(API_PRINCIPAL);
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:secretmanager/secret:Secret", "db"))).isTrue();
    }

    @Test
    void aSecretFromAnotherStackIsKeyedByTheGivenKeyAndBoundLikeANamedOne() {
        var member = deploy(ctx -> List.of(SecretAccess.readOnly("db", Output.of(DB)))).resource(MEMBER, "api-grant-db-secretmanager-secretaccessor");

        assertThat(member.inputs()).isEqualTo(Map.of("secretId", DB, "role", "roles/secretmanager.secretAccessor", "member", API_PRINCIPAL));
    }

    @Test
    void anImpersonatedGoogleServiceAccountHoldsTheGrant() {
        var deployment = deploy(ServiceAccountImpersonation.defaults(), ctx -> List.of(SecretAccess.readOnly(DB)));
        var member = deployment.resource(MEMBER, "api-grant-shop-prod-4711.db-password-secretmanager-secretaccessor");
        var account = deployment.resource("gcp:serviceaccount/account:Account", "api-gsa");

        assertThat(member.input("member").orElseThrow()).isEqualTo("serviceAccount:" + account.output("email").orElseThrow())
                .asString().endsWith("@shop-prod-4711.iam.gserviceaccount.com");
    }

    @Test
    void aWildcardAVersionOrAnotherServicesNameIsRefusedNamingTheRule() {
        for (var name : List.of("projects/shop-prod-4711/secrets/*", "projects/shop-prod-4711/secrets/db-*",
                "projects/shop-prod-4711/secrets/db-password/versions/latest", "db-password", "projects/*/secrets/db-password",
                "projects/shop-prod-4711/topics/db-password", "projects/Shop/secrets/db-password")) {
            assertThatThrownBy(() -> SecretAccess.readOnly(name)).as(name).isInstanceOf(InvalidInputException.class)
                    .hasMessage("secret must be " + GcpResourceNames.SECRET_RULE + ": '" + name + "'");
        }
        assertThat(GcpResourceNames.SECRET_RULE).contains("no wildcard");
    }

    @Test
    void aSecretIdLongerThan255IsRefusedAndOneOf255Accepted() {
        assertThat(SecretAccess.readOnly("projects/123456789012/secrets/" + "s".repeat(255)).role()).isEqualTo(SecretAccess.READ_ROLE);
        assertThatThrownBy(() -> SecretAccess.addVersions("projects/123456789012/secrets/" + "s".repeat(256)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("secret must be ");
    }

    @Test
    void aNameFromAnotherStackBreakingTheRuleFailsWithThePlainMessageBeforeTheGrantRegisters() {
        var failure = failing(List.of(SecretAccess.readOnly("db", Output.of("projects/shop-prod-4711/secrets/*"))));

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo("secret must be " + GcpResourceNames.SECRET_RULE + ": 'projects/shop-prod-4711/secrets/*'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
        assertThat(failure.deployment().ofType("kubernetes:core/v1:ServiceAccount")).isEmpty();
    }

    @Test
    void theKeyAndTheInputsAreCheckedAtTheFactory() {
        assertThatThrownBy(() -> SecretAccess.readOnly("DB", Output.of(DB))).isInstanceOf(InvalidInputException.class)
                .hasMessage("key must be 1 to 63 characters of [a-z0-9-], starting and ending with a letter or digit: 'DB'");
        assertThatThrownBy(() -> SecretAccess.readOnly("db", (Output<String>) null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("secretName must be a Secret Manager secret's resource name, not null: 'null'");
        assertThatThrownBy(() -> SecretAccess.readOnly((Secret) null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("secret must be a gcp.secretmanager.Secret, not null: 'null'");
    }

    @Test
    void theSameSecretTwiceIsRefusedNamingBoth() {
        var failure = failing(List.of(SecretAccess.readOnly(DB), SecretAccess.readOnly(DB)));

        assertThat(failure.message()).isEqualTo("grants[1] must be a grant other than grants[0] (Secret Manager roles/secretmanager.secretAccessor on "
                + DB + "): both would be the child 'api-grant-shop-prod-4711.db-password-secretmanager-secretaccessor': "
                + "'Secret Manager roles/secretmanager.secretAccessor on " + DB + "'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }

    @Test
    void oneSecretIdInTwoProjectsIsTwoGrants() {
        var deployment = deploy(ctx -> List.of(SecretAccess.readOnly(DB), SecretAccess.readOnly("projects/shop-stage-4711/secrets/db-password")));

        assertThat(deployment.ofType(MEMBER)).extracting(r -> r.input("secretId").orElseThrow())
                .containsExactlyInAnyOrder(DB, "projects/shop-stage-4711/secrets/db-password");
    }
}
