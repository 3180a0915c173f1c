package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How KL009 reads an Allow statement on {@code "Resource": "*"} for what it is, as the controller
 * presets (external-dns, cert-manager, external-secrets, cluster-autoscaler, the AWS Load Balancer
 * Controller) need them. A statement on {@code *} passes when:
 * <ul>
 *   <li>every action names no resource, so {@code *} is its only possible resource: the ECR login,
 *       Route 53's zone listings, Secrets Manager's listing and batch read (whose caller still needs
 *       {@code GetSecretValue} on each secret), ACM's and IAM's certificate listings, ELB's
 *       {@code SetWebAcl} and Shield's {@code CreateProtection}; or reads only
 *       metadata or configuration: a {@code Describe…} of EC2, Auto Scaling, Elastic Load
 *       Balancing, EKS, ACM or Shield, by name or as the {@code ec2:Describe*} wildcard upstream
 *       documents, and the few named reads a load balancer controller makes
 *       (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html);</li>
 *   <li>its actions are named (no wildcard) and a condition confines them to tagged resources: a
 *       {@code Null} {@code "false"}, {@code StringEquals} or {@code StringLike} on a
 *       {@code …:ResourceTag/KEY} or {@code …:RequestTag/KEY} key. IAM fails such a condition when
 *       the request has no such tag, so the actions reach only resources carrying the tag
 *       (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html): cluster-autoscaler's
 *       {@code k8s.io/cluster-autoscaler/CLUSTER}, the Load Balancer Controller's
 *       {@code elbv2.k8s.aws/cluster}. Negated and {@code …IfExists} operators pass when the tag is
 *       missing, so they confine nothing;</li>
 *   <li>it is {@code iam:CreateServiceLinkedRole} alone, with {@code StringEquals} on
 *       {@code iam:AWSServiceName}: the one service's linked role, which only that service can
 *       assume (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).</li>
 * </ul>
 * Any other action on {@code *}, named or not, is still KL009's, {@code s3:*} included. Tag
 * confinement is weaker than naming ARNs (whoever may tag a resource can bring it in); it is how
 * AWS documents these controllers, and KL019 still judges escalating actions on {@code *}.
 */
final class AnyResourceStatements {
    /** Actions whose "Resource types" column is empty in the Service Authorization Reference. */
    private static final Set<String> NO_RESOURCE = lowerCase(Set.of(
            "ecr:GetAuthorizationToken",
            "route53:ListHostedZones",
            "route53:ListHostedZonesByName",
            "secretsmanager:ListSecrets",
            "secretsmanager:BatchGetSecretValue",
            "ec2:GetInstanceTypesFromInstanceRequirements",
            "acm:ListCertificates",
            "iam:ListServerCertificates",
            // The AWS Load Balancer Controller's WAF and Shield add-ons: the permission ELB checks
            // when WAF associates a web ACL, and creating a protection, whose ARN Shield generates
            // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsshield.html).
            "elasticloadbalancing:SetWebAcl",
            "shield:CreateProtection",
            // Configuration reads a load balancer controller makes: a server certificate's public
            // body and chain (never its private key), the web ACL on a load balancer, Shield's state.
            "iam:GetServerCertificate",
            "ec2:GetCoipPoolUsage",
            "ec2:GetSecurityGroupsForVpc",
            "waf-regional:GetWebACL",
            "waf-regional:GetWebACLForResource",
            "wafv2:GetWebACL",
            "wafv2:GetWebACLForResource",
            "shield:GetSubscriptionState"));
    /**
     * Metadata reads of the services node groups and load balancers are made of. Not
     * {@code cognito-idp:Describe…}: {@code DescribeUserPoolClient} returns the client's secret.
     */
    private static final Pattern METADATA_READ =
            Pattern.compile("(ec2|autoscaling|elasticloadbalancing|eks|acm|shield):describe[a-z]*\\*?");
    private static final Pattern TAG_KEY = Pattern.compile("[a-z0-9-]+:(resourcetag|requesttag)/[^*?]+");
    private static final Set<String> CONFINING_OPERATORS = Set.of("StringEquals", "StringLike");
    private static final Map<String, String> SERVICE_SCOPED = Map.of("iam:createservicelinkedrole", "iam:AWSServiceName");

    private AnyResourceStatements() {
    }

    /** Whether {@code action} (a name or a wildcard) reads only metadata or names no resource. */
    static boolean readsOnly(String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        return NO_RESOURCE.contains(lower) || METADATA_READ.matcher(lower).matches();
    }

    /** Whether the statement, on {@code *}, is one of the kinds above. */
    static boolean admitted(JsonNode statement) {
        if (!statement.path("NotAction").isMissingNode()) {
            return false;
        }
        List<String> actions = Values.texts(statement.path("Action"));
        if (actions.isEmpty()) {
            return false;
        }
        return actions.stream().allMatch(AnyResourceStatements::readsOnly)
                || actions.stream().noneMatch(a -> a.contains("*") || a.contains("?")) && confinedToTagged(statement.path("Condition"))
                || serviceScoped(actions, statement.path("Condition"));
    }

    private static boolean confinedToTagged(JsonNode condition) {
        for (Map.Entry<String, JsonNode> operator : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            for (Map.Entry<String, JsonNode> key : (Iterable<Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                if (!TAG_KEY.matcher(key.getKey().toLowerCase(Locale.ROOT)).matches()) {
                    continue;
                }
                List<String> values = Values.texts(key.getValue());
                boolean present = operator.getKey().equals("Null") && values.equals(List.of("false"));
                if (present || CONFINING_OPERATORS.contains(operator.getKey()) && !values.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean serviceScoped(List<String> actions, JsonNode condition) {
        if (actions.size() != 1) {
            return false;
        }
        String key = SERVICE_SCOPED.get(actions.get(0).toLowerCase(Locale.ROOT));
        return key != null && !Values.texts(condition.path("StringEquals").path(key)).isEmpty();
    }

    private static Set<String> lowerCase(Set<String> names) {
        return Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }
}
