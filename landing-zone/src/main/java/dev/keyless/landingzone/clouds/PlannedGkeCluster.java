package dev.keyless.landingzone.clouds;

import com.pulumi.core.Output;
import dev.keyless.gcp.GkeOidcCluster;

import java.util.Map;
import java.util.Optional;

/**
 * A GKE cluster as the config declares it, for planning its workloads' mechanisms before anything
 * is registered: the same description and facts as the component will have.
 */
final class PlannedGkeCluster extends PlannedCluster implements GkeOidcCluster {
    private final String projectId;
    private final Optional<String> location;
    private final Optional<String> clusterName;
    private final boolean metadataServerOnEveryNode;

    PlannedGkeCluster(String key, boolean adopted, String projectId, Optional<String> location, Optional<String> clusterName,
                      boolean metadataServerOnEveryNode) {
        super(key, adopted, "GKE cluster");
        this.projectId = projectId;
        this.location = location;
        this.clusterName = clusterName;
        this.metadataServerOnEveryNode = metadataServerOnEveryNode;
    }

    // The config names the project, so the library's per-project rules (one service account id
    // per project) are checked while the config is read.
    @Override
    public Optional<String> knownProjectId() {
        return Optional.of(projectId);
    }

    @Override
    public Output<String> projectId() {
        return Output.of(projectId);
    }

    @Override
    public Output<String> location() {
        return location.map(Output::of).orElseGet(() -> placeholder("the location of " + describe()));
    }

    @Override
    public Output<String> clusterName() {
        return clusterName.map(Output::of).orElseGet(() -> placeholder("the name of " + describe()));
    }

    @Override
    public Map<String, String> podNodeSelector() {
        return metadataServerOnEveryNode ? Map.of() : Map.of(METADATA_SERVER_NODE_LABEL, "true");
    }
}
