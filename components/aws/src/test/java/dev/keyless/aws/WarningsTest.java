package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Legal but dangerous choices are warned about in the engine log, which `pulumi preview` shows. */
class WarningsTest {

    private static List<String> warnings(IrsaIdentity identity) {
        var deployment = SimulatedStack.named("warnings").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").identity(identity).build()));
        return deployment.diagnostics(Diagnostic.Severity.WARNING).stream().map(Diagnostic::message).toList();
    }

    @Test
    void broadManagedPoliciesAreWarnedAbout() {
        assertThat(warnings(IrsaIdentity.builder()
                .managedPolicyArn("arn:aws:iam::aws:policy/AdministratorAccess")
                .managedPolicyArn("arn:aws:iam::aws:policy/IAMFullAccess")
                .managedPolicyArn("arn:aws:iam::111122223333:policy/TeamAdministratorAccess")
                .managedPolicyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").build())).containsExactly(
                "managed policy arn:aws:iam::aws:policy/AdministratorAccess gives shop/api far more than its grants: prefer a policy naming its resources",
                "managed policy arn:aws:iam::aws:policy/IAMFullAccess gives shop/api far more than its grants: prefer a policy naming its resources");
    }

    @Test
    void trustingEveryServiceAccountInTheNamespaceIsWarnedAbout() {
        assertThat(warnings(IrsaIdentity.builder().trustServiceAccountsMatching("*").build())).containsExactly(
                "the role of shop/api trusts every ServiceAccount in namespace shop (pattern '*')");
        assertThat(warnings(IrsaIdentity.builder().trustServiceAccountsMatching("ap?").build())).isEmpty();
    }

    @Test
    void anExistingRoleWhoseTrustKeylessCannotSeeIsWarnedAbout() {
        assertThat(warnings(IrsaIdentity.builder().existingRoleArn("arn:aws:iam::111122223333:role/shop-api").build())).containsExactly(
                "existing role arn:aws:iam::111122223333:role/shop-api keeps its own trust policy, which keyless cannot see: make sure it trusts only shop/api");
    }

    @Test
    void allowedWildcardsAreWarnedAbout() {
        assertThat(warnings(IrsaIdentity.builder().allowWildcardPermissions().build())).containsExactly(
                "the role of shop/api allows wildcard permissions in its grants");
    }

    @Test
    void theDefaultsWarnAboutNothing() {
        assertThat(warnings(IrsaIdentity.defaults())).isEmpty();
    }
}
