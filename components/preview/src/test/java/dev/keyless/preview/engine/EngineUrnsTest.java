package dev.keyless.preview.engine;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URNs as Pulumi's engine makes them: the root stack's type is never part of a type chain. */
class EngineUrnsTest {
    private static final StackSettings SETTINGS = StackSettings.of("demo", "dev").withConfig("aws:region", "eu-west-1");

    @Test
    void aResourceOfTheStackHasItsOwnTypeAndAComponentsChildChainsTheComponentsType() {
        var deployment = InProcessRun.run(SETTINGS, ctx -> {
            new BucketV2("charts", BucketV2Args.builder().build());
            var outer = new ComponentResource("keyless:test:Outer", "outer");
            var inner = new ComponentResource("keyless:test:Inner", "inner", ComponentResourceOptions.builder().parent(outer).build());
            new Role("reader", RoleArgs.builder().assumeRolePolicy("{}").build(), CustomResourceOptions.builder().parent(inner).build());
            BucketV2.get("existing", Output.of("existing-bucket"), null, null);
        });

        assertThat(deployment.resources()).extracting(RegisteredResource::urn).containsExactly(
                "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::charts",
                "urn:pulumi:dev::demo::keyless:test:Outer::outer",
                "urn:pulumi:dev::demo::keyless:test:Outer$keyless:test:Inner::inner",
                "urn:pulumi:dev::demo::keyless:test:Outer$keyless:test:Inner$aws:iam/role:Role::reader",
                "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::existing");
        assertThat(deployment.resource("aws:iam/role:Role", "reader").parentUrn())
                .isEqualTo("urn:pulumi:dev::demo::keyless:test:Outer$keyless:test:Inner::inner");
        assertThat(deployment.resource("aws:s3/bucketV2:BucketV2", "charts").parentUrn())
                .as("the parent is still the stack").isEqualTo("urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev");
    }

    @Test
    void everyUrnPassesTheEnginesOwnCheckOfParentAndQualifiedType() {
        var deployment = InProcessRun.run(SETTINGS, ctx -> {
            var box = new ComponentResource("keyless:test:Box", "box");
            new Role("in-box", RoleArgs.builder().assumeRolePolicy("{}").build(), CustomResourceOptions.builder().parent(box).build());
            new Role("top", RoleArgs.builder().assumeRolePolicy("{}").build());
        });

        assertThat(deployment.resources()).hasSize(4).allSatisfy(resource ->
                assertThat(qualifiedType(resource.urn()))
                        .as("resource %s has parent %s", resource.urn(), resource.parentUrn())
                        .isEqualTo(expectedByTheEngine(resource)));
    }

    @Test
    void aTypeChainSkipsOnlyTheRootStack() {
        assertThat(TypeChain.of("", "aws:iam/role:Role")).isEqualTo("aws:iam/role:Role");
        assertThat(TypeChain.of("urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev", "aws:iam/role:Role")).isEqualTo("aws:iam/role:Role");
        assertThat(TypeChain.of("urn:pulumi:dev::demo::keyless:core:FederatedServiceAccount::app", "aws:iam/role:Role"))
                .isEqualTo("keyless:core:FederatedServiceAccount$aws:iam/role:Role");
        assertThatThrownBy(() -> TypeChain.qualifiedType("arn:aws:iam::123456789012:role/x"))
                .hasMessage("not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME): 'arn:aws:iam::123456789012:role/x'");
    }

    // Pulumi's check, as pkg/resource/deploy's validateStateMigrationResult writes it: the type alone
    // under no parent or the root stack, else the parent's qualified type, "$", the type.
    private static String expectedByTheEngine(RegisteredResource resource) {
        var parent = resource.parentUrn();
        if (!parent.isEmpty() && !qualifiedType(parent).equals("pulumi:pulumi:Stack")) {
            return qualifiedType(parent) + "$" + resource.type();
        }
        return resource.type();
    }

    private static String qualifiedType(String urn) {
        return urn.split("::")[2];
    }
}
