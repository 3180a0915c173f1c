package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Grant statements that outgrow the role's inline policy spill, in order, into attached customer-managed policies. */
class SpilledGrantPoliciesTest {
    /** The separate grant policy of a role set to grantsInSeparateRolePolicy(). */
    private static final String INLINE = GrantPolicies.POLICY;
    private static final String MANAGED = "aws:iam/policy:Policy";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static String secretArn(int i) {
        return "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/shop/checkout/payment-provider-credentials-%02d-AbCdEf".formatted(i);
    }

    private static List<SecretsManagerAccess> fortySecretsWithTheirKey() {
        return IntStream.range(0, 40).mapToObj(i -> SecretsManagerAccess.readOnly(secretArn(i)).decryptingWith(KEY)).toList();
    }

    private static FederatedServiceAccountArgs workload(List<? extends AccessGrant> grants, IrsaIdentity identity) {
        var args = FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api").identity(identity);
        grants.forEach(args::grant);
        return args.build();
    }

    private static RecordedDeployment deploy(List<? extends AccessGrant> grants) {
        return SimulatedStack.named("spill").run(ctx -> new FederatedServiceAccount("api", workload(grants, IrsaIdentity.builder().build())));
    }

    private static List<IamStatement> statementsOf(List<? extends AwsGrant> grants) {
        var statements = new ArrayList<IamStatement>();
        grants.forEach(g -> statements.addAll(g.longestStatements().orElseThrow()));
        return statements;
    }

    private static int length(List<IamStatement> statements) {
        return TrustPolicies.iamLength(TrustPolicies.permissions(statements));
    }

    @Test
    void fortySecretsSpillInOrderIntoAttachedPoliciesAndTheServiceAccountWaitsForEveryOne() {
        var grants = fortySecretsWithTheirKey();
        var deployment = deploy(grants);
        var statements = statementsOf(grants);
        assertThat(statements).hasSize(80);

        // In order: the inline policy holds the first 29 grants (a secret and its key each, 58
        // statements, as many as fit), the one managed policy the other 11.
        int[] expected = {58, 22};
        var documents = new ArrayList<String>();
        documents.add(GrantPolicies.carriedBy(deployment, "api"));
        documents.add((String) deployment.resource(MANAGED, "api-grants-2").input("policy").orElseThrow());
        assertThat(deployment.ofType(MANAGED)).hasSize(1);
        int start = 0;
        for (int i = 0; i < expected.length; i++) {
            var slice = statements.subList(start, start + expected[i]);
            assertThat(documents.get(i)).as("document %d", i + 1).isEqualTo(TrustPolicies.permissions(slice));
            int limit = i == 0 ? InlinePolicy.MAX_SIZE : GrantPolicySplit.MANAGED_POLICY_MAX_SIZE;
            assertThat(length(slice)).isLessThanOrEqualTo(limit);
            if (start + expected[i] < statements.size()) {
                assertThat(length(statements.subList(start, start + expected[i] + 1))).as("the next statement would not fit").isGreaterThan(limit);
            }
            start += expected[i];
        }
        assertThat(start).isEqualTo(80);

        var role = deployment.resource("aws:iam/role:Role", "api-role");
        var attachments = new ArrayList<String>();
        // The role itself holds the first document.
        attachments.add(role.urn());
        for (var name : List.of("api-grants-2")) {
            var policy = deployment.resource(MANAGED, name);
            assertThat(policy.parentUrn()).isEqualTo(deployment.resource(FederatedServiceAccount.TYPE, "api").urn());
            assertThat(policy.input("description")).contains("Grants of shop/api that outgrow its role's inline policy ("
                    + name.substring(name.length() - 1) + ")");
            var attachment = deployment.resource(ATTACHMENT, name + "-attachment");
            assertThat(attachment.input("role")).isEqualTo(role.output("name"));
            assertThat(attachment.input("policyArn")).isEqualTo(policy.output("arn"));
            attachments.add(attachment.urn());
        }
        assertThat(deployment.ofType(ATTACHMENT)).hasSize(1);
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa").dependencies()).containsAll(attachments);
    }

