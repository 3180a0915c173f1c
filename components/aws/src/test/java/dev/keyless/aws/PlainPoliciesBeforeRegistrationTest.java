package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A role whose trust and grants are made of values given as text has its policies built, and
 * refused, by the component's constructor; the same values given as {@code Output}s make the
 * same documents once known.
 */
class PlainPoliciesBeforeRegistrationTest {
    private static final String ROLE = "aws:iam/role:Role";

    /** A user's own grant of text names, asking for every S3 action. */
    private static final class PlainWildcardGrant implements AwsGrant {
        private static final List<IamStatement> STATEMENTS = List.of(IamStatement.builder().effect(IamEffect.ALLOW)
                .addAction("s3:*").addResource("arn:aws:s3:::shop-uploads").build());

        @Override
        public Output<List<IamStatement>> statements() {
            return Output.of(STATEMENTS);
        }

        @Override
        public Optional<List<IamStatement>> knownStatements() {
            return Optional.of(STATEMENTS);
        }

        @Override
        public String describe() {
            return "every S3 action on one bucket";
        }
    }

    private static FederatedServiceAccountArgs.Builder api(AwsOidcCluster cluster) {
        return FederatedServiceAccountArgs.builder().cluster(cluster).namespace("shop").name("api");
    }

    @Test
    void aWildcardInAGrantOfTextNamesIsRefusedByTheConstructor() {
        var deployment = SimulatedStack.named("plain").run(ctx -> assertThatThrownBy(() -> new FederatedServiceAccount("api",
                api(TestClusters.adopted("green")).grant(new PlainWildcardGrant()).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("grant statement must be an action and resource named exactly; wildcard permissions need "
                        + "the role option allowWildcardPermissions(): 'action s3:*'"));

        assertThat(deployment.find(FederatedServiceAccount.TYPE, "api")).isEmpty();
        assertThat(deployment.ofType(ROLE)).isEmpty();
    }

    @Test
    void theSameGrantOfTextNamesIsAcceptedWithTheNamedOption() {
        var deployment = SimulatedStack.named("plain").run(ctx -> new FederatedServiceAccount("api", api(TestClusters.adopted("green"))
                .grant(new PlainWildcardGrant()).identity(IrsaIdentity.builder().allowWildcardPermissions().build()).build()));

        assertThat(GrantPolicies.carriedBy(deployment, "api")).contains("\"s3:*\"").contains("arn:aws:s3:::shop-uploads");
    }

    @Test
    void textAndOutputValuesMakeTheSameTrustAndGrantPolicy() {
        var plain = SimulatedStack.named("plain").run(ctx -> new FederatedServiceAccount("api",
                api(TestClusters.adopted("green")).grant(S3Access.readWrite("shop-uploads")).build()));
        var outputs = SimulatedStack.named("plain").run(ctx -> {
            var green = new AdoptedEksCluster("green", AdoptedEksClusterArgs.builder().clusterName("green")
                    .issuerUrl(Output.of(TestClusters.ISSUER)).oidcProviderArn(Output.of(TestClusters.PROVIDER_ARN)).kubeconfig("{}").build());
            new FederatedServiceAccount("api", api(green).grant(S3Access.readWrite("uploads", Output.of("shop-uploads"))).build());
        });

        var plainRole = plain.resource(ROLE, "api-role");
        var outputRole = outputs.resource(ROLE, "api-role");
        assertThat(plainRole.input("assumeRolePolicy")).isPresent().isEqualTo(outputRole.input("assumeRolePolicy"));
        assertThat(plainRole.input("assumeRolePolicy").orElseThrow().toString())
                .contains("\"" + TestClusters.ISSUER_HOST_PATH + ":sub\":\"system:serviceaccount:shop:api\"");
        assertThat(GrantPolicies.carriedBy(plain, "api")).isEqualTo(GrantPolicies.carriedBy(outputs, "api"))
                .contains("arn:aws:s3:::shop-uploads/*");
    }
}
