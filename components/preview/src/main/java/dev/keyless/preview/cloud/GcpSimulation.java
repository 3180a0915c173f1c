package dev.keyless.preview.cloud;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Google Cloud computes for the resources and functions of the {@code gcp} package: project
 * numbers, service account emails, cluster endpoints and certificates, bucket URLs. Its
 * placeholders are the example values of Google's own documentation.
 */
final class GcpSimulation implements ProviderSimulation {
    /** The project of every simulated resource when the stack configures none. */
    static final String DEFAULT_PROJECT = "example-project";
    /** The number of every simulated project (the example number of Google's documentation). */
    static final String PROJECT_NUMBER = "123456789012";
    /** The region used when the stack configures none. */
    static final String DEFAULT_REGION = "us-central1";
    /** The API server address of every simulated cluster, from the range reserved for documentation (RFC 5737). */
    static final String CLUSTER_ENDPOINT = "203.0.113.10";

    private final String project;
    private final Optional<String> configuredProject;
    private final String region;

    /**
     * @param config the stack configuration; {@code gcp:project} and {@code gcp:region} pick the
     *               project and region of resources that name none
     */
    GcpSimulation(Map<String, String> config) {
        this.configuredProject = Optional.ofNullable(config.get("gcp:project")).filter(p -> !p.isEmpty());
        this.project = configuredProject.orElse(DEFAULT_PROJECT);
        this.region = config.getOrDefault("gcp:region", DEFAULT_REGION);
    }

    @Override
    public String packageName() {
        return "gcp";
    }