    @Test
    void fortySecretsWithoutAKeyStillFitTheOneInlinePolicy() {
        var deployment = deploy(IntStream.range(0, 40).mapToObj(i -> SecretsManagerAccess.readOnly(secretArn(i))).toList());
        assertThat(GrantPolicies.carriedBy(deployment, "api")).contains(secretArn(39));
        assertThat(deployment.ofType(MANAGED)).isEmpty();
        assertThat(deployment.ofType(ATTACHMENT)).isEmpty();
    }

    /** Two statements on objects whose names are padded so that both together are {@code inlineLength} characters. */
    private static FixedGrant twoStatementsOf(int inlineLength) {
        var first = objectStatement("shop-a", 5_000);
        int padding = inlineLength - length(List.of(first, objectStatement("shop-b", 0)));
        return new FixedGrant(List.of(first, objectStatement("shop-b", padding)));
    }

    /** One statement on an object whose name is padded so that the policy is {@code inlineLength} characters. */
    private static FixedGrant oneStatementOf(int inlineLength) {
        int padding = inlineLength - length(List.of(objectStatement("shop-a", 0)));
        return new FixedGrant(List.of(objectStatement("shop-a", padding)));
    }

    private static IamStatement objectStatement(String bucket, int padding) {
        return IamStatement.builder().effect(IamEffect.ALLOW).addAction("s3:GetObject")
                .addResource("arn:aws:s3:::" + bucket + "/" + "o".repeat(padding)).build();
    }

    private record FixedGrant(List<IamStatement> fixed) implements AwsGrant {
        @Override
        public Output<List<IamStatement>> statements() {
            return Output.of(fixed);
        }

        @Override
        public Optional<List<IamStatement>> longestStatements() {
            return Optional.of(fixed);
        }

        @Override
        public String describe() {
            return "fixed statements";
        }
    }

