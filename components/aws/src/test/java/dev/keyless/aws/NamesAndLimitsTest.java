package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names and sizes that would pass a preview and fail at deploy are refused before registration. */
class NamesAndLimitsTest {

    private static String bindFailing(String componentName) {
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> new FederatedServiceAccount(componentName,
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api").build()));
        assertThat(failure.deployment().ofType(FederatedServiceAccount.TYPE)).isEmpty();
        return failure.message();
    }

    @Test
    void componentNamesThatCannotMakeAnIamRoleNameAreRefused() {
        for (var name : List.of("shop/api", "shop api", "shöp")) {
            assertThat(bindFailing(name)).as(name).isEqualTo("roleName must be set explicitly when the auto-name (from the component's name) "
                    + "has characters IAM role names cannot hold; IAM allows [A-Za-z0-9+=,.@_-]: '" + name + "-role'");
        }
        var named = SimulatedStack.named("names").run(ctx -> new FederatedServiceAccount("shop/api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .identity(IrsaIdentity.builder().roleName("shop-api").build()).build()));
        assertThat(named.resource("aws:iam/role:Role", "shop/api-role").input("name")).contains("shop-api");
    }

    @Test
    void anEksClusterWhoseRoleAutoNamesWouldExceedIamsLimitIsRefused() {
        var name = "p".repeat(50);
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> new EksCluster(name, EksClusterArgs.builder().clusterName("platform").build()));

        assertThat(failure.message()).isEqualTo("name must be set explicitly when the auto-name (the logical name plus an 8-character suffix) "
                + "would exceed 64 characters: '" + name + "-cluster-role'");
        assertThat(failure.registeredBesidesStack()).isEmpty();
        assertThat(SimulatedStack.named("names").runExpectingFailure(ctx -> new EksCluster("plat form", EksClusterArgs.builder().build())).message())
                .startsWith("clusterName must be set explicitly when the auto-name");
    }

    @Test
    void policyArnsMustNameAPolicy() {
        for (var arn : List.of("arn:aws:iam::aws:policy/Foo/", "arn:aws:iam::aws:policy/", "arn:aws:s3:::bucket",
                "arn:aws:iam:eu-west-1:aws:policy/Foo", "arn:aws:iam::12345:policy/Foo", "arn:aws-eu:iam::aws:policy/Foo")) {
            assertThatThrownBy(() -> IrsaIdentity.builder().managedPolicyArn(arn)).as(arn)
                    .hasMessage("managedPolicyArn must be " + Arns.POLICY_RULE + ": '" + arn + "'");
        }
        assertThat(IrsaIdentity.builder().managedPolicyArn("arn:aws-us-gov:iam::111122223333:policy/team/baseline").build()).isNotNull();
    }

    @Test
    void reservedBucketNamesAreRefused() {
        for (var bucket : List.of("charts--x-s3", "amzn-s3-demo-charts", "charts.mrap", "charts--table-s3", "charts-s3alias",
                "charts--ol-s3", "sthree-charts", "xn--charts")) {
            assertThatThrownBy(() -> S3Access.readOnly(bucket)).as(bucket).hasMessage("bucket must be " + S3BucketNames.RULE + ": '" + bucket + "'");
        }
    }

    @Test
    void clusterVersionsSubnetsAndNodeGroupsMustBeWhatEksAccepts() {
        for (var version : List.of("1.5", "1.99", "1.22", "2.0", "1.31.2")) {
            assertThatThrownBy(() -> EksClusterArgs.builder().kubernetesVersion(version)).as(version)
                    .hasMessage("kubernetesVersion must be a Kubernetes minor version EKS offers, 1.23 to 1.40, such as 1.31: '" + version + "'");
        }
        assertThatThrownBy(() -> EksClusterArgs.builder().subnetIds(List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d")))
                .hasMessage("subnetIds must be a list without repeats: '[subnet-0a1b2c3d, subnet-0a1b2c3d]'");
        assertThatThrownBy(() -> EksClusterArgs.builder().subnetIds(List.of("subnet-0a1b2c3d", "")))
                .hasMessage("subnetIds must be a subnet id, subnet- and 8 or 17 hex digits: ''");
        assertThatThrownBy(() -> new NodeGroupOptions(List.of("t3.medium"), 0, 1, 100_000))
                .hasMessage("nodeGroup sizes must be 0 <= min <= desired <= max, 1 <= max <= 450 (EKS node group scaling): 'min 0, desired 1, max 100000'");
        assertThatThrownBy(() -> new NodeGroupOptions(List.of("t3.medium", "t3.medium"), 1, 1, 1))
                .hasMessage("nodeGroup.instanceTypes must be a list without repeats: '[t3.medium, t3.medium]'");
        var failure = SimulatedStack.named("names").runExpectingFailure(ctx -> new EksCluster("platform", EksClusterArgs.builder()
                .subnetIds(Output.of(List.of("subnet-0a1b2c3d"))).build()));
        assertThat(failure.message()).contains("subnetIds must be at least two subnets in different availability zones (EKS): '[subnet-0a1b2c3d]'");
        assertThat(failure.deployment().ofType("aws:eks/cluster:Cluster")).isEmpty();
    }

    @Test
    void theGrantPoliciesMustFitIamsQuotasAtPreviewTime() {
        // 60 grants of about 1,500 characters each outgrow the inline policy and the 10 managed policies a role may hold.
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> {
            var args = FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api");
            for (int i = 0; i < 60; i++) {
                args.grant(S3Access.readWrite("shop-bucket-" + i).prefix("p".repeat(400) + "/"));
            }
            new FederatedServiceAccount("api", args.build());
        });

        assertThat(failure.message()).matches("grants of shop/api must be at most 10240 characters in the role's inline policy and 6144 "
                + "in each of its attached managed policies, at most 10 of them \\(IAM's quotas; use fewer or shorter grants, split the "
                + "workload, or raise managedPolicyQuota when the account's quota was raised\\): '\\d+ characters \\(at preview, names not yet "
                + "known counted at their longest\\), needing \\d+ customer-managed policies besides 0 other managed policies'");
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void theInlinePolicyIsCheckedExactlyOnceAGrantsStatementsAreKnown() {
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> new FederatedServiceAccount("api",
                FederatedServiceAccountArgs.builder().cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                        .grant(new ManyObjectsGrant()).build()));

        assertThat(failure.message()).matches(".*grants of shop/api must be at most 10240 characters without whitespace in the role's "
                + "inline policy \\(IAM's quota; use fewer or shorter prefixes, or split the workload\\): '\\d+ characters'.*");
        assertThat(failure.deployment().ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void prefixesAreOnePerGrantWithoutPolicyVariables() {
        assertThatThrownBy(() -> S3Access.readOnly("charts").prefix("${aws:username}/"))
                .hasMessage("prefix must be " + S3Access.PREFIX_RULE + ": '${aws:username}/'");
        assertThatThrownBy(() -> S3Access.readOnly("charts").prefix("a/").prefix("b/"))
                .hasMessage("prefix must be given once per grant; this grant is limited to 'a/' already (give a second grant for a second prefix): 'b/'");
    }

    @Test
    void bucketNamesFromAnotherStackAreGrantedOnceValid() {
        var deployment = SimulatedStack.named("limits").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(S3Access.readOnly("catalog", Output.of("shop-catalog")).prefix("public/")).build()));
        assertThat(GrantPolicies.carriedBy(deployment, "api")).contains("arn:aws:s3:::shop-catalog/public/*");

        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(S3Access.readOnly("catalog", Output.of("Shop_Catalog"))).build()));
        assertThat(failure.message()).contains("bucket must be " + S3BucketNames.RULE + ": 'Shop_Catalog'");
        assertThat(failure.deployment().ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void customGrantsMayNotHoldWildcardsUnlessTheRoleAllowsThemByName() {
        AwsGrant everything = new WildcardGrant();
        var failure = SimulatedStack.named("limits").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").grant(everything).build()));
        assertThat(failure.message()).isEqualTo("grant statement must be an action and resource named exactly; wildcard permissions need "
                + "the role option allowWildcardPermissions(): 'action s3:*'");
        assertThat(failure.deployment().ofType("aws:iam/role:Role")).isEmpty();

        var allowed = SimulatedStack.named("limits").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").grant(everything)
                .identity(IrsaIdentity.builder().allowWildcardPermissions().build()).build()));
        assertThat(GrantPolicies.carriedBy(allowed, "api")).contains("\"s3:*\"");
    }

    @Test
    void wildcardResourcesAndNegationsAreRefusedToo() {
        for (var statement : List.of(
                software.amazon.awssdk.policybuilder.iam.IamStatement.builder().effect(software.amazon.awssdk.policybuilder.iam.IamEffect.ALLOW)
                        .addAction("s3:GetObject").addResource("*").build(),
                software.amazon.awssdk.policybuilder.iam.IamStatement.builder().effect(software.amazon.awssdk.policybuilder.iam.IamEffect.ALLOW)
                        .addAction("s3:GetObject").addResource("arn:aws:s3:::*").build(),
                software.amazon.awssdk.policybuilder.iam.IamStatement.builder().effect(software.amazon.awssdk.policybuilder.iam.IamEffect.ALLOW)
                        .addNotAction("iam:*").addResource("arn:aws:s3:::charts").build())) {
            assertThatThrownBy(() -> InlinePolicy.of(new dev.keyless.core.ServiceAccountRef("shop", "api"), List.of(statement), false, false))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("grant statement must be an action and resource named exactly");
        }
    }

    /** A user's own grant that cannot say its size before deploy, and is too big. */
    private static final class ManyObjectsGrant implements AwsGrant {
        @Override
        public Output<List<software.amazon.awssdk.policybuilder.iam.IamStatement>> statements() {
            var statement = software.amazon.awssdk.policybuilder.iam.IamStatement.builder()
                    .effect(software.amazon.awssdk.policybuilder.iam.IamEffect.ALLOW).addAction("s3:GetObject");
            for (int i = 0; i < 300; i++) {
                statement.addResource("arn:aws:s3:::shop-uploads/object-" + i);
            }
            return Output.of(List.of(statement.build()));
        }

        @Override
        public String describe() {
            return "300 objects";
        }
    }

    @Test
    void policyAndRoleArnsFromAnotherStackAreCheckedOnceKnown() {
        var deployment = SimulatedStack.named("arns").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .identity(IrsaIdentity.builder()
                        .permissionsBoundary(Output.of("arn:aws:iam::111122223333:policy/boundary"))
                        .managedPolicyArn("baseline", Output.of("arn:aws:iam::111122223333:policy/team/baseline")).build())
                .build()));
        assertThat(deployment.resource("aws:iam/role:Role", "api-role").input("permissionsBoundary"))
                .contains("arn:aws:iam::111122223333:policy/boundary");
        assertThat(deployment.resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "api-managed-baseline").input("policyArn"))
                .contains("arn:aws:iam::111122223333:policy/team/baseline");

        var badPolicy = SimulatedStack.named("arns").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .identity(IrsaIdentity.builder().managedPolicyArn("baseline", Output.of("baseline")).build()).build()));
        assertThat(badPolicy.message()).contains("managedPolicyArn must be " + Arns.POLICY_RULE + ": 'baseline'");
        assertThat(badPolicy.deployment().ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();

        var existing = SimulatedStack.named("arns").run(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .grant(S3Access.readOnly("shop-catalog"))
                .identity(IrsaIdentity.builder().existingRoleArn(Output.of("arn:aws:iam::111122223333:role/team/shop-api")).build()).build()));
        assertThat(existing.resource("aws:iam/rolePolicy:RolePolicy", "api-grants").input("role")).contains("shop-api");
        assertThat(existing.ofType("aws:iam/role:Role")).isEmpty();

        var badRole = SimulatedStack.named("arns").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api").grant(S3Access.readOnly("shop-catalog"))
                .identity(IrsaIdentity.builder().existingRoleArn(Output.of("arn:aws:iam::111122223333:user/shop-api")).build()).build()));
        assertThat(badRole.message()).contains("existingRoleArn must be " + Arns.ROLE_RULE + ": 'arn:aws:iam::111122223333:user/shop-api'");
        assertThat(badRole.deployment().ofType("aws:iam/rolePolicy:RolePolicy")).isEmpty();
    }

    @Test
    void managedPolicyKeysAreUniqueAndNamed() {
        assertThatThrownBy(() -> IrsaIdentity.builder().managedPolicyArn("team baseline", Output.of("arn:aws:iam::aws:policy/X")))
                .hasMessage("managedPolicyArn key must be 1 to 128 characters of [A-Za-z0-9+=,.@_-]: 'team baseline'");
        var failure = SimulatedStack.named("arns").runExpectingFailure(ctx -> new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder()
                .cluster(TestClusters.adopted("green")).namespace("shop").name("api")
                .identity(IrsaIdentity.builder().managedPolicyArn("arn:aws:iam::aws:policy/Audit")
                        .managedPolicyArn("Audit", Output.of("arn:aws:iam::111122223333:policy/Audit")).build()).build()));
        assertThat(failure.message()).isEqualTo("managedPolicyArn must be a policy whose name (or key) no other managed policy of the role has "
                + "(attachments are keyed by it): 'Audit'");
    }

    /** A user's own grant that asks for every S3 action. */
    private static final class WildcardGrant implements AwsGrant {
        @Override
        public Output<List<software.amazon.awssdk.policybuilder.iam.IamStatement>> statements() {
            return Output.of(statements(new ArrayList<>()));
        }

        @Override
        public java.util.Optional<List<software.amazon.awssdk.policybuilder.iam.IamStatement>> longestStatements() {
            return java.util.Optional.of(statements(new ArrayList<>()));
        }

        private static List<software.amazon.awssdk.policybuilder.iam.IamStatement> statements(List<software.amazon.awssdk.policybuilder.iam.IamStatement> list) {
            list.add(software.amazon.awssdk.policybuilder.iam.IamStatement.builder()
                    .effect(software.amazon.awssdk.policybuilder.iam.IamEffect.ALLOW)
                    .addAction("s3:*").addResource("arn:aws:s3:::shop-uploads").build());
            return list;
        }

        @Override
        public String describe() {
            return "every S3 action";
        }
    }
}
