package dev.keyless.aws;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.keyless.aws.AnyResourceActions.LOAD_BALANCER_CLUSTER_TAG;

/**
 * The AWS Load Balancer Controller's statements, built from the actions, resources and tag
 * conditions of its {@code docs/install/iam_policy.json} at v2.13.4 (the same document through
 * v2.17.1), in the {@code aws} partition, with these narrowings:
 * <ul>
 *   <li>where upstream asks only that the {@code elbv2.k8s.aws/cluster} tag exist
 *       ({@code Null: false}), the tag must equal the cluster's name: the controller puts its
 *       {@code --cluster-name} there on everything it creates, so a second cluster's controller
 *       in the account cannot change this cluster's load balancers or security groups;</li>
 *   <li>upstream's untagged security group rule changes and security group creation name the
 *       EC2 resource types they act on ({@code security-group/*}, and {@code vpc/*} for
 *       creation) instead of {@code *}. The node security groups the controller opens to its load
 *       balancers carry no tag of it, so the rule changes stay untagged, as upstream has them;</li>
 *   <li>upstream's listener and rule changes on {@code *} name the resource types IAM authorizes
 *       them on, tagged for the cluster: {@code CreateListener} on the cluster's load balancers,
 *       the other listener and rule changes on its listeners and rules. The controller tags those
 *       too, through its {@code ListenerRulesTagging} feature gate (on by default); with the gate
 *       off they carry no tag and these calls are refused. A listener or rule an older controller
 *       left untagged gets its tags on the next reconcile, before any change: tagging listeners
 *       and rules stays unconditioned, as upstream has it. A rule added by hand to one of its
 *       listeners carries no tag, so the controller, which reorders and deletes such rules, is refused;</li>
 *   <li>of upstream's Ingress integrations on {@code *}, the certificate reads name certificate
 *       ARNs and only the two listings stay on {@code *}; WAF, Shield and Cognito are left out
 *       unless asked for ({@link LoadBalancerIngressFeature}), then on their resource types.</li>
 * </ul>
 * What remains on {@code *} names no resource, admitted by name ({@link AnyResourceActions}).
 *
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/docs/install/iam_policy.json">aws-load-balancer-controller v2.13.4, docs/install/iam_policy.json</a>
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/pkg/deploy/tracking/provider.go">v2.13.4 pkg/deploy/tracking/provider.go: "elbv2.k8s.aws/cluster: cluster-name" on all resources</a>
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/pkg/deploy/elbv2/listener_manager.go">v2.13.4 pkg/deploy/elbv2/listener_manager.go and listener_rule_manager.go: listener and rule tags under ListenerRulesTagging</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html">ELB v2 actions and resources: CreateListener on loadbalancer/app and /net; CreateRule, DeleteListener, ModifyListener, Add/RemoveListenerCertificates on listener/app and /net; DeleteRule, ModifyRule, SetRulePriorities on listener-rule/app and /net; all with aws:ResourceTag</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html">EC2 example policies: security groups by resource type</a>
 */
