package dev.keyless.aws;

import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions IAM authorizes only on {@code "Resource": "*"}, because they act on no resource a
 * policy could name, which keyless grants emit in a statement of their own. The role's wildcard
 * check admits exactly these on {@code *}, by name; any other action on {@code *} still needs
 * {@code allowWildcardPermissions()}.
 */
final class AnyResourceActions {
    /**
     * ECR: the registry login token names no repository ("Resource types" is empty for it).
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html">ECR actions and resources</a>
     */
    static final String ECR_GET_AUTHORIZATION_TOKEN = "ecr:GetAuthorizationToken";
    /**
     * Route 53: listing hosted zones (to find a zone's id by its domain) names no zone.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html">Route 53 actions and resources</a>
     */
    static final String ROUTE53_LIST_HOSTED_ZONES = "route53:ListHostedZones";
    /** @see #ROUTE53_LIST_HOSTED_ZONES */
    static final String ROUTE53_LIST_HOSTED_ZONES_BY_NAME = "route53:ListHostedZonesByName";


    /**
     * Secrets Manager: listing secrets (names and metadata, no values) and the batch read, whose
     * caller still needs {@code secretsmanager:GetSecretValue} on each secret it returns; neither
     * names a secret. external-secrets documents both on {@code *} for {@code dataFrom} finds.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html">Secrets Manager actions and resources</a>
     * @see <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html">BatchGetSecretValue: required permissions</a>
     */
    static final List<String> SECRETS_MANAGER_LISTING = List.of("secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue");

    /**
     * Auto Scaling and EC2 descriptions cluster-autoscaler reads its node groups with: IAM
     * authorizes the Describe actions of Auto Scaling, and these EC2 reads, only on {@code *}.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html">Auto Scaling actions and resources</a>
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html">EC2 actions and resources</a>
     */
    static final List<String> NODE_GROUP_DESCRIPTIONS = List.of(
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeLaunchConfigurations",
            "autoscaling:DescribeTags",
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:GetInstanceTypesFromInstanceRequirements",
            // A node group's ARN holds its generated id, unknown when the role is made: upstream
            // names it on "*" beside the Auto Scaling reads.
            "eks:DescribeNodegroup");

    /**
     * The node group changes cluster-autoscaler makes. Upstream documents them on {@code *}; they
     * are admitted there only in a statement conditioned on a {@code k8s.io/cluster-autoscaler/}
     * resource tag, so they act only on the groups tagged for the cluster.
     *
     * @see <a href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/control-access-using-iam.html">Auto Scaling: tag-based access control</a>
     */
    static final List<String> NODE_GROUP_CHANGES = List.of("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup");
    static final String CLUSTER_AUTOSCALER_TAG_PREFIX = "aws:ResourceTag/k8s.io/cluster-autoscaler/";

    /**
     * The EC2 and Elastic Load Balancing descriptions the AWS Load Balancer Controller reads
     * subnets, security groups, instances and its load balancers with: IAM authorizes EC2's
     * Describe and these Get reads, and every ELB Describe, only on {@code *}.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html">EC2 actions and resources</a>
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html">ELB v2 actions and resources</a>
     */
    static final List<String> LOAD_BALANCER_DESCRIPTIONS = List.of(
            "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways",
            "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
            "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools",
            "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools", "ec2:DescribeRouteTables",
            "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
            "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
            "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth",
            "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores",
            "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeCapacityReservation");

    /**
     * ACM's and IAM's certificate listings, with which the AWS Load Balancer Controller finds the
     * certificate for an Ingress's host: neither names a certificate ("Resource types" is empty);
     * reading one certificate is granted on certificate ARNs instead.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscertificatemanager.html">ACM actions and resources</a>
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html">IAM actions and resources</a>
     */
    static final List<String> CERTIFICATE_LISTING = List.of("acm:ListCertificates", "iam:ListServerCertificates");
    /**
     * The permission Elastic Load Balancing checks when WAF associates a web ACL with a load
     * balancer: it names no resource ("Resource types" is empty).
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html">ELB v2 actions and resources</a>
     */
    static final String LOAD_BALANCER_SET_WEB_ACL = "elasticloadbalancing:SetWebAcl";
    /**
     * Shield Advanced's subscription state and protection creation: neither names a resource
     * (a protection's ARN holds an id Shield generates); describing and deleting a protection is
     * granted on protection ARNs instead.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsshield.html">Shield actions and resources</a>
     */
    static final List<String> SHIELD_SUBSCRIPTION_AND_CREATION = List.of("shield:GetSubscriptionState", "shield:CreateProtection");

    /** The tag the AWS Load Balancer Controller puts on everything it creates, valued with the cluster's name. */
    static final String LOAD_BALANCER_CLUSTER_TAG = "elbv2.k8s.aws/cluster";
    /** Security group rules and deletion on the controller's own security groups, allowed only where they carry the cluster's tag. */
    static final List<String> LOAD_BALANCER_SECURITY_GROUP_CHANGES = List.of(
            "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup");
    /** Changes to the controller's own load balancers and target groups, allowed only where they carry the cluster's tag. */
    static final List<String> LOAD_BALANCER_CHANGES = List.of(
            "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
            "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer",
            "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
            "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes",
            "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools");
    /** Creating load balancers and target groups, allowed only when the request tags them for the cluster. */
    static final List<String> LOAD_BALANCER_TAGGED_CREATES = List.of(
            "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup");

