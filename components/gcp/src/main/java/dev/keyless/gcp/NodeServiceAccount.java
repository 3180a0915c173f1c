package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.core.ProgramClaims;

/**
 * The Google service account a {@link GkeCluster}'s nodes run as ({@code NAME-nodes-sa}), holding
 * only {@link GkeCluster#NODE_ROLE} on the project ({@code NAME-nodes-role}): a compromised node
 * gets none of the Compute Engine default account's Editor rights.
 *
 * @param email the account's email
 * @param role  the role binding; nodes wait for it
 */
record NodeServiceAccount(Output<String> email, IAMMember role) {

    /**
     * Claims the nodes' account id in the project before the cluster registers anything: an
     * impersonation workload named {@code NAME-nodes} in the same project derives the same id.
     */
    static void claimId(String clusterName, String projectId) {
        ProgramClaims.current().claim(ServiceAccountIds.claim("node service account id (from the cluster's name)", projectId,
                accountId(clusterName)), clusterName);
    }

    /**
     * Claims the nodes' account id once the project is known, for a cluster whose project its gcp
     * provider tells only at deploy: the account registers with the returned id, so a clash fails
     * it, and the cluster that runs as it, before either exists.
     *
     * @return the account id, claimed
     */
    static Output<String> claimIdOnceKnown(String clusterName, Output<String> projectId) {
        return projectId.applyValue(project -> {
            claimId(clusterName, project);
            return accountId(clusterName);
        });
    }

    /** @return the account id, for a cluster whose project was claimed in already */
    static Output<String> claimedId(String clusterName) {
        return Output.of(accountId(clusterName));
    }

    private static String accountId(String clusterName) {
        return ServiceAccountIds.derive(clusterName + "-nodes");
    }

    static NodeServiceAccount create(ComponentResource owner, String name, Output<String> projectId, Output<String> accountId) {
        var parent = CustomResourceOptions.builder().parent(owner).build();
        var account = new Account(name + "-nodes-sa", AccountArgs.builder()
                .accountId(accountId)
                .project(projectId)
                .displayName("GKE nodes of " + name)
                .description("Runs the nodes of GKE cluster " + name + " with the least privilege GKE needs")
                .build(), parent);
        var role = new IAMMember(name + "-nodes-role", IAMMemberArgs.builder()
                .project(projectId)
                .role(GkeCluster.NODE_ROLE)
                .member(account.email().applyValue(e -> "serviceAccount:" + e))
                .build(), parent);
        return new NodeServiceAccount(account.email(), role);
    }
}
