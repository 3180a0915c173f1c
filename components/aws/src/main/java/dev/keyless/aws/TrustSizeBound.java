package dev.keyless.aws;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest issuer an EKS cluster can have, so the trust policy size can be checked at preview
 * time, before the issuer is known. EKS issuers are {@code https://oidc.eks.REGION.amazonaws.com/id/ID}
 * with a 32-character id; regions are at most 14 characters; China adds {@code .cn}; GovCloud's
 * partition {@code aws-us-gov} is the longest.
 */
final class TrustSizeBound {
    private static final String LONGEST_HOST_PATH = "oidc.eks." + "r".repeat(14) + ".amazonaws.com.cn/id/" + "I".repeat(32);
    private static final String LONGEST_PROVIDER_ARN = "arn:aws-us-gov:iam::123456789012:oidc-provider/" + LONGEST_HOST_PATH;

    private TrustSizeBound() {
    }

    static List<TrustPolicies.TrustedIssuer> longestIssuers(int count) {
        var issuers = new ArrayList<TrustPolicies.TrustedIssuer>();
        for (int i = 0; i < count; i++) {
            issuers.add(new TrustPolicies.TrustedIssuer(LONGEST_PROVIDER_ARN, LONGEST_HOST_PATH));
        }
        return issuers;
    }
}
