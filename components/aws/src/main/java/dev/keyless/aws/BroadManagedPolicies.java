package dev.keyless.aws;

import java.util.Set;

/**
 * AWS managed policies that give a workload far more than any grant keyless models: attaching one
 * is legal, and worth a warning in the preview.
 */
final class BroadManagedPolicies {
    private static final Set<String> BROAD = Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

    private BroadManagedPolicies() {
    }

    /** @return whether the ARN names an AWS managed policy that opens a whole service or account */
    static boolean isBroad(String policyArn) {
        if (!policyArn.contains(":iam::aws:policy/")) {
            return false;
        }
        var name = Arns.nameOf(policyArn);
        return BROAD.contains(name) || name.endsWith("FullAccess");
    }
}
