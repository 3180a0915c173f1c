package dev.keyless.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import static dev.keyless.aws.ClusterAddOnPresetsTest.LOAD_BALANCER_CONTROLLER_POLICY;
import static dev.keyless.aws.ClusterAddOnPresetsTest.actionsOf;
import static dev.keyless.aws.ClusterAddOnPresetsTest.deploy;
import static dev.keyless.aws.ClusterAddOnPresetsTest.policyOf;
import static dev.keyless.aws.ClusterAddOnPresetsTest.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS Load Balancer Controller's WAF, Shield and Cognito add-ons: absent by default, each
 * given only when asked for, on its resource types, with the preview warning what it widens.
 */
class LoadBalancerIngressFeatureTest {
    private static final String WAF_STATEMENTS = """
            [{"Effect": "Allow", "Action": ["waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL",
                "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL",
                "wafv2:DisassociateWebACL"],
              "Resource": ["arn:aws:waf-regional:*:*:webacl/*", "arn:aws:wafv2:*:*:regional/webacl/*/*",
                "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"]},
             {"Effect": "Allow", "Action": "elasticloadbalancing:SetWebAcl", "Resource": "*"}]""";
    private static final String SHIELD_STATEMENTS = """
            [{"Effect": "Allow", "Action": ["shield:GetSubscriptionState", "shield:CreateProtection"], "Resource": "*"},
             {"Effect": "Allow", "Action": ["shield:DescribeProtection", "shield:DeleteProtection"], "Resource": "arn:aws:shield::*:protection/*"}]""";
    private static final String COGNITO_STATEMENTS = """
            [{"Effect": "Allow", "Action": "cognito-idp:DescribeUserPoolClient", "Resource": "arn:aws:cognito-idp:*:*:userpool/*"}]""";
    /** The actions of upstream's policy the default preset leaves to the add-ons. */
    private static final Set<String> ADD_ON_ACTIONS = Set.of("cognito-idp:DescribeUserPoolClient",
            "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
            "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
            "elasticloadbalancing:SetWebAcl",
            "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection");
    private static final String WAF_WARNING = "the AWS Load Balancer Controller of green is given WAF: associating any regional web ACL "
            + "(WAF Classic and WAFv2) with any Application Load Balancer of the account, and elasticloadbalancing:SetWebAcl on *";
    private static final String SHIELD_WARNING = "the AWS Load Balancer Controller of green is given SHIELD: creating a Shield Advanced "
            + "protection for any resource (shield:CreateProtection on *), and describing or deleting any protection of the account";
    private static final String COGNITO_WARNING = "the AWS Load Balancer Controller of green is given COGNITO: reading any Cognito "
            + "user pool client of the account, its client secret included";

    /** The default policy with {@code added} (a JSON array of statements) after upstream's statements. */
    private static JsonNode defaultPolicyWith(String... added) {
        var policy = (ObjectNode) Json.parse(LOAD_BALANCER_CONTROLLER_POLICY).deepCopy();
        var statements = (ArrayNode) policy.get("Statement");
        Arrays.stream(added).forEach(json -> statements.addAll((ArrayNode) Json.parse(json)));
        return policy;
    }

    private static Object policyWith(LoadBalancerIngressFeature... features) {
        return policyOf(() -> AwsControllers.awsLoadBalancerController("green", Set.of(features)));
    }

    @Test
    void noFeatureIsThePlainPreset() {
        assertThat(policyWith()).isEqualTo(Json.parse(LOAD_BALANCER_CONTROLLER_POLICY));
        assertThat(deploy(() -> AwsControllers.awsLoadBalancerController("green", Set.of())).diagnostics(Diagnostic.Severity.WARNING))
                .extracting(Diagnostic::message).noneMatch(m -> m.startsWith("the AWS Load Balancer Controller"));
    }

    @Test
    void eachFeatureAddsOnlyItsOwnStatements() {
        assertThat(policyWith(LoadBalancerIngressFeature.WAF)).isEqualTo(defaultPolicyWith(WAF_STATEMENTS));
        assertThat(policyWith(LoadBalancerIngressFeature.SHIELD)).isEqualTo(defaultPolicyWith(SHIELD_STATEMENTS));
        assertThat(policyWith(LoadBalancerIngressFeature.COGNITO)).isEqualTo(defaultPolicyWith(COGNITO_STATEMENTS));
    }

    @Test
    void featuresFollowTheEnumsOrderWhateverTheSetsOrder() {
        var all = defaultPolicyWith(WAF_STATEMENTS, SHIELD_STATEMENTS, COGNITO_STATEMENTS);
        assertThat(policyWith(LoadBalancerIngressFeature.COGNITO, LoadBalancerIngressFeature.WAF, LoadBalancerIngressFeature.SHIELD))
                .isEqualTo(all);
        assertThat(policyOf(() -> AwsControllers.awsLoadBalancerController("green", EnumSet.allOf(LoadBalancerIngressFeature.class))))
                .isEqualTo(all);
    }

    @Test
    void everyFeatureWarnsWhatItWidens() {
        assertThat(deploy(() -> AwsControllers.awsLoadBalancerController("green", EnumSet.allOf(LoadBalancerIngressFeature.class)))
                .diagnostics(Diagnostic.Severity.WARNING))
                .extracting(Diagnostic::message).filteredOn(m -> m.startsWith("the AWS Load Balancer Controller"))
                .containsExactly(WAF_WARNING, SHIELD_WARNING, COGNITO_WARNING);
        assertThat(deploy(() -> AwsControllers.awsLoadBalancerController("green", Set.of(LoadBalancerIngressFeature.COGNITO)))
                .diagnostics(Diagnostic.Severity.WARNING))
                .extracting(Diagnostic::message).filteredOn(m -> m.startsWith("the AWS Load Balancer Controller"))
                .containsExactly(COGNITO_WARNING);
    }

    @Test
    void theDefaultHoldsUpstreamsActionsButTheAddOnsAndAllFeaturesHoldThemAll() {
        var upstream = recorded("aws-load-balancer-controller");
        assertThat(upstream).containsAll(ADD_ON_ACTIONS);
        var withoutAddOns = new TreeSet<>(upstream);
        withoutAddOns.removeAll(ADD_ON_ACTIONS);
        assertThat(actionsOf(AwsControllers.awsLoadBalancerController("green"))).isEqualTo(withoutAddOns);
        assertThat(actionsOf(AwsControllers.awsLoadBalancerController("green", EnumSet.allOf(LoadBalancerIngressFeature.class))))
                .isEqualTo(upstream);
    }

    @Test
    void aNullSetOrANullFeatureIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AwsControllers.awsLoadBalancerController("green", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("features must be a set of LoadBalancerIngressFeature (WAF, SHIELD, COGNITO), empty for none, not null: 'null'");
        var withNull = new LinkedHashSet<>(Arrays.asList(LoadBalancerIngressFeature.WAF, null));
        assertThatThrownBy(() -> AwsControllers.awsLoadBalancerController("green", withNull))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("features must be LoadBalancerIngressFeature members (WAF, SHIELD, COGNITO), none of them null: '[WAF, null]'");
        assertThatThrownBy(() -> AwsControllers.awsLoadBalancerController("green blue", Set.of(LoadBalancerIngressFeature.WAF)))
                .hasMessage("awsLoadBalancerController must be " + AwsControllers.CLUSTER_NAME_RULE + ": 'green blue'");
    }
}