    @Override
    public SimulatedResource create(String type, String logicalName, Map<String, Object> inputs) {
        var state = new HashMap<>(inputs);
        var resourceProject = text(inputs, "project").orElse(project);
        String id;
        switch (type) {
            case "gcp:container/cluster:Cluster" -> {
                var name = text(inputs, "name").orElse(Placeholders.autoName(logicalName));
                var location = text(inputs, "location").orElse(region);
                state.put("name", name);
                state.put("project", resourceProject);
                state.put("location", location);
                state.put("endpoint", CLUSTER_ENDPOINT);
                state.put("masterAuth", Map.of(
                        "clusterCaCertificate", Placeholders.CERTIFICATE_DATA,
                        "clientCertificateConfig", Map.of("issueClientCertificate", false)));
                state.put("selfLink", "https://container.googleapis.com/v1/projects/" + resourceProject
                        + "/locations/" + location + "/clusters/" + name);
                state.put("status", "RUNNING");
                state.putIfAbsent("masterVersion", "1.30.0-gke.placeholder");
                id = "projects/" + resourceProject + "/locations/" + location + "/clusters/" + name;
            }
            case "gcp:container/nodePool:NodePool" -> {
                var name = text(inputs, "name").orElse(Placeholders.autoName(logicalName));
                state.put("name", name);
                state.put("project", resourceProject);
                id = resourceProject + "/" + inputs.get("location") + "/" + inputs.get("cluster") + "/" + name;
            }
            case "gcp:serviceaccount/account:Account" -> {
                var accountId = text(inputs, "accountId").orElse(Placeholders.autoName(logicalName));
                var email = accountId + "@" + resourceProject + ".iam.gserviceaccount.com";
                state.put("project", resourceProject);
                state.put("email", email);
                state.put("member", "serviceAccount:" + email);
                state.put("name", "projects/" + resourceProject + "/serviceAccounts/" + email);
                state.put("uniqueId", "100000000000000000000");
                id = (String) state.get("name");
            }
            case "gcp:storage/bucket:Bucket" -> {
                var name = text(inputs, "name").orElse(Placeholders.autoName(logicalName)).toLowerCase(Locale.ROOT);
                state.put("name", name);
                state.put("project", resourceProject);
                state.put("url", "gs://" + name);
                state.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + name);
                // The provider reports the setting even when the program leaves it out: off,
                // unless an organization policy forces it on.
                state.putIfAbsent("uniformBucketLevelAccess", false);
                id = name;
            }
            case "gcp:iam/workloadIdentityPool:WorkloadIdentityPool" -> {
                var name = "projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/" + inputs.get("workloadIdentityPoolId");
                state.put("project", resourceProject);
                state.put("name", name);
                state.put("state", "ACTIVE");
                id = "projects/" + resourceProject + "/locations/global/workloadIdentityPools/" + inputs.get("workloadIdentityPoolId");
            }
            case "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider" -> {
                var path = "/locations/global/workloadIdentityPools/" + inputs.get("workloadIdentityPoolId")
                        + "/providers/" + inputs.get("workloadIdentityPoolProviderId");
                state.put("project", resourceProject);
                state.put("name", "projects/" + PROJECT_NUMBER + path);
                state.put("state", "ACTIVE");
                id = "projects/" + resourceProject + path;
            }
            // The resources the grants beyond storage name by id: the provider makes each id the
            // resource's full name, which their IAM members take.
            case "gcp:secretmanager/secret:Secret" -> {
                var secretId = text(inputs, "secretId").orElse(Placeholders.autoName(logicalName));
                state.put("project", resourceProject);
                state.put("name", "projects/" + PROJECT_NUMBER + "/secrets/" + secretId);
                id = "projects/" + resourceProject + "/secrets/" + secretId;
            }
            case "gcp:kms/keyRing:KeyRing" -> {
                var name = text(inputs, "name").orElse(Placeholders.autoName(logicalName));
                state.put("name", name);
                state.put("project", resourceProject);
                id = "projects/" + resourceProject + "/locations/" + text(inputs, "location").orElse(region) + "/keyRings/" + name;
            }
            case "gcp:kms/cryptoKey:CryptoKey" -> {
                var name = text(inputs, "name").orElse(Placeholders.autoName(logicalName));
                state.put("name", name);
                id = inputs.get("keyRing") + "/cryptoKeys/" + name;
            }
            case "gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription", "gcp:dns/managedZone:ManagedZone" -> {
                var name = text(inputs, "name").orElse(Placeholders.autoName(logicalName));
                var collection = switch (type) {
                    case "gcp:pubsub/topic:Topic" -> "topics";
                    case "gcp:pubsub/subscription:Subscription" -> "subscriptions";
                    default -> "managedZones";
                };
                state.put("name", name);
                state.put("project", resourceProject);
                id = "projects/" + resourceProject + "/" + collection + "/" + name;
            }
            case "gcp:artifactregistry/repository:Repository" -> {
                var location = text(inputs, "location").orElse(region);
                id = "projects/" + resourceProject + "/locations/" + location + "/repositories/"
                        + text(inputs, "repositoryId").orElse(Placeholders.autoName(logicalName));
                state.put("project", resourceProject);
                state.put("location", location);
                state.put("name", id);
            }
            default -> {
                if (type.toLowerCase(Locale.ROOT).endsWith("iammember")) {
                    state.put("etag", "BwEXAMPLEtag=");
                }
                id = logicalName + "-id";
            }
        }
        state.put("id", id);
        return new SimulatedResource(id, state);
    }

    @Override
    public Optional<Map<String, Object>> invoke(String token, Map<String, Object> args) {
        if (token.equals("gcp:organizations/getClientConfig:getClientConfig")) {
            // The provider's own settings: no project when the stack configures none, as with a
            // real provider whose gcp:project is unset.
            var project = configuredProject.orElse("");
            return Optional.of(Map.of(
                    "id", "projects/" + project + "/regions/" + region + "/zones/",
                    "project", project,
                    "region", region,
                    "zone", "",
                    "accessToken", "simulated-access-token"));
        }
        if (!token.equals("gcp:organizations/getProject:getProject")) {
            return Optional.empty();
        }
        var projectId = text(args, "projectId").orElse(project);
        var result = new HashMap<String, Object>();
        result.put("id", "projects/" + projectId);
        result.put("projectId", projectId);
        result.put("name", projectId);
        result.put("number", PROJECT_NUMBER);
        result.put("autoCreateNetwork", true);
        result.put("billingAccount", "000000-000000-000000");
        result.put("folderId", "");
        result.put("orgId", "");
        result.put("labels", Map.of());
        result.put("effectiveLabels", Map.of());
        result.put("pulumiLabels", Map.of());
        result.put("skipDelete", false);
        return Optional.of(result);
    }

    private static Optional<String> text(Map<String, Object> values, String property) {
        return values.get(property) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }
}
