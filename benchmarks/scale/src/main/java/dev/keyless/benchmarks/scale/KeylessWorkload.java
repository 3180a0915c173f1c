package dev.keyless.benchmarks.scale;

import dev.keyless.aws.AdoptedEksCluster;
import dev.keyless.aws.IrsaIdentity;
import dev.keyless.aws.PodIdentity;
import dev.keyless.aws.S3Access;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;

/** One workload through keyless: what a landing zone writes per team. */
final class KeylessWorkload {
    private KeylessWorkload() {
    }

    static void register(AdoptedEksCluster cluster, String team, boolean podIdentity) {
        new FederatedServiceAccount(team, FederatedServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(team).name("app")
                .mechanism(podIdentity ? PodIdentity.defaults() : IrsaIdentity.defaults())
                .grant(S3Access.readWrite(App.BUCKET).prefix(team + "/"))
                .build());
    }
}
