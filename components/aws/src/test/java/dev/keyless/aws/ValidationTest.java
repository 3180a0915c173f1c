package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.AccessGrant;
import dev.keyless.testkit.ProgramFailure;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule fails before anything is registered, with a message naming field, value and rule. */
class ValidationTest {

    private static ProgramFailure failWith(UnaryOperator<FederatedServiceAccountArgs.Builder> customise) {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var cluster = TestClusters.adopted("green");
            new FederatedServiceAccount("api", customise.apply(FederatedServiceAccountArgs.builder()
                    .cluster(cluster).namespace("shop").name("api")).build());
        });
        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).as("nothing of the component is registered").isEmpty();
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
        return failure;
    }

    @Test
    void namespaceMustBeADns1123Label() {
        assertThat(failWith(a -> a.namespace("Kube_System")).message()).isEqualTo(
                "namespace must be a DNS-1123 label (<= 63 chars, [a-z0-9-], starting and ending with [a-z0-9]): 'Kube_System'");
        assertThat(failWith(a -> a.namespace("n".repeat(64))).message()).startsWith("namespace must be a DNS-1123 label");
    }

    @Test
    void serviceAccountNameMustBeADns1123Subdomain() {
        assertThat(failWith(a -> a.name("api.")).message()).isEqualTo(
                "name must be a DNS-1123 subdomain (<= 253 chars, dot-separated labels of [a-z0-9-], each starting and ending with [a-z0-9]): 'api.'");
        assertThat(failWith(a -> a.name("agent-*")).message()).startsWith("name must be a DNS-1123 subdomain");
    }

    @Test
    void roleNameMustFitIam() {
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().roleName("r".repeat(65)).build())).message())
                .isEqualTo("roleName must be 1 to 64 characters of [A-Za-z0-9+=,.@_-] (IAM role name): '" + "r".repeat(65) + "'");
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().roleName("shop api").build())).message())
                .startsWith("roleName must be 1 to 64 characters");
    }

    @Test
    void anAutoNamedRoleMustFitIamToo() {
        var longName = "a".repeat(52);
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount(longName,
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api").build()));

        assertThat(failure.message()).isEqualTo("roleName must be set explicitly when the auto-name (the logical name plus an "
                + "8-character suffix) would exceed 64 characters: '" + longName + "-role'");
    }

    @Test
    void rolePathMustStartAndEndWithSlash() {
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().rolePath("workloads").build())).message()).isEqualTo(
                "rolePath must be '/' or a path that starts and ends with '/', at most 512 printable ASCII characters (IAM path): 'workloads'");
    }

    @Test
    void permissionsBoundaryAndManagedPoliciesMustBePolicyArns() {
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().permissionsBoundary("boundary").build())).message())
                .isEqualTo("permissionsBoundary must be an IAM policy ARN, arn:aws:iam::ACCOUNT|aws:policy/PATH/NAME: 'boundary'");
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder()
                .managedPolicyArn("arn:aws:iam::aws:policy/ReadOnlyAccess").managedPolicyArn("ReadOnly").build())).message())
                .isEqualTo("managedPolicyArn must be an IAM policy ARN, arn:aws:iam::ACCOUNT|aws:policy/PATH/NAME: 'ReadOnly'");
    }

    @Test
    void managedPoliciesMustHaveDistinctNames() {
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder()
                .managedPolicyArn("arn:aws:iam::aws:policy/Audit")
                .managedPolicyArn("arn:aws:iam::111122223333:policy/Audit").build())).message())
                .isEqualTo("managedPolicyArn must be a policy whose name (or key) no other managed policy of the role has "
                        + "(attachments are keyed by it): 'Audit'");
    }

    @Test
    void maxSessionDurationMustBeOneToTwelveHours() {
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().maxSessionDuration(Duration.ofMinutes(30)).build())).message())
                .isEqualTo("maxSessionDuration must be between 1 and 12 hours (IAM MaxSessionDuration): 'PT30M'");
    }

    @Test
    void anExistingRoleExcludesOptionsThatShapeANewRole() {
        var existing = "arn:aws:iam::111122223333:role/shop-api";
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().existingRoleArn(existing).roleName("x").build())).message())
                .isEqualTo("existingRoleArn and roleName exclude each other: an existing role keeps its own name, path, boundary and session length");
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().existingRoleArn(existing).trustServiceAccountsMatching("ap*").build())).message())
                .isEqualTo("existingRoleArn and trustServiceAccountsMatching exclude each other: keyless does not change an existing role's trust policy");
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().existingRoleArn(existing).grantsInSeparateRolePolicy().build())).message())
                .isEqualTo("existingRoleArn and grantsInSeparateRolePolicy exclude each other: an existing role always gets its grants "
                        + "as a separate RolePolicy, as keyless does not manage its inline policies");
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().existingRoleArn("shop-api").build())).message())
                .isEqualTo("existingRoleArn must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/PATH/NAME: 'shop-api'");
    }

    @Test
    void wildcardsOnlyThroughTheNamedOptionAndOnlyMatchingTheServiceAccount() {
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().trustServiceAccountsMatching("api").build())).message())
                .isEqualTo("trustServiceAccountsMatching must be a ServiceAccount name pattern of [a-z0-9.-] with at least one '*' or '?' (IAM StringLike): 'api'");
        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().trustServiceAccountsMatching("worker-*").build())).message())
                .isEqualTo("trustServiceAccountsMatching must be a pattern that matches the ServiceAccount's own name 'api': 'worker-*'");
    }

    @Test
    void trustPolicySizeIsCheckedAgainstTheDefaultQuotaAtPreviewTime() {
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var builder = IrsaIdentity.builder();
            for (int i = 0; i < 6; i++) {
                builder.alsoTrustedBy(TestClusters.adoptedWithIssuer("cluster-" + i, TestClusters.issuerNumbered(i)));
            }
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                    .identity(builder.build()).build());
        });

        assertThat(failure.message()).matches("trust policy of shop/api must be at most maxTrustPolicySize = 2048 characters without whitespace "
                + "\\(IAM's role trust policy quota; raise the quota and set maxTrustPolicySize, or trust fewer clusters\\): "
                + "'\\d{4} characters \\(upper bound for EKS issuers\\)'");
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void aRaisedQuotaIsASetting() {
        var deployment = SimulatedStack.named("validation").run(ctx -> {
            var builder = IrsaIdentity.builder().maxTrustPolicySize(4096);
            for (int i = 0; i < 6; i++) {
                builder.alsoTrustedBy(TestClusters.adoptedWithIssuer("cluster-" + i, TestClusters.issuerNumbered(i)));
            }
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                    .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                    .identity(builder.build()).build());
        });
        assertThat(deployment.resource("aws:iam/role:Role", "api-role").input("assumeRolePolicy")).isPresent();

        assertThat(failWith(a -> a.identity(IrsaIdentity.builder().maxTrustPolicySize(100_000).build())).message())
                .isEqualTo("maxTrustPolicySize must be between 2048 (IAM's default quota) and 8192 (the largest IAM grants): '100000'");
    }

    @Test
    void podIdentityNeedsTheAgentAddOn() {
        assertThat(failWith(a -> a.identity(PodIdentity.defaults())).message()).isEqualTo(
                "cluster must be a cluster with the eks-pod-identity-agent add-on for EKS Pod Identity "
                        + "(EksClusterArgs.podIdentityAgent(true), or AdoptedEksClusterArgs.podIdentityAgent(true) when the adopted cluster has it): "
                        + "'adopted EKS cluster 'green''");
    }

    @Test
    void anAwsGrantMustGiveStatements() {
        var notStatements = new AccessGrant() {
            @Override
            public dev.keyless.core.Cloud cloud() {
                return AwsCloud.CLOUD;
            }

            @Override
            public String describe() {
                return "custom access without statements";
            }
        };
        assertThat(failWith(a -> a.grant(notStatements)).message()).isEqualTo(
                "grants[0] must be an AWS grant (S3Access) for IRSA: an IAM role can only hold AWS permissions: 'custom access without statements'");
    }

    @Test
    void bucketNamesAndPrefixesAreChecked() {
        assertThatThrownBy(() -> S3Access.readWrite("Charts_Bucket")).isInstanceOf(InvalidInputException.class)
                .hasMessage("bucket must be " + S3BucketNames.RULE + ": 'Charts_Bucket'");
        for (var bad : List.of("ab", "192.168.5.4", "a..b", "xn--charts", "charts-s3alias", "-charts")) {
            assertThatThrownBy(() -> S3Access.readOnly(bad)).as(bad).hasMessageStartingWith("bucket must be 3 to 63 characters");
        }
        assertThatThrownBy(() -> S3Access.readOnly("charts").prefix("charts/*"))
                .hasMessage("prefix must be 1 to 1024 characters with no '*' or '?', no '${' (IAM reads it as a policy variable) "
                        + "and no leading '/' (S3 key prefix): 'charts/*'");
        assertThatThrownBy(() -> S3Access.readOnly("charts").prefix("/charts"))
                .hasMessageStartingWith("prefix must be 1 to 1024 characters");
    }

    @Test
    void requiredArgumentsAreNamedWhenTheComponentIsConstructed() {
        var noCluster = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().namespace("shop").name("api").build()));
        assertThat(noCluster.message()).isEqualTo("cluster is required: give the OidcCluster the ServiceAccount lives in");
        assertThat(noCluster.registeredBesidesStack()).isEmpty();

        var noIssuer = SimulatedStack.named("validation").runExpectingFailure(ctx -> new AdoptedEksCluster("green",
                AdoptedEksClusterArgs.builder().clusterName("green").build()));
        assertThat(noIssuer.message()).isEqualTo("issuerUrl is required: give the cluster's OIDC issuer URL");
        assertThat(noIssuer.registeredBesidesStack()).isEmpty();
    }

    @Test
    void alsoTrustedByNamesOtherClustersOnce() {
        var ownCluster = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var green = TestClusters.adopted("green");
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(green).namespace("shop").name("api")
                    .identity(IrsaIdentity.builder().alsoTrustedBy(green).build()).build());
        });
        assertThat(ownCluster.message()).isEqualTo("alsoTrustedBy must be a cluster other than the ServiceAccount's own: 'adopted EKS cluster 'green''");

        var repeated = SimulatedStack.named("validation").runExpectingFailure(ctx -> {
            var blue = TestClusters.blue();
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green"))
                    .namespace("shop").name("api")
                    .identity(IrsaIdentity.builder().alsoTrustedBy(blue).alsoTrustedBy(blue).build()).build());
        });
        assertThat(repeated.message()).isEqualTo("alsoTrustedBy must be a list without repeats: '[adopted EKS cluster 'blue', adopted EKS cluster 'blue']'");
        assertThat(repeated.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThat(SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).name("api").build())).message())
                .isEqualTo("namespace is required: give the ServiceAccount's namespace");
        assertThat(SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").build())).message())
                .isEqualTo("name is required: give the ServiceAccount's name");
        assertThat(SimulatedStack.named("validation").runExpectingFailure(ctx -> new AdoptedEksCluster("green",
                AdoptedEksClusterArgs.builder().clusterName("green").issuerUrl(TestClusters.ISSUER).build())).message())
                .isEqualTo("kubeconfig is required: give a kubeconfig for the cluster");
        assertThatThrownBy(() -> AdoptedEksClusterArgs.builder().oidcProviderArn("arn:aws:iam::111122223333:role/not-a-provider"))
                .hasMessage("oidcProviderArn must be an IAM OIDC provider ARN, arn:aws:iam::ACCOUNT:oidc-provider/ISSUER_HOST_PATH: "
                        + "'arn:aws:iam::111122223333:role/not-a-provider'");
    }

    @Test
    void anIssuerLongerThanAnyEksIssuerIsCaughtExactlyWhenItsValueIsKnown() {
        var longIssuer = "https://issuer.example.com/" + "x".repeat(900);
        var failure = SimulatedStack.named("validation").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder()
                        .cluster(TestClusters.adoptedWithIssuer("self-hosted", longIssuer))
                        .namespace("shop").name("api").build()));

        assertThat(failure.message()).matches("trust policy of shop/api must be at most maxTrustPolicySize = 2048 characters "
                + "without whitespace .*: '\\d{4} characters'");
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).as("the role never reaches the engine").isEmpty();
    }
}
