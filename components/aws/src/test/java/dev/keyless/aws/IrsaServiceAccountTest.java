package dev.keyless.aws;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.keyless.aws.TestClusters.ISSUER_HOST_PATH;
import static dev.keyless.aws.TestClusters.PROVIDER_ARN;
import static org.assertj.core.api.Assertions.assertThat;

class IrsaServiceAccountTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";

    private static RecordedDeployment deploy(FederatedServiceAccountArgs.Builder args) {
        return SimulatedStack.named("irsa").run(ctx ->
                new FederatedServiceAccount("api", args.cluster(TestClusters.adopted("green")).build()));
    }

    private static FederatedServiceAccountArgs.Builder shop() {
        return FederatedServiceAccountArgs.builder().namespace("shop").name("api");
    }

    @Test
    void roleTrustsExactlyOneServiceAccountAndTheStsAudience() {
        var deployment = deploy(shop());

        var trust = deployment.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": {
                   "Effect": "Allow",
                   "Principal": {"Federated": "%s"},
                   "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringEquals": {
                     "%s:sub": "system:serviceaccount:shop:api",
                     "%s:aud": "sts.amazonaws.com"}}}}
                """.formatted(PROVIDER_ARN, ISSUER_HOST_PATH, ISSUER_HOST_PATH)));
    }

    @Test
    void serviceAccountCarriesTheRoleArnAndMountsNoApiToken() {
        var deployment = deploy(shop());

        var sa = deployment.resource(SERVICE_ACCOUNT, "api-sa");
        assertThat(sa.input("metadata.name")).contains("api");
        assertThat(sa.input("metadata.namespace")).contains("shop");
        assertThat(sa.input("metadata.annotations")).contains(Map.of(
                "eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/api-role-xxxxxxx"));
        assertThat(sa.input("automountServiceAccountToken")).contains(false);
        assertThat(sa.input("metadata.labels")).contains(Map.of("app.kubernetes.io/managed-by", "pulumi"));
    }

    @Test
    void childrenHangUnderTheComponentAndUseTheClustersProvider() {
        var deployment = deploy(shop());
        var graph = ResourceGraph.of(deployment);
        var component = deployment.resource(FederatedServiceAccount.TYPE, "api");

        for (var child : List.of(deployment.resource(ROLE, "api-role"), deployment.resource(SERVICE_ACCOUNT, "api-sa"))) {
            assertThat(graph.parentOf(child).urn()).as(child.name()).isEqualTo(component.urn());
        }
        // The namespace belongs to the cluster, so removing this workload never deletes it for others.
        var namespace = deployment.resource("kubernetes:core/v1:Namespace", "green-ns-shop");
        assertThat(graph.parentOf(namespace).urn()).isEqualTo(deployment.resource(AdoptedEksCluster.TYPE, "green").urn());
        var provider = deployment.resource("pulumi:providers:kubernetes", "green-k8s");
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").providerUrn()).isEqualTo(provider.urn());
        assertThat(namespace.providerUrn()).isEqualTo(provider.urn());
    }

    @Test
    void namespaceIsCreatedFirstUnlessItExists() {
        var created = deploy(shop());
        var graph = ResourceGraph.of(created);
        var namespace = created.resource("kubernetes:core/v1:Namespace", "green-ns-shop");
        assertThat(namespace.input("metadata.name")).contains("shop");
        assertThat(graph.waitsFor(created.resource(SERVICE_ACCOUNT, "api-sa"), namespace)).isTrue();

        var existing = deploy(shop().createNamespace(false));
        assertThat(existing.ofType("kubernetes:core/v1:Namespace")).isEmpty();
        assertThat(existing.resource(SERVICE_ACCOUNT, "api-sa").input("metadata.namespace")).contains("shop");
    }

    @Test
    void grantsBecomeTheRolesOneInlinePolicyNamingTheBucketAndThePrefix() {
        var deployment = deploy(shop()
                .grant(S3Access.readWrite("shop-uploads"))
                .grant(S3Access.readOnly("shop-catalog").prefix("public/")));

        // The role carries the policy itself: no RolePolicy beside it.
        assertThat(Json.parse(GrantPolicies.carriedBy(deployment, "api"))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::shop-uploads"},
                   {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                    "Resource": "arn:aws:s3:::shop-uploads/*"},
                   {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::shop-catalog",
                    "Condition": {"StringLike": {"s3:prefix": ["public/*", "public"]}}},
                   {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-catalog/public/*"}]}
                """));
    }

    @Test
    void oneWorkloadIsAComponentARoleAndAServiceAccountBesideItsNamespacesShare() {
        var deployment = deploy(shop().grant(S3Access.readWrite("shop-uploads")));

        assertThat(deployment.childrenOf(deployment.resource(FederatedServiceAccount.TYPE, "api")).stream().map(r -> r.type()))
                .containsExactlyInAnyOrder(ROLE, SERVICE_ACCOUNT);
        // The namespace is the program's, shared by every workload in it.
        assertThat(deployment.ofType("kubernetes:core/v1:Namespace")).hasSize(1);

        // The earlier shape, which grantsInSeparateRolePolicy() keeps: one resource more.
        var separate = deploy(shop().identity(IrsaIdentity.builder().grantsInSeparateRolePolicy().build())
                .grant(S3Access.readWrite("shop-uploads")));
        assertThat(separate.childrenOf(separate.resource(FederatedServiceAccount.TYPE, "api")).stream().map(r -> r.type()))
                .containsExactlyInAnyOrder(ROLE, GrantPolicies.POLICY, SERVICE_ACCOUNT);
    }

    @Test
    void serviceAccountWaitsForTheRoleThatCarriesItsGrantsSoPodsNeverStartWithoutThem() {
        var deployment = deploy(shop().grant(S3Access.readWrite("shop-uploads")));
        var graph = ResourceGraph.of(deployment);

        assertThat(graph.waitsFor(deployment.resource(SERVICE_ACCOUNT, "api-sa"), deployment.resource(ROLE, "api-role"))).isTrue();
    }

    @Test
    void noGrantsMeansAnEmptyInlineBlockThatRemovesWhatAnEarlierDeployLeft() {
        var deployment = deploy(shop());

        assertThat(deployment.ofType(GrantPolicies.POLICY)).isEmpty();
        assertThat(deployment.resource(ROLE, "api-role").input("inlinePolicies")).contains(List.of(Map.of()));
    }

    @Test
    void theRolesPolicyNameIsNoneTheEarlierSeparatePolicyCouldHave() {
        // The separate RolePolicy earlier versions made: the shape grantsInSeparateRolePolicy() keeps.
        var separate = deploy(shop().identity(IrsaIdentity.builder().grantsInSeparateRolePolicy().build())
                .grant(S3Access.readWrite("shop-uploads")));
        var earlierName = (String) separate.resource(GrantPolicies.POLICY, "api-grants").output("name").orElseThrow();
        var carried = deploy(shop().grant(S3Access.readWrite("shop-uploads")));
        var name = carried.resource(ROLE, "api-role").input("inlinePolicies.0.name").orElseThrow();

        // The engine deletes the old RolePolicy after the role put this one: its DeleteRolePolicy
        // must not name this policy. Pulumi names it from api-grants, which this name does not hold.
        assertThat(earlierName).startsWith("api-grants");
        assertThat(name).isNotEqualTo(earlierName);
        assertThat((String) name).doesNotContain("-grants");
        assertThat(separate.resource(ROLE, "api-role").input("inlinePolicies")).isEmpty();
        assertThat(separate.resource(GrantPolicies.POLICY, "api-grants").input("policy"))
                .isEqualTo(carried.resource(ROLE, "api-role").input("inlinePolicies.0.policy"));
    }

    @Test
    void exportsWhatThePodSpecMustCarry() {
        var deployment = deploy(shop());
        var component = deployment.resource(FederatedServiceAccount.TYPE, "api");

        assertThat(component.outputs()).containsEntry("podEnv", Map.of("AWS_SDK_LOAD_CONFIG", "true"))
                .containsEntry("podLabels", Map.of())
                .containsEntry("nodeSelector", Map.of())
                .containsEntry("namespace", "shop")
                .containsEntry("serviceAccountName", "api")
                .containsEntry("identity", "arn:aws:iam::123456789012:role/api-role-xxxxxxx");
    }

    @Test
    void roleOptionsReachTheRole() {
        var deployment = deploy(shop().identity(IrsaIdentity.builder()
                .roleName("shop-api")
                .rolePath("/workloads/")
                .permissionsBoundary("arn:aws:iam::111122223333:policy/workload-boundary")
                .maxSessionDuration(Duration.ofHours(2))
                .managedPolicyArn("arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess")
                .build()));

        var role = deployment.resource(ROLE, "api-role");
        assertThat(role.input("name")).contains("shop-api");
        assertThat(role.input("path")).contains("/workloads/");
        assertThat(role.input("permissionsBoundary")).contains("arn:aws:iam::111122223333:policy/workload-boundary");
        assertThat(role.input("maxSessionDuration")).contains(7200.0);
        assertThat(role.input("tags")).contains(Map.of(
                "keyless/kubernetes-namespace", "shop", "keyless/kubernetes-service-account", "api"));
        var attachment = deployment.resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "api-managed-AmazonSQSReadOnlyAccess");
        assertThat(attachment.input("policyArn")).contains("arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess");
        assertThat(attachment.input("role")).contains("shop-api");
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").input("metadata.annotations"))
                .contains(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/workloads/shop-api"));
    }

    @Test
    void anExistingRoleGetsTheGrantsButKeepsItsTrust() {
        var existing = "arn:aws:iam::111122223333:role/platform/shop-api";
        var deployment = deploy(shop()
                .identity(IrsaIdentity.builder().existingIdentity(existing).build())
                .grant(S3Access.readWrite("shop-uploads")));

        assertThat(deployment.ofType(ROLE)).isEmpty();
        assertThat(deployment.resource("aws:iam/rolePolicy:RolePolicy", "api-grants").input("role")).contains("shop-api");
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").input("metadata.annotations"))
                .contains(Map.of("eks.amazonaws.com/role-arn", existing));
    }

    @Test
    void oneRoleCanTrustTheSameServiceAccountInSeveralClusters() {
        var deployment = SimulatedStack.named("irsa").run(ctx -> new FederatedServiceAccount("api", shop()
                .cluster(TestClusters.adopted("green"))
                .identity(IrsaIdentity.builder().alsoTrustedBy(TestClusters.blue()).build())
                .build()));

        var trust = Json.parse(deployment.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow());
        assertThat(trust.get("Statement")).hasSize(2);
        assertThat(trust.get("Statement").get(1)).isEqualTo(Json.parse("""
                {"Effect": "Allow",
                 "Principal": {"Federated": "%s"},
                 "Action": "sts:AssumeRoleWithWebIdentity",
                 "Condition": {"StringEquals": {
                   "oidc.eks.us-east-2.amazonaws.com/id/0000000000000000000000000000BLUE:sub": "system:serviceaccount:shop:api",
                   "oidc.eks.us-east-2.amazonaws.com/id/0000000000000000000000000000BLUE:aud": "sts.amazonaws.com"}}}
                """.formatted(TestClusters.OTHER_PROVIDER_ARN)));
    }

    @Test
    void theOtherClusterGetsTheSameAnnotatedServiceAccountInItsOwnNamespace() {
        var deployment = SimulatedStack.named("irsa").run(ctx -> new FederatedServiceAccount("api", shop()
                .cluster(TestClusters.adopted("green"))
                .identity(IrsaIdentity.builder().alsoTrustedBy(TestClusters.blue()).build())
                .build()));
        var graph = dev.keyless.testkit.ResourceGraph.of(deployment);
        var here = deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa");
        var there = deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa-blue");
        var blueNamespace = deployment.resource("kubernetes:core/v1:Namespace", "blue-ns-shop");

        assertThat(there.inputs()).isEqualTo(here.inputs());
        assertThat(there.input("metadata.annotations")).contains(java.util.Map.of("eks.amazonaws.com/role-arn",
                "arn:aws:iam::123456789012:role/api-role-xxxxxxx"));
        assertThat(there.providerReference()).startsWith(deployment.resource("pulumi:providers:kubernetes", "blue-k8s").urn());
        assertThat(here.providerReference()).startsWith(deployment.resource("pulumi:providers:kubernetes", "green-k8s").urn());
        assertThat(there.parentUrn()).isEqualTo(deployment.resource(FederatedServiceAccount.TYPE, "api").urn());
        assertThat(graph.waitsFor(there, blueNamespace)).isTrue();
        assertThat(graph.waitsFor(there, deployment.resource(ROLE, "api-role"))).isTrue();
    }

    @Test
    void aNamePatternIsExplicitAndUsesStringLikeOnTheSubjectOnly() {
        var deployment = deploy(FederatedServiceAccountArgs.builder().namespace("ci").name("agent-0")
                .identity(IrsaIdentity.builder().trustServiceAccountsMatching("agent-*").build()));

        var condition = Json.parse(deployment.resource(ROLE, "api-role").input("assumeRolePolicy").orElseThrow())
                .get("Statement").get("Condition");
        assertThat(condition).isEqualTo(Json.parse("""
                {"StringLike": {"%s:sub": "system:serviceaccount:ci:agent-*"},
                 "StringEquals": {"%s:aud": "sts.amazonaws.com"}}
                """.formatted(ISSUER_HOST_PATH, ISSUER_HOST_PATH)));
    }

    @Test
    void automountCanBeTurnedOnForWorkloadsThatCallTheKubernetesApi() {
        var deployment = deploy(shop().automountServiceAccountToken(true));
        assertThat(deployment.resource(SERVICE_ACCOUNT, "api-sa").input("automountServiceAccountToken")).contains(true);
    }

    @Test
    void theCreatedRoleIsExposedSoUsersCanAttachWhatKeylessDoesNotModel() {
        var deployment = SimulatedStack.named("irsa").run(ctx -> {
            var sa = new FederatedServiceAccount("api", shop().cluster(TestClusters.adopted("green")).build());
            var identity = sa.cloudIdentity(IamRoleIdentity.class);
            var role = identity.role().orElseThrow();
            new com.pulumi.aws.iam.RolePolicyAttachment("api-extra", com.pulumi.aws.iam.RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn("arn:aws:iam::111122223333:policy/extra")
                    .build());
        });

        assertThat(deployment.resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "api-extra").input("role"))
                .contains("api-role-xxxxxxx");
    }

    @Test
    void anExistingRoleIsAnIdentityWithoutARoleResource() {
        var roleName = new java.util.concurrent.atomic.AtomicReference<String>();
        var hasRoleResource = new java.util.concurrent.atomic.AtomicBoolean(true);
        SimulatedStack.named("irsa").run(ctx -> {
            var sa = new FederatedServiceAccount("api", shop().cluster(TestClusters.adopted("green"))
                    .identity(IrsaIdentity.builder().existingRoleArn("arn:aws:iam::111122223333:role/team/shop-api").build()).build());
            var identity = sa.cloudIdentity(IamRoleIdentity.class);
            hasRoleResource.set(identity.role().isPresent());
            identity.roleName().applyValue(name -> {
                roleName.set(name);
                return name;
            });
        });

        assertThat(hasRoleResource).isFalse();
        assertThat(roleName).hasValue("shop-api");
    }
}