    /**
     * The EFS and EC2 reads the EFS CSI driver finds file systems, mount targets, access points
     * and zones with: metadata only, no file data. Upstream documents them on {@code *}: the
     * driver lists access points and mount targets across the file systems its StorageClasses
     * name, which the policy does not know.
     *
     * @see <a href="https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/v2.3.1/docs/iam-policy-example.json">aws-efs-csi-driver v2.3.1, docs/iam-policy-example.json</a>
     */
    static final List<String> EFS_DESCRIPTIONS = List.of("elasticfilesystem:DescribeAccessPoints",
            "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeMountTargets", "ec2:DescribeAvailabilityZones");
    /** The tag the EFS CSI driver puts on the access points it creates, valued {@code true}. */
    static final String EFS_CLUSTER_TAG = "efs.csi.aws.com/cluster";
    static final String EFS_CREATE_ACCESS_POINT = "elasticfilesystem:CreateAccessPoint";
    static final List<String> EFS_TAGGED_CHANGES = List.of("elasticfilesystem:TagResource", "elasticfilesystem:DeleteAccessPoint");

    /**
     * The EC2 volume and snapshot descriptions Velero's AWS plugin reads: IAM authorizes EC2's
     * Describe actions only on {@code *}.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html">EC2 actions and resources</a>
     */
    static final List<String> SNAPSHOT_DESCRIPTIONS = List.of("ec2:DescribeVolumes", "ec2:DescribeSnapshots");

    private static final Set<String> ADMITTED = admitted();
    /** Actions admitted on "*" only under a resource- or request-tag condition: the action, the tag key it needs. */
    private static final Map<String, TagKey> ADMITTED_WHEN_TAGGED = admittedWhenTagged();

    /**
     * The tag condition key an action is admitted under: the exact key, or a key prefix that a
     * cluster's name completes (cluster-autoscaler's {@code k8s.io/cluster-autoscaler/NAME}).
     */
    private record TagKey(String key, boolean prefix) {
        boolean matches(String conditionKey) {
            return prefix ? conditionKey.startsWith(key) && conditionKey.length() > key.length() : conditionKey.equals(key);
        }
    }

    private static Set<String> admitted() {
        var names = new java.util.HashSet<String>();
        names.addAll(List.of(ECR_GET_AUTHORIZATION_TOKEN, ROUTE53_LIST_HOSTED_ZONES, ROUTE53_LIST_HOSTED_ZONES_BY_NAME));
        names.addAll(SECRETS_MANAGER_LISTING);
        names.addAll(NODE_GROUP_DESCRIPTIONS);
        names.addAll(LOAD_BALANCER_DESCRIPTIONS);
        names.addAll(CERTIFICATE_LISTING);
        names.add(LOAD_BALANCER_SET_WEB_ACL);
        names.addAll(SHIELD_SUBSCRIPTION_AND_CREATION);
        names.addAll(EFS_DESCRIPTIONS);
        names.addAll(SNAPSHOT_DESCRIPTIONS);
        return Set.copyOf(names);
    }

    private static Map<String, TagKey> admittedWhenTagged() {
        var keys = new java.util.HashMap<String, TagKey>();
        NODE_GROUP_CHANGES.forEach(a -> keys.put(a, new TagKey(CLUSTER_AUTOSCALER_TAG_PREFIX, true)));
        LOAD_BALANCER_SECURITY_GROUP_CHANGES.forEach(a -> keys.put(a, new TagKey("aws:ResourceTag/" + LOAD_BALANCER_CLUSTER_TAG, false)));
        LOAD_BALANCER_CHANGES.forEach(a -> keys.put(a, new TagKey("aws:ResourceTag/" + LOAD_BALANCER_CLUSTER_TAG, false)));
        LOAD_BALANCER_TAGGED_CREATES.forEach(a -> keys.put(a, new TagKey("aws:RequestTag/" + LOAD_BALANCER_CLUSTER_TAG, false)));
        keys.put(EFS_CREATE_ACCESS_POINT, new TagKey("aws:RequestTag/" + EFS_CLUSTER_TAG, false));
        EFS_TAGGED_CHANGES.forEach(a -> keys.put(a, new TagKey("aws:ResourceTag/" + EFS_CLUSTER_TAG, false)));
        return Map.copyOf(keys);
    }

    private AnyResourceActions() {
    }

    /**
     * @param actions a statement's actions
     * @return whether every one is an action IAM authorizes only on {@code *}
     */
    static boolean admitsAll(Collection<IamAction> actions) {
        return !actions.isEmpty() && actions.stream().allMatch(a -> ADMITTED.contains(a.value()));
    }

    /**
     * @param statement a statement on {@code *}
     * @return whether IAM would authorize its actions only on {@code *} ({@link #admitsAll}); or
     *     its actions are changes admitted under a tag condition and the statement has it: the tag
     *     must exist ({@code Null} false) or equal a value ({@code StringEquals})
     */
    static boolean admits(IamStatement statement) {
        if (admitsAll(statement.actions())) {
            return true;
        }
        var actions = statement.actions();
        if (actions.isEmpty() || !actions.stream().allMatch(a -> ADMITTED_WHEN_TAGGED.containsKey(a.value()))) {
            return false;
        }
        return actions.stream().allMatch(a -> statement.conditions().stream().anyMatch(c ->
                ADMITTED_WHEN_TAGGED.get(a.value()).matches(c.key().value())
                        && (c.operator().value().equals(IamConditionOperator.NULL.value()) && c.value().equals("false")
                            || c.operator().value().equals(IamConditionOperator.STRING_EQUALS.value()))));
    }
}
