package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
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
    private static final String INLINE = "aws:iam/rolePolicy:RolePolicy";
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
        documents.add((String) deployment.resource(INLINE, "api-grants").input("policy").orElseThrow());
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
        attachments.add(deployment.resource(INLINE, "api-grants").urn());
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
        assertThat(deployment.ofType(INLINE)).hasSize(1);
        assertThat(deployment.ofType(MANAGED)).isEmpty();
        assertThat(deployment.ofType(ATTACHMENT)).isEmpty();
    }
}
