package dev.keyless.aws;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

import static dev.keyless.aws.AnyResourceActions.LOAD_BALANCER_CLUSTER_TAG;

/**
 * The AWS Load Balancer Controller's statements, built from the actions, resources and tag
 * conditions of its {@code docs/install/iam_policy.json} at v2.13.4 (the same document through
 * v2.17.1), in the {@code aws} partition, with two narrowings:
 * <ul>
 *   <li>where upstream asks only that the {@code elbv2.k8s.aws/cluster} tag exist
 *       ({@code Null: false}), the tag must equal the cluster's name: the controller puts its
 *       {@code --cluster-name} there on everything it creates, so a second cluster's controller
 *       in the account cannot change this cluster's load balancers or security groups;</li>
 *   <li>upstream's untagged security group rule changes and security group creation name the
 *       EC2 resource types they act on ({@code security-group/*}, and {@code vpc/*} for
 *       creation) instead of {@code *}. The node security groups the controller opens to its load
 *       balancers carry no tag of it, so the rule changes stay untagged, as upstream has them.</li>
 * </ul>
 * The describes, the Ingress integrations (certificates, Cognito, WAF, Shield) and the listener
 * and rule changes stay on {@code *} as upstream documents them, admitted by name
 * ({@link AnyResourceActions}).
 *
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/docs/install/iam_policy.json">aws-load-balancer-controller v2.13.4, docs/install/iam_policy.json</a>
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/pkg/deploy/tracking/provider.go">v2.13.4 pkg/deploy/tracking/provider.go: "elbv2.k8s.aws/cluster: cluster-name" on all resources</a>
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
    static final List<String> LISTENERS_AND_RULES = List.of(
            "arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*",
            "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
            "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*",
            "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*");
    static final List<String> SECURITY_GROUP_RULES = List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress");
    static final List<String> TAGGING = List.of("elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
    static final List<String> TARGET_REGISTRATION = List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets");

    private LoadBalancerControllerPolicy() {
    }

    /**
     * @param clusterName the cluster's name, as given to the controller's {@code --cluster-name}
     * @return the statements, in upstream's order
     */
    static List<IamStatement> statements(String clusterName) {
        return List.of(
                statement(List.of("iam:CreateServiceLinkedRole"), List.of(SERVICE_LINKED_ROLE))
                        .addCondition(IamConditionOperator.STRING_EQUALS, "iam:AWSServiceName", "elasticloadbalancing.amazonaws.com").build(),
                // Describes name no resource: IAM authorizes them only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
                statement(AnyResourceActions.LOAD_BALANCER_DESCRIPTIONS, List.of("*")).build(),
                // The certificates, user pools and web ACLs an Ingress names are not known to the policy.
                // https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/docs/install/iam_policy.json
                statement(AnyResourceActions.LOAD_BALANCER_INGRESS_INTEGRATIONS, List.of("*")).build(),
                statement(SECURITY_GROUP_RULES, List.of(SECURITY_GROUPS)).build(),
                statement(List.of("ec2:CreateSecurityGroup"), List.of(SECURITY_GROUPS, VPCS)).build(),
                statement(List.of("ec2:CreateTags"), List.of(SECURITY_GROUPS))
                        .addCondition(IamConditionOperator.STRING_EQUALS, "ec2:CreateAction", "CreateSecurityGroup")
                        .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, clusterName).build(),
                untaggingNothingOfTheCluster(statement(List.of("ec2:CreateTags", "ec2:DeleteTags"), List.of(SECURITY_GROUPS)), clusterName),
                ofTheCluster(statement(AnyResourceActions.LOAD_BALANCER_SECURITY_GROUP_CHANGES, List.of("*")), clusterName),
                statement(AnyResourceActions.LOAD_BALANCER_TAGGED_CREATES, List.of("*"))
                        .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, clusterName).build(),
                // Listener and rule ARNs hold ids ELB generates; upstream grants these on "*".
                statement(AnyResourceActions.LOAD_BALANCER_LISTENER_CHANGES, List.of("*")).build(),
                untaggingNothingOfTheCluster(statement(TAGGING, LOAD_BALANCERS_AND_TARGET_GROUPS), clusterName),
                statement(TAGGING, LISTENERS_AND_RULES).build(),
                ofTheCluster(statement(AnyResourceActions.LOAD_BALANCER_CHANGES, List.of("*")), clusterName),
                statement(List.of("elasticloadbalancing:AddTags"), LOAD_BALANCERS_AND_TARGET_GROUPS)
                        .addConditions(IamConditionOperator.STRING_EQUALS, "elasticloadbalancing:CreateAction",
                                List.of("CreateTargetGroup", "CreateLoadBalancer"))
                        .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, clusterName).build(),
                statement(TARGET_REGISTRATION, List.of("arn:aws:elasticloadbalancing:*:*:targetgroup/*/*")).build(),
                statement(AnyResourceActions.LOAD_BALANCER_LISTENER_SETTINGS, List.of("*")).build());
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
