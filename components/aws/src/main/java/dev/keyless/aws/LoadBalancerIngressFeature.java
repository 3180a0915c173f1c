package dev.keyless.aws;

/**
 * An Ingress add-on of the AWS Load Balancer Controller that its preset leaves out unless asked
 * for ({@link AwsControllers#awsLoadBalancerController(String, java.util.Set)}): each acts on
 * resources the controller did not create and cannot tag, so it is granted account-wide on its
 * resource type, and the preview warns what it widens. The controller calls WAF and Shield only
 * for an Ingress carrying their annotation, and Cognito only for {@code auth-type: cognito}: an
 * Ingress without them needs none of this, and one with them is refused by IAM until the preset
 * is given the feature.
 *
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/pkg/ingress/model_build_load_balancer_addons.go">aws-load-balancer-controller v2.13.4, pkg/ingress/model_build_load_balancer_addons.go: add-ons only for annotated Ingresses</a>
 * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/docs/install/iam_policy.json">v2.13.4 docs/install/iam_policy.json: the add-ons' actions</a>
 */
public enum LoadBalancerIngressFeature {
    /**
     * {@code alb.ingress.kubernetes.io/waf-acl-id} and {@code wafv2-acl-arn}: reading and
     * associating WAF Classic Regional and WAFv2 web ACLs with the account's Application Load
     * Balancers. The web ACLs are the user's, untagged by the controller, and WAF's load balancer
     * resource type takes no tag condition.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awswafregional.html">WAF Classic Regional actions and resources</a>
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awswafv2.html">WAFv2 actions and resources: AssociateWebACL needs elasticloadbalancing:SetWebAcl</a>
     */
    WAF("associating any regional web ACL (WAF Classic and WAFv2) with any Application Load Balancer of the account, "
            + "and elasticloadbalancing:SetWebAcl on *"),
    /**
     * {@code alb.ingress.kubernetes.io/shield-advanced-protection}: Shield Advanced protection of
     * the account's load balancers. Creating a protection names no resource.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsshield.html">Shield actions and resources</a>
     */
    SHIELD("creating a Shield Advanced protection for any resource (shield:CreateProtection on *), "
            + "and describing or deleting any protection of the account"),
    /**
     * {@code alb.ingress.kubernetes.io/auth-type: cognito}: reading the user pool client an Ingress
     * authenticates with, on any user pool of the account.
     *
     * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html">Cognito user pools actions and resources</a>
     */
    COGNITO("reading any Cognito user pool client of the account, its client secret included");

    private final String widens;

    LoadBalancerIngressFeature(String widens) {
        this.widens = widens;
    }

    /** @return the preview's warning when the preset is given this feature */
    String warning(String clusterName) {
        return "the AWS Load Balancer Controller of " + clusterName + " is given " + name() + ": " + widens;
    }
}
