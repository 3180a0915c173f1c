package dev.keyless.preview.engine;

import com.pulumi.aws.iam.AccessKey;
import com.pulumi.aws.iam.AccessKeyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.User;
import com.pulumi.aws.iam.UserArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input built from another resource's output depends on that resource, whatever shape the
 * program gives it, and whether the cloud knows the output yet or not.
 */
class DependenciesTest {
    private static final String USER = "urn:pulumi:dev::demo::aws:iam/user:User::ci";
    private static final String ROLE = "urn:pulumi:dev::demo::aws:iam/role:Role::reader";
    private static final String KEY = "urn:pulumi:dev::demo::aws:iam/accessKey:AccessKey::ci-key";

    private static RecordedDeployment deployment;

    @BeforeAll
    static void run() {
        deployment = InProcessRun.run(StackSettings.of("demo", "dev").withConfig("aws:region", "eu-west-1"), ctx -> {
            var user = new User("ci", UserArgs.builder().build());
            var role = new Role("reader", RoleArgs.builder().assumeRolePolicy("{}").build());
            var key = new AccessKey("ci-key", AccessKeyArgs.builder().user(user.name()).build());
            new Secret("ci-credentials", SecretArgs.builder()
                    .stringData(key.secret().applyValue(secret -> Map.of("AWS_SECRET_ACCESS_KEY", secret)))
                    .build());
            new RolePolicy("both", RolePolicyArgs.builder()
                    .role(Output.all(role.name(), user.name()).applyValue(names -> names.get(0)))
                    .policy("{}")
                    .build());
            new RolePolicy("secret-role", RolePolicyArgs.builder().role(role.name().asSecret()).policy("{}").build());
            new Release("app", ReleaseArgs.builder().chart("app")
                    .values(Map.of("credentials", Map.of("keyId", key.id()), "roles", List.of(role.arn())))
                    .build());
        });
        assertThat(deployment.succeeded()).as("%s %s", deployment.errors(), deployment.failure()).isTrue();
    }

    // The user has no name of its own, so the cloud computes it: the case the simulated cloud, which
    // answers only what it can make up, used to lose.
    @Test
    void aPlainOutput() {
        var key = deployment.resource("aws:iam/accessKey:AccessKey", "ci-key");

        assertThat(key.dependencies()).containsExactly(USER);
        assertThat(key.propertyDependencies()).containsEntry("user", List.of(USER));
    }

    @Test
    void anOutputTheCloudComputesAppliedAndSecret() {
        var secret = deployment.resource("kubernetes:core/v1:Secret", "ci-credentials");

        assertThat(secret.dependencies()).containsExactly(KEY);
        assertThat(secret.propertyDependencies()).containsEntry("stringData", List.of(KEY));
        assertThat(secret.input("stringData")).contains(UnknownValue.INSTANCE);
    }

    @Test
    void outputsCombinedWithOutputAll() {
        var policy = deployment.resource("aws:iam/rolePolicy:RolePolicy", "both");

        assertThat(policy.dependencies()).containsExactlyInAnyOrder(ROLE, USER);
        assertThat(policy.propertyDependencies().get("role")).containsExactlyInAnyOrder(ROLE, USER);
        assertThat(policy.propertyDependencies()).containsEntry("policy", List.of());
    }

    @Test
    void anOutputMadeSecret() {
        var policy = deployment.resource("aws:iam/rolePolicy:RolePolicy", "secret-role");

        assertThat(policy.dependencies()).containsExactly(ROLE);
        assertThat(policy.propertyDependencies()).containsEntry("role", List.of(ROLE));
        assertThat(policy.input("role")).containsInstanceOf(SecretValue.class);
    }

    @Test
    void outputsInsideAMapAndAList() {
        var release = deployment.resource("kubernetes:helm.sh/v3:Release", "app");

        assertThat(release.dependencies()).containsExactlyInAnyOrder(KEY, ROLE);
        assertThat(release.propertyDependencies().get("values")).containsExactlyInAnyOrder(KEY, ROLE);
        assertThat(release.propertyDependencies()).containsEntry("chart", List.of());
    }

    @Test
    void theOutputsATypeDeclaresAreFoundByItsTokenAmongAProgramsClasses() {
        var declared = DeclaredOutputs.fromClasses(() -> Optional.of(DependenciesTest.class.getClassLoader()));

        assertThat(declared.of("aws:iam/accessKey:AccessKey", null))
                .contains("secret", "encryptedSecret", "user", "status").doesNotContain("id", "urn");
        assertThat(declared.of("kubernetes:core/v1:Secret", null)).contains("stringData", "metadata");
        assertThat(declared.of("kubernetes:helm.sh/v3:Release", null)).contains("status", "values");
        assertThat(declared.of("aws:s3/bucketV2:BucketV2", null)).contains("arn", "bucketDomainName");
        assertThat(declared.of("example:none:Missing", null)).isEmpty();
    }
}
