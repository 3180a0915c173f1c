package dev.keyless.aws;

import software.amazon.awssdk.policybuilder.iam.IamAction;

import java.util.Collection;
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

    private static final Set<String> ADMITTED = Set.of(ECR_GET_AUTHORIZATION_TOKEN, ROUTE53_LIST_HOSTED_ZONES, ROUTE53_LIST_HOSTED_ZONES_BY_NAME);

    private AnyResourceActions() {
    }

    /**
     * @param actions a statement's actions
     * @return whether every one is an action IAM authorizes only on {@code *}
     */
    static boolean admitsAll(Collection<IamAction> actions) {
        return !actions.isEmpty() && actions.stream().allMatch(a -> ADMITTED.contains(a.value()));
    }
}