    @Test
    void statementsOfExactlyTheInlineQuotaStayInline() {
        var grant = twoStatementsOf(InlinePolicy.MAX_SIZE);
        var deployment = deploy(List.of(grant));
        var inline = GrantPolicies.carriedBy(deployment, "api");
        assertThat(TrustPolicies.iamLength(inline)).isEqualTo(10_240);
        assertThat(inline).isEqualTo(TrustPolicies.permissions(grant.fixed()));
        assertThat(deployment.ofType(MANAGED)).isEmpty();
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message)
                .contains(tooLargeToMove(10_240));
    }

    private static String tooLargeToMove(int length) {
        return "the role of shop/api carries an inline grant policy of " + length + " characters, over half IAM's quota of 10240 "
                + "for all of a role's inline policies: a stack that holds it as a separate RolePolicy (an earlier keyless) cannot "
                + "hold both while it moves, and IAM refuses the role's update; there, set grantsInSeparateRolePolicy(), or run "
                + "`pulumi refresh` before `pulumi up` (the role then drops the old policy just before it puts the new one)";
    }

    @Test
    void anInlinePolicyOfHalfTheQuotaMovesOntoTheRoleWithoutAWarningAndOneCharacterMoreWarns() {
        // While a stack moves, the role puts its policy beside the old RolePolicy of the same length:
        // both fit IAM's 10,240 characters for all of a role's inline policies up to half each.
        var half = deploy(List.of(oneStatementOf(RoleInlineGrants.MOVABLE_SIZE)));
        assertThat(TrustPolicies.iamLength(GrantPolicies.carriedBy(half, "api"))).isEqualTo(5_120);
        assertThat(half.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();

        var more = deploy(List.of(oneStatementOf(RoleInlineGrants.MOVABLE_SIZE + 1)));
        assertThat(more.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message).containsExactly(tooLargeToMove(5_121));
    }

    @Test
    void aStackKeepingTheSeparateRolePolicyGetsTheSameDocumentsAndNoWarning() {
        var grant = twoStatementsOf(InlinePolicy.MAX_SIZE + 1);
        var deployment = SimulatedStack.named("spill").run(ctx -> new FederatedServiceAccount("api", workload(List.of(grant),
                IrsaIdentity.builder().grantsInSeparateRolePolicy().build())));

        assertThat(deployment.resource("aws:iam/role:Role", "api-role").input("inlinePolicies")).isEmpty();
        assertThat(deployment.resource(INLINE, "api-grants").input("policy")).contains(TrustPolicies.permissions(grant.fixed().subList(0, 1)));
        assertThat(deployment.resource(MANAGED, "api-grants-2").input("policy")).contains(TrustPolicies.permissions(grant.fixed().subList(1, 2)));
        assertThat(deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa").dependencies())
                .contains(deployment.resource(INLINE, "api-grants").urn(), deployment.resource(ATTACHMENT, "api-grants-2-attachment").urn());
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }

    @Test
    void oneCharacterPastTheInlineQuotaSpillsTheLastStatement() {
        var grant = twoStatementsOf(InlinePolicy.MAX_SIZE + 1);
        var deployment = deploy(List.of(grant));
        assertThat(GrantPolicies.carriedBy(deployment, "api")).isEqualTo(TrustPolicies.permissions(grant.fixed().subList(0, 1)));
        assertThat(deployment.resource(MANAGED, "api-grants-2").input("policy"))
                .contains(TrustPolicies.permissions(grant.fixed().subList(1, 2)));
        assertThat(deployment.ofType(MANAGED)).hasSize(1);
    }

    private static IrsaIdentity withBaselinePolicies(int count) {
        var identity = IrsaIdentity.builder();
        for (int i = 0; i < count; i++) {
            identity.managedPolicyArn("arn:aws:iam::111122223333:policy/baseline-" + i);
        }
        return identity.build();
    }

    @Test
    void aSpilledPolicyFitsBesideNineOthersButNotBesideTen() {
        var grant = twoStatementsOf(InlinePolicy.MAX_SIZE + 1);
        var nine = SimulatedStack.named("spill").run(ctx -> new FederatedServiceAccount("api", workload(List.of(grant), withBaselinePolicies(9))));
        assertThat(nine.ofType(ATTACHMENT)).hasSize(10);

        var ten = SimulatedStack.named("spill").runExpectingFailure(ctx -> new FederatedServiceAccount("api", workload(List.of(grant), withBaselinePolicies(10))));
        assertThat(ten.message()).isEqualTo("grants of shop/api must be at most 10240 characters in the role's inline policy and 6144 "
                + "in each of its attached managed policies, at most 10 of them (IAM's quotas; use fewer or shorter grants, split the "
                + "workload, or raise managedPolicyQuota when the account's quota was raised): '" + length(grant.fixed())
                + " characters (at preview, names not yet known counted at their longest), needing 1 customer-managed policy besides 10 other managed policies'");
        assertThat(ten.deployment().ofType("aws:iam/role:Role")).isEmpty();

        var raised = SimulatedStack.named("spill").run(ctx -> new FederatedServiceAccount("api", workload(List.of(grant),
                IrsaIdentity.builder().managedPolicyQuota(11).managedPolicyArn("arn:aws:iam::111122223333:policy/baseline-0").build())));
        assertThat(raised.ofType(MANAGED)).hasSize(1);
    }

    @Test
    void aStatementLongerThanAManagedPolicyIsRefusedAtPreview() {
        var grant = new FixedGrant(List.of(objectStatement("shop-a", 5_000), objectStatement("shop-b", 6_200)));
        var failure = SimulatedStack.named("spill").runExpectingFailure(ctx -> new FederatedServiceAccount("api", workload(List.of(grant),
                IrsaIdentity.builder().build())));
        assertThat(failure.message()).isEqualTo("grant statement of shop/api must be at most 6144 characters without whitespace, what one "
                + "customer-managed policy holds (IAM's quota; split the grant): '" + length(grant.fixed().subList(1, 2))
                + " characters (at preview, names not yet known counted at their longest)'");
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void secretsKnownOnlyAtDeployAreLaidOutOnTheirLongestNames() {
        var grants = IntStream.range(0, 40).mapToObj(i -> SecretsManagerAccess.readOnly("secret-" + i, Output.of(secretArn(i)))).toList();
        var deployment = deploy(grants);
        // Names up to 512 characters at preview: far more policies than the short names need, and the same ones at deploy.
        int policies = GrantPolicySplit.of("shop/api", statementsOf(grants), 0, 10).managedPolicies();
        assertThat(policies).isGreaterThan(1);
        assertThat(deployment.ofType(MANAGED)).hasSize(policies);
        var all = new StringBuilder(GrantPolicies.carriedBy(deployment, "api"));
        for (int i = 2; i <= policies + 1; i++) {
            all.append(deployment.resource(MANAGED, "api-grants-" + i).input("policy").orElseThrow());
        }
        for (int i = 0; i < 40; i++) {
            assertThat(all.toString()).contains(secretArn(i));
        }
    }
}
