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

    private static final Set<String> ADMITTED = admitted();
    /** Actions admitted on "*" only under a resource-tag condition: the action, the tag key's prefix. */
    private static final Map<String, String> ADMITTED_WHEN_TAGGED = Map.of(
            NODE_GROUP_CHANGES.get(0), CLUSTER_AUTOSCALER_TAG_PREFIX,
            NODE_GROUP_CHANGES.get(1), CLUSTER_AUTOSCALER_TAG_PREFIX);

    private static Set<String> admitted() {
        var names = new java.util.HashSet<String>();
        names.addAll(List.of(ECR_GET_AUTHORIZATION_TOKEN, ROUTE53_LIST_HOSTED_ZONES, ROUTE53_LIST_HOSTED_ZONES_BY_NAME));
        names.addAll(SECRETS_MANAGER_LISTING);
        names.addAll(NODE_GROUP_DESCRIPTIONS);
        return Set.copyOf(names);
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
     * @return whether IAM would authorize its actions only on {@code *} ({@link #admitsAll}), or
     *     they are changes admitted under a resource-tag condition and the statement has it: the
     *     tag must exist ({@code Null} false) or equal a value ({@code StringEquals})
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
                c.key().value().startsWith(ADMITTED_WHEN_TAGGED.get(a.value()))
                        && c.key().value().length() > ADMITTED_WHEN_TAGGED.get(a.value()).length()
                        && (c.operator().value().equals(IamConditionOperator.NULL.value()) && c.value().equals("false")
                            || c.operator().value().equals(IamConditionOperator.STRING_EQUALS.value()))));
    }
}
