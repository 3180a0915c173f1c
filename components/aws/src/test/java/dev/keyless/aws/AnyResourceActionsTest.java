package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.ServiceAccountRef;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The role's wildcard check admits the actions that exist only on '*' by name, and nothing beside them. */
class AnyResourceActionsTest {
    private static final ServiceAccountRef ACCOUNT = new ServiceAccountRef("shop", "api");
    private static final String REFUSED = "grant statement must be an action and resource named exactly; "
            + "wildcard permissions need the role option allowWildcardPermissions(): 'resource *'";

    private static IamStatement onAnyResource(String... actions) {
        return IamStatement.builder().effect(IamEffect.ALLOW).actionIds(List.of(actions)).addResource("*").build();
    }

    @Test
    void theLoginTokenAndZoneListingAreAdmittedOnAnyResource() {
        assertThatCode(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("ecr:GetAuthorizationToken"),
                onAnyResource("route53:ListHostedZones", "route53:ListHostedZonesByName")), false, false)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherActionOnAnyResourceIsStillRefusedEvenBesideAnAdmittedOne() {
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("ecr:GetAuthorizationToken", "ecr:BatchGetImage")), false, false))
                .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("s3:GetObject")), false, false)).hasMessage(REFUSED);
    }

    @Test
    void nodeGroupChangesAreAdmittedOnAnyResourceOnlyUnderTheClusterAutoscalerTagCondition() {
        var untagged = onAnyResource("autoscaling:SetDesiredCapacity");
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(untagged), false, false)).hasMessage(REFUSED);
        var otherTag = untagged.toBuilder().addCondition(IamConditionOperator.NULL, "aws:ResourceTag/team", "false").build();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(otherTag), false, false)).hasMessage(REFUSED);
        var tagAbsent = untagged.toBuilder().addCondition(IamConditionOperator.NULL, "aws:ResourceTag/k8s.io/cluster-autoscaler/green", "true").build();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(tagAbsent), false, false)).hasMessage(REFUSED);
        var tagged = untagged.toBuilder().addCondition(IamConditionOperator.NULL, "aws:ResourceTag/k8s.io/cluster-autoscaler/green", "false").build();
        assertThatCode(() -> InlinePolicy.of(ACCOUNT, List.of(tagged), false, false)).doesNotThrowAnyException();
        var taggedWithMore = IamStatement.builder().effect(IamEffect.ALLOW).actionIds(List.of("autoscaling:SetDesiredCapacity", "ec2:TerminateInstances"))
                .addResource("*").addCondition(IamConditionOperator.NULL, "aws:ResourceTag/k8s.io/cluster-autoscaler/green", "false").build();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(taggedWithMore), false, false)).hasMessage(REFUSED);
    }

    @Test
    void loadBalancerChangesAreAdmittedOnAnyResourceOnlyUnderTheirClusterTag() {
        var untagged = onAnyResource("elasticloadbalancing:DeleteLoadBalancer");
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(untagged), false, false)).hasMessage(REFUSED);
        var requestTagged = untagged.toBuilder()
                .addCondition(IamConditionOperator.STRING_EQUALS, "aws:RequestTag/elbv2.k8s.aws/cluster", "green").build();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(requestTagged), false, false)).hasMessage(REFUSED);
        var longerKey = untagged.toBuilder()
                .addCondition(IamConditionOperator.STRING_EQUALS, "aws:ResourceTag/elbv2.k8s.aws/cluster-name", "green").build();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(longerKey), false, false)).hasMessage(REFUSED);
        var resourceTagged = untagged.toBuilder()
                .addCondition(IamConditionOperator.STRING_EQUALS, "aws:ResourceTag/elbv2.k8s.aws/cluster", "green").build();
        assertThatCode(() -> InlinePolicy.of(ACCOUNT, List.of(resourceTagged), false, false)).doesNotThrowAnyException();
        var creation = onAnyResource("elasticloadbalancing:CreateLoadBalancer").toBuilder()
                .addCondition(IamConditionOperator.STRING_EQUALS, "aws:RequestTag/elbv2.k8s.aws/cluster", "green").build();
        assertThatCode(() -> InlinePolicy.of(ACCOUNT, List.of(creation), false, false)).doesNotThrowAnyException();
        var efsDelete = onAnyResource("elasticfilesystem:DeleteAccessPoint").toBuilder()
                .addCondition(IamConditionOperator.STRING_EQUALS, "aws:ResourceTag/elbv2.k8s.aws/cluster", "green").build();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(efsDelete), false, false)).hasMessage(REFUSED);
    }

    @Test
    void listenerAndRuleChangesAreRefusedOnAnyResourceEvenAsUpstreamsWholeStatement() {
        // The preset names their listener, rule and load balancer ARNs instead.
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("elasticloadbalancing:CreateListener",
                "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule")), false, false))
                .hasMessage(REFUSED);
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("elasticloadbalancing:ModifyListener")), false, false))
                .hasMessage(REFUSED);
    }

    @Test
    void theCertificateListingsAndTheAddOnsActionsThatNameNoResourceAreAdmittedByNameAndTheirReadsAreNot() {
        assertThatCode(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("acm:ListCertificates", "iam:ListServerCertificates"),
                onAnyResource("elasticloadbalancing:SetWebAcl"), onAnyResource("shield:GetSubscriptionState", "shield:CreateProtection")),
                false, false)).doesNotThrowAnyException();
        for (var read : List.of("acm:DescribeCertificate", "iam:GetServerCertificate", "wafv2:AssociateWebACL", "shield:DeleteProtection",
                "cognito-idp:DescribeUserPoolClient")) {
            assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource(read)), false, false)).as(read).hasMessage(REFUSED);
        }
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("acm:ListCertificates", "acm:DescribeCertificate")), false, false))
                .hasMessage(REFUSED);
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("s3:*")), false, false))
                .hasMessage(REFUSED.replace("'resource *'", "'action s3:*'"));
    }

    @Test
    void theNewPresetsDescriptionsAreAdmittedByNameAndTheirChangesAreNot() {
        assertThatCode(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("ec2:DescribeSubnets", "elasticloadbalancing:DescribeTags"),
                onAnyResource("elasticfilesystem:DescribeFileSystems"), onAnyResource("ec2:DescribeSnapshots")), false, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("ec2:DescribeSnapshots", "ec2:DeleteSnapshot")), false, false))
                .hasMessage(REFUSED);
        assertThatThrownBy(() -> InlinePolicy.of(ACCOUNT, List.of(onAnyResource("ec2:CreateSecurityGroup")), false, false))
                .hasMessage(REFUSED);
    }

    @Test
    void aCustomGrantOnAnyResourceFailsThePreviewCheckBeforeTheRoleRegisters() {
        AwsGrant custom = new AwsGrant() {
            @Override
            public Output<List<IamStatement>> statements() {
                return Output.of(List.of(onAnyResource("secretsmanager:GetSecretValue")));
            }

            @Override
            public Optional<List<IamStatement>> longestStatements() {
                return Optional.of(List.of(onAnyResource("secretsmanager:GetSecretValue")));
            }

            @Override
            public String describe() {
                return "every secret";
            }
        };
        assertThat(GrantPolicies.refusedAtDeploy(() -> custom).message()).isEqualTo(REFUSED);
    }
}