final class LoadBalancerControllerPolicy {
    static final String REQUEST_TAG = "aws:RequestTag/" + LOAD_BALANCER_CLUSTER_TAG;
    static final String RESOURCE_TAG = "aws:ResourceTag/" + LOAD_BALANCER_CLUSTER_TAG;
    /**
     * The service-linked role ELB makes on first use in an account; upstream allows creating it
     * on {@code *} for that service name only, here also on its fixed path.
     *
     * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html">ELB service-linked role</a>
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create-service-linked-role.html#service-linked-role-permissions">IAM: service-linked role permissions (role/aws-service-role/SERVICE/NAME)</a>
     */
    static final String SERVICE_LINKED_ROLE = "arn:aws:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing";
    static final String SECURITY_GROUPS = "arn:aws:ec2:*:*:security-group/*";
    static final String VPCS = "arn:aws:ec2:*:*:vpc/*";
    static final List<String> LOAD_BALANCERS_AND_TARGET_GROUPS = List.of(
            "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
            "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
            "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*");
    static final List<String> LOAD_BALANCERS = List.of(
            "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
            "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*");
    static final List<String> LISTENERS_AND_RULES = List.of(
            "arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*",
            "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
            "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*",
            "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*");
    static final List<String> SECURITY_GROUP_RULES = List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress");
    static final List<String> TAGGING = List.of("elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
    static final List<String> TARGET_REGISTRATION = List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets");
    static final String CREATE_LISTENER = "elasticloadbalancing:CreateListener";
    /** Upstream's statement of listener and rule creation and deletion, but CreateListener, which acts on a load balancer. */
    static final List<String> LISTENER_AND_RULE_CHANGES = List.of("elasticloadbalancing:DeleteListener",
            "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule");
    /** Upstream's statement of listener and rule settings, but SetWebAcl, which is WAF's ({@link LoadBalancerIngressFeature#WAF}). */
    static final List<String> LISTENER_AND_RULE_SETTINGS = List.of("elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
            "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities");
    /**
     * Reading one certificate an Ingress names or the controller found by host.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscertificatemanager.html">ACM: DescribeCertificate on certificate</a>
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html">IAM: GetServerCertificate on server-certificate</a>
     */
    static final List<String> CERTIFICATE_READS = List.of("acm:DescribeCertificate", "iam:GetServerCertificate");
    static final List<String> CERTIFICATES = List.of("arn:aws:acm:*:*:certificate/*", "arn:aws:iam::*:server-certificate/*");
    /**
     * WAF Classic Regional's and WAFv2's web ACL reads and associations: each is authorized on the
     * web ACL, the Application Load Balancer, or both, so the statement names both types.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awswafregional.html">WAF Classic Regional: webacl, loadbalancer/app</a>
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awswafv2.html">WAFv2: webacl (required), loadbalancer/app</a>
     */
    static final List<String> WEB_ACL_ASSOCIATION = List.of("waf-regional:GetWebACL", "waf-regional:GetWebACLForResource",
            "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource",
            "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL");
    static final List<String> WEB_ACLS_AND_APPLICATION_LOAD_BALANCERS = List.of("arn:aws:waf-regional:*:*:webacl/*",
            "arn:aws:wafv2:*:*:regional/webacl/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*");
    /** @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsshield.html">Shield: DescribeProtection, DeleteProtection on protection</a> */
    static final List<String> PROTECTION_CHANGES = List.of("shield:DescribeProtection", "shield:DeleteProtection");
    static final String PROTECTIONS = "arn:aws:shield::*:protection/*";
    /** @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html">Cognito user pools: DescribeUserPoolClient on userpool</a> */
    static final String USER_POOL_CLIENT_READ = "cognito-idp:DescribeUserPoolClient";
    static final String USER_POOLS = "arn:aws:cognito-idp:*:*:userpool/*";

    private LoadBalancerControllerPolicy() {
    }

    /**
     * @param clusterName the cluster's name, as given to the controller's {@code --cluster-name}
     * @param features    the Ingress add-ons asked for, whose statements follow upstream's, in the enum's order
     * @return the statements, in upstream's order
     */
    static List<IamStatement> statements(String clusterName, Set<LoadBalancerIngressFeature> features) {
        var statements = new ArrayList<>(List.of(
                statement(List.of("iam:CreateServiceLinkedRole"), List.of(SERVICE_LINKED_ROLE))
                        .addCondition(IamConditionOperator.STRING_EQUALS, "iam:AWSServiceName", "elasticloadbalancing.amazonaws.com").build(),
                // Describes name no resource: IAM authorizes them only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
                statement(AnyResourceActions.LOAD_BALANCER_DESCRIPTIONS, List.of("*")).build(),
                statement(AnyResourceActions.CERTIFICATE_LISTING, List.of("*")).build(),
                statement(CERTIFICATE_READS, CERTIFICATES).build(),
                statement(SECURITY_GROUP_RULES, List.of(SECURITY_GROUPS)).build(),
                statement(List.of("ec2:CreateSecurityGroup"), List.of(SECURITY_GROUPS, VPCS)).build(),
                statement(List.of("ec2:CreateTags"), List.of(SECURITY_GROUPS))
                        .addCondition(IamConditionOperator.STRING_EQUALS, "ec2:CreateAction", "CreateSecurityGroup")
                        .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, clusterName).build(),
                untaggingNothingOfTheCluster(statement(List.of("ec2:CreateTags", "ec2:DeleteTags"), List.of(SECURITY_GROUPS)), clusterName),
                ofTheCluster(statement(AnyResourceActions.LOAD_BALANCER_SECURITY_GROUP_CHANGES, List.of("*")), clusterName),
                statement(AnyResourceActions.LOAD_BALANCER_TAGGED_CREATES, List.of("*"))
                        .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, clusterName).build(),
                ofTheCluster(statement(List.of(CREATE_LISTENER), LOAD_BALANCERS), clusterName),
                ofTheCluster(statement(LISTENER_AND_RULE_CHANGES, LISTENERS_AND_RULES), clusterName),
                untaggingNothingOfTheCluster(statement(TAGGING, LOAD_BALANCERS_AND_TARGET_GROUPS), clusterName),
                statement(TAGGING, LISTENERS_AND_RULES).build(),
                ofTheCluster(statement(AnyResourceActions.LOAD_BALANCER_CHANGES, List.of("*")), clusterName),
                statement(List.of("elasticloadbalancing:AddTags"), LOAD_BALANCERS_AND_TARGET_GROUPS)
                        .addConditions(IamConditionOperator.STRING_EQUALS, "elasticloadbalancing:CreateAction",
                                List.of("CreateTargetGroup", "CreateLoadBalancer"))
                        .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, clusterName).build(),
                statement(TARGET_REGISTRATION, List.of("arn:aws:elasticloadbalancing:*:*:targetgroup/*/*")).build(),
                ofTheCluster(statement(LISTENER_AND_RULE_SETTINGS, LISTENERS_AND_RULES), clusterName)));
        for (var feature : LoadBalancerIngressFeature.values()) {
            if (features.contains(feature)) {
                statements.addAll(statementsOf(feature));
            }
        }
        return List.copyOf(statements);
    }

    private static List<IamStatement> statementsOf(LoadBalancerIngressFeature feature) {
        return switch (feature) {
            case WAF -> List.of(statement(WEB_ACL_ASSOCIATION, WEB_ACLS_AND_APPLICATION_LOAD_BALANCERS).build(),
                    statement(List.of(AnyResourceActions.LOAD_BALANCER_SET_WEB_ACL), List.of("*")).build());
            case SHIELD -> List.of(statement(AnyResourceActions.SHIELD_SUBSCRIPTION_AND_CREATION, List.of("*")).build(),
                    statement(PROTECTION_CHANGES, List.of(PROTECTIONS)).build());
            case COGNITO -> List.of(statement(List.of(USER_POOL_CLIENT_READ), List.of(USER_POOLS)).build());
        };
    }

    /** Changes only to what carries the cluster's tag. */
    private static IamStatement ofTheCluster(IamStatement.Builder statement, String clusterName) {
        return statement.addCondition(IamConditionOperator.STRING_EQUALS, RESOURCE_TAG, clusterName).build();
    }

    /** Tag changes on the cluster's own resources that leave the cluster tag itself alone. */
    private static IamStatement untaggingNothingOfTheCluster(IamStatement.Builder statement, String clusterName) {
        return statement.addCondition(IamConditionOperator.NULL, REQUEST_TAG, "true")
                .addCondition(IamConditionOperator.STRING_EQUALS, RESOURCE_TAG, clusterName).build();
    }

    private static IamStatement.Builder statement(List<String> actions, List<String> resources) {
        return IamStatement.builder().effect(IamEffect.ALLOW).actionIds(actions).resourceIds(resources);
    }
}
