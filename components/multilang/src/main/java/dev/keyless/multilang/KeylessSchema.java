package dev.keyless.multilang;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The Pulumi package schema of the flat components: what {@code pulumi package add} generates each
 * language's SDK from. Written here, in one place, beside the readers that enforce it; the committed
 * {@code schema.json} is this class's output, so a change to an input shows in review.
 *
 * @see <a href="https://www.pulumi.com/docs/iac/extending-pulumi/schema/">Pulumi package schema</a>
 */
final class KeylessSchema {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TYPES = "#/types/";
    private static final String MECHANISM_OPTIONS = "keyless:index:MechanismOptions";

    private KeylessSchema() {
    }

    /** @return the schema as pretty-printed JSON, the same bytes every time */
    static String json() {
        try {
            return JSON.writeValueAsString(schema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema could not be written", e);
        }
    }

    static ObjectNode schema() {
        var root = JSON.createObjectNode();
        root.put("name", "keyless");
        root.put("displayName", "keyless");
        root.put("version", ProviderVersion.current());
        root.put("description", "Cloud identities for Kubernetes workloads with no stored keys: workload identity on EKS, GKE and AKS.");
        root.put("homepage", "https://github.com/keyless-dev/keyless");
        root.put("repository", "https://github.com/keyless-dev/keyless");
        root.put("license", "Apache-2.0");
        root.set("types", types());
        var resources = JSON.createObjectNode();
        resources.set(FlatFederatedServiceAccount.TYPE, federatedServiceAccount());
        resources.set(FlatControllerIdentity.TYPE, controllerIdentity());
        resources.set(FlatPipelineIdentity.TYPE, pipelineIdentity());
        resources.set(FlatEksCluster.TYPE, eksCluster());
        resources.set(FlatGkeCluster.TYPE, gkeCluster());
        resources.set(FlatAksCluster.TYPE, aksCluster());
        root.set("resources", resources);
        return root;
    }

    private static ObjectNode types() {
        var types = JSON.createObjectNode();
        types.set("keyless:index:ClusterReference", object(
                "A cluster created elsewhere (another stack, the console, pulumi-eks), by its plain values. "
                        + "Which fields apply depends on `cloud`: aws takes clusterName, issuerUrl, oidcProviderArn and "
                        + "podIdentityAgent; gcp takes projectId, location and clusterName; azure takes issuerUrl and resourceGroupName.",
                List.of("cloud", "name", "kubeconfig"),
                property("cloud", string("The cluster's cloud: one of " + String.join(", ", FlatCluster.CLOUDS) + ".")),
                property("name", string("The cluster's name in this program: the adopted cluster component's name, "
                        + "which its Kubernetes provider and namespaces are named after.")),
                property("clusterName", string("The EKS or GKE cluster's name.")),
                property("issuerUrl", string("The cluster's OIDC issuer URL (https). EKS: `cluster.identities[0].oidcs[0].issuer`; "
                        + "AKS: `oidcIssuerProfile.issuerURL`.")),
                property("oidcProviderArn", string("The IAM OIDC provider of the issuer, when it exists already (EKS).")),
                property("podIdentityAgent", bool("Whether the EKS Pod Identity agent add-on runs on the cluster (EKS).")),
                property("projectId", string("The GKE cluster's project ID.")),
                property("location", string("The GKE cluster's region or zone.")),
                property("resourceGroupName", string("The AKS cluster's resource group, where managed identities are created.")),
                property("kubeconfig", secret(string("A kubeconfig for the cluster.")))));
        var grant = new java.util.ArrayList<Property>(List.of(
                property("kind", string("What is granted: one of " + String.join(", ", FlatGrant.kinds())
                        + ". A kind of another cloud than the cluster's is federated into that cloud, as the Java API does.")),
                property("cloud", string("The kind's cloud (aws, gcp or azure), needed only for a kind two clouds share (dnsZone) "
                        + "when the cluster is on neither, or for a pipeline.")),
                property("resource", string("The resource granted, in the kind's form; a value another resource computes is waited for "
                        + "(single-name kinds, with `key`).")),
                property("access", string("The access level, one of the kind's: see the type's description.")),
                property("key", string("A stable name for the grant when `resource` is known only at deploy: "
                        + dev.keyless.core.GrantKeys.RULE + "."))));
        FlatGrant.optionFields().forEach(field -> grant.add(property(field, string(FlatGrant.describeOption(field)))));
        types.set("keyless:index:Grant", object(
                "A least-privilege grant to the workload's cloud identity. Kinds: " + FlatGrant.describeKinds() + ".",
                List.of("kind", "resource", "access"), grant.toArray(Property[]::new)));
        types.set("keyless:index:PipelineSubject", object(
                "The CI jobs an identity trusts: a repository (GitHub OWNER/REPOSITORY, GitLab GROUP/PROJECT) and exactly one of "
                        + String.join(", ", FlatPipelineIdentity.SUBJECT_KINDS) + " (GitLab: branch or anyBranchMatching).",
                List.of("repository"),
                property("repository", string("The repository (GitHub OWNER/REPOSITORY) or project (GitLab GROUP/PROJECT).")),
                property("branch", string(javadoc("core/GitHubActions.Repository#branch"))),
                property("environment", string(javadoc("core/GitHubActions.Repository#environment"))),
                property("pullRequest", bool(javadoc("core/GitHubActions.Repository#pullRequest"))),
                property("anyBranchMatching", string(javadoc("core/GitHubActions.Repository#anyBranchMatching")
                        + " The component warns.")),
                property("repositoryId", integer(javadoc("core/GitHubActions.Repository#pinnedToIds") + " The repository's id.")),
                property("ownerId", integer("The owner's numeric id (`repository_owner_id`), given with `repositoryId`."))));
        types.set("keyless:index:EksNodeGroup", object("The EKS managed node group; fields left out take NodeGroupOptions.DEFAULT's.",
                List.of(),
                property("instanceTypes", array(JSON.createObjectNode().put("type", "string"), javadoc("aws/NodeGroupOptions@instanceTypes"))),
                property("minSize", integer(javadoc("aws/NodeGroupOptions@minSize"))),
                property("desiredSize", integer(javadoc("aws/NodeGroupOptions@desiredSize"))),
                property("maxSize", integer(javadoc("aws/NodeGroupOptions@maxSize")))));
        types.set("keyless:index:GkeNodePool", object("The GKE node pool; fields left out take NodePoolOptions.DEFAULT's.",
                List.of(),
                property("machineType", string(javadoc("gcp/NodePoolOptions@machineType"))),
                property("minNodes", integer(javadoc("gcp/NodePoolOptions@minNodes"))),
                property("initialNodes", integer(javadoc("gcp/NodePoolOptions@initialNodes"))),
                property("maxNodes", integer(javadoc("gcp/NodePoolOptions@maxNodes")))));
        types.set("keyless:index:AksNodePool", object("The AKS system node pool; fields left out take NodePoolOptions.DEFAULT's.",
                List.of(),
                property("vmSize", string(javadoc("azure/NodePoolOptions@vmSize"))),
                property("minCount", integer(javadoc("azure/NodePoolOptions@minCount"))),
                property("count", integer(javadoc("azure/NodePoolOptions@count"))),
                property("maxCount", integer(javadoc("azure/NodePoolOptions@maxCount")))));
        types.set(MECHANISM_OPTIONS, mechanismOptionsType());
        types.set("keyless:index:NameValue", object(
                "One entry of a map, for languages where maps of outputs do not cross.",
                List.of("name", "value"),
                property("name", string("The entry's name.")),
                property("value", string("The entry's value."))));
        return types;
    }

    private static ObjectNode federatedServiceAccount() {
        var inputs = JSON.createObjectNode();
        inputs.set("cluster", ref("keyless:index:ClusterReference", "The cluster the ServiceAccount lives in."));
        inputs.set("namespace", string(javadoc("core/FederatedServiceAccountArgs.Builder#namespace")));
        inputs.set("name", string(javadoc("core/FederatedServiceAccountArgs.Builder#name")));
        inputs.set("createNamespace", bool(javadoc("core/FederatedServiceAccountArgs.Builder#createNamespace")));
        inputs.set("mechanism", mechanism());
        inputs.set(FlatMechanism.OPTIONS, mechanismOptions());
        inputs.set("grants", array(ref("keyless:index:Grant", null), javadoc("core/FederatedServiceAccountArgs.Builder#grant")));
        inputs.set(FlatAwsOidcProviders.EXISTING, string(javadoc("aws/AwsFederation.Builder#existingOidcProviderArn")
                + " For AWS grants from a GKE or AKS cluster; required when another component of the stack federating the same issuer"
                + " into the account creates the provider: its " + FlatAwsOidcProviders.OUTPUT + " output; depend on that component."));
        var outputs = serviceAccountOutputs();
        var required = List.copyOf(outputs.keySet());
        outputs.put(FlatAwsOidcProviders.OUTPUT, string("With AWS grants from a GKE or AKS cluster, the ARN of the issuer's IAM OIDC provider"
                + " the role trusts: the one this component creates, or " + FlatAwsOidcProviders.EXISTING + "."));
        return component(javadoc("core/FederatedServiceAccount") + " Builds keyless's typed FederatedServiceAccount under an adopted cluster.",
                inputs, List.of("cluster", "namespace", "name"), outputs, required);
    }

    // Why the choices whose typed grants keep a custom role once per stack are refused (FlatPresets.requireNoStackRole).
    private static final String STACK_ROLE = "Refused through the flat layer: the typed grant's custom role (DnsZoneListing, DiskSnapshotAccess) "
            + "is kept once per stack as the stack's child, and a Construct has no stack to keep it in.";

    private static ObjectNode controllerIdentity() {
        var inputs = JSON.createObjectNode();
        inputs.set("cluster", ref("keyless:index:ClusterReference", "The cluster the controller runs in."));
        inputs.set("controller", string("The controller's preset, by cloud: " + FlatControllerIdentity.describePresets() + ". "
                + "externalDns on gcp and azure: " + STACK_ROLE));
        inputs.set("zoneIds", stringList(javadoc("aws/AwsControllers#externalDns")));
        inputs.set("secretArns", stringList(javadoc("aws/AwsControllers#externalSecrets")));
        inputs.set("clusterName", string(javadoc("aws/AwsControllers#clusterAutoscaler") + " For loadBalancerController: "
                + javadoc("aws/AwsControllers#awsLoadBalancerController") + " Left out, the cluster reference's clusterName."));
        inputs.set("kmsKeyArn", string(javadoc("aws/AwsControllers#ebsCsiDriver(String")));
        inputs.set("fileSystemArns", stringList(javadoc("aws/AwsControllers#efsCsiDriver(List") + " Left out: "
                + javadoc("aws/AwsControllers#efsCsiDriver()")));
        inputs.set("bucketNames", stringList(javadoc("aws/AwsControllers#mountpointS3CsiDriver(List")));
        inputs.set("keyPrefix", string("With exactly one bucket in bucketNames, that bucket mounted with `--prefix`: objects under the prefix "
                + "only, and listing limited to keys under it (AwsControllers.mountpointS3CsiDriver(bucketName, keyPrefix)), e.g. `models/`."));
        inputs.set("project", string("The GCP project, ID or number, of the managed zones (externalDns, certManager), of the secrets "
                + "(externalSecrets) or of the disks velero snapshots (with diskSnapshots). Left out, the cluster reference's projectId."));
        inputs.set("zoneNames", stringList("The DNS zones, at least one. On gcp, the Cloud DNS managed zones' own names (not their DNS names), "
                + "e.g. `shop-example-com`, in `project`: " + javadoc("gcp/GcpControllers#certManager(String") + " On azure, the zones' names, "
                + "e.g. `shop.example.com`, in `resourceGroupName`: " + javadoc("azure/AzureControllers#certManager(String")));
        inputs.set("secretIds", stringList("The Secret Manager secrets' IDs, e.g. `db-password`, at least one, in `project` (gcp externalSecrets): "
                + "`roles/secretmanager.secretAccessor` on each secret named, never on the project."));
        inputs.set("bucketName", string("Velero's backup bucket. On aws: " + javadoc("aws/AwsControllers#velero(String")
                + " On gcp: " + javadoc("gcp/GcpControllers#velero(String")));
        inputs.set("diskSnapshots", bool("Velero with Compute Engine disk snapshots too (GcpControllers.veleroWithDiskSnapshots, gcp). "
                + STACK_ROLE + " Left out, false."));
        inputs.set("resourceGroupName", string("The resource group of the DNS zones, of the Key Vault or of velero's storage account (Azure)."));
        inputs.set("vaultName", string("The Key Vault external-secrets reads (Azure)."));
        inputs.set("secretNames", stringList(javadoc("azure/AzureControllers#externalSecrets") + " Left out, every secret of the vault."));
        inputs.set("storageAccountName", string(javadoc("azure/AzureControllers#velero(String")));
        inputs.set("containerName", string("The backup container in storageAccountName (Azure velero)."));
        inputs.set("diskResourceGroupName", string("The resource group of the cluster's disks (on AKS the node resource group), for velero "
                + "with managed-disk snapshots too (AzureControllers.veleroWithDiskSnapshots, azure). " + STACK_ROLE));
        inputs.set("namespace", string(javadoc("core/ControllerPreset#inNamespace")));
        inputs.set("serviceAccountName", string(javadoc("core/ControllerPreset#serviceAccountName")));
        inputs.set("mechanism", mechanism());
        inputs.set(FlatMechanism.OPTIONS, mechanismOptions());
        return component(javadoc("core/ControllerPreset") + " Builds keyless's typed FederatedServiceAccount from the preset.",
                inputs, List.of("cluster", "controller"), serviceAccountOutputs());
    }

    private static ObjectNode pipelineIdentity() {
        var inputs = JSON.createObjectNode();
        inputs.set("provider", string("The CI system: one of " + String.join(", ", FlatPipelineIdentity.PROVIDERS) + "."));
        inputs.set("gitLabUrl", string(javadoc("core/GitLab#selfHosted") + " Left out, GitLab.com."));
        inputs.set("subjects", array(ref("keyless:index:PipelineSubject", null), javadoc("core/PipelineIdentityArgs.Builder#subject")));
        inputs.set("grants", array(ref("keyless:index:Grant", null), javadoc("core/PipelineIdentityArgs.Builder#grant")));
        inputs.set(FlatPipelineIdentity.EXISTING_AWS_OIDC_PROVIDER, string(javadoc("aws/AwsFederation.Builder#existingOidcProviderArn")
                + " Required with AWS grants when another PipelineIdentity of the stack for the same CI system creates the provider"
                + " (arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com for GitHub Actions); depend on that component."));
        var outputs = new java.util.LinkedHashMap<String, ObjectNode>();
        outputs.put("identities", array(ref("keyless:index:NameValue", null), javadoc("core/PipelineIdentity#identities")));
        outputs.put("logins", array(ref("keyless:index:NameValue", null), javadoc("core/PipelineIdentity#logins")));
        outputs.put("gitHubActionsSnippet", string(javadoc("core/PipelineIdentity#gitHubActionsSnippet")));
        outputs.put("gitLabCiSnippet", string(javadoc("core/PipelineIdentity#gitLabCiSnippet")));
        return component(javadoc("core/PipelineIdentity"), inputs, List.of("provider", "subjects", "grants"), outputs);
    }

    private static ObjectNode eksCluster() {
        var inputs = JSON.createObjectNode();
        inputs.set("clusterName", string(javadoc("aws/EksClusterArgs.Builder#clusterName")));
        inputs.set("kubernetesVersion", string(javadoc("aws/EksClusterArgs.Builder#kubernetesVersion")));
        inputs.set("subnetIds", array(JSON.createObjectNode().put("type", "string"), javadoc("aws/EksClusterArgs.Builder#subnetIds")));
        inputs.set("nodeGroup", ref("keyless:index:EksNodeGroup", javadoc("aws/EksClusterArgs.Builder#nodeGroup")));
        inputs.set("podIdentityAgent", bool(javadoc("aws/EksClusterArgs.Builder#podIdentityAgent")));
        var outputs = clusterOutputs("aws");
        outputs.put("oidcProviderArn", string(javadoc("aws/AwsOidcCluster#oidcProviderArn")));
        outputs.put("podIdentityAgent", bool("Whether the Pod Identity agent add-on was installed."));
        outputs.put("endpoint", string(javadoc("aws/EksCluster#endpoint")));
        return component(javadoc("aws/EksCluster") + " Its outputs are a ClusterReference's fields.", inputs, List.of(), outputs);
    }

    private static ObjectNode gkeCluster() {
        var inputs = JSON.createObjectNode();
        inputs.set("projectId", string(javadoc("gcp/GkeClusterArgs.Builder#projectId")));
        inputs.set("location", string(javadoc("gcp/GkeClusterArgs.Builder#location")));
        inputs.set("clusterName", string(javadoc("gcp/GkeClusterArgs.Builder#clusterName")));
        inputs.set("releaseChannel", string(javadoc("gcp/GkeClusterArgs.Builder#releaseChannel")));
        inputs.set("autopilot", bool(javadoc("gcp/GkeClusterArgs.Builder#autopilot")));
        inputs.set("nodePool", ref("keyless:index:GkeNodePool", javadoc("gcp/GkeClusterArgs.Builder#nodePool")));
        inputs.set("deletionProtection", bool(javadoc("gcp/GkeClusterArgs.Builder#deletionProtection")));
        var outputs = clusterOutputs("gcp");
        outputs.put("projectId", string(javadoc("gcp/GkeOidcCluster#projectId")));
        outputs.put("location", string(javadoc("gcp/GkeOidcCluster#location")));
        outputs.put("endpoint", string(javadoc("gcp/GkeCluster#endpoint")));
        outputs.put("workloadPool", string(javadoc("gcp/GkeOidcCluster#workloadPool")));
        return component(javadoc("gcp/GkeCluster") + " Its outputs are a ClusterReference's fields.", inputs, List.of(), outputs);
    }

    private static ObjectNode aksCluster() {
        var inputs = JSON.createObjectNode();
        inputs.set("resourceGroupName", string(javadoc("azure/AksClusterArgs.Builder#resourceGroupName")));
        inputs.set("location", string(javadoc("azure/AksClusterArgs.Builder#location")));
        inputs.set("clusterName", string(javadoc("azure/AksClusterArgs.Builder#clusterName")));
        inputs.set("kubernetesVersion", string(javadoc("azure/AksClusterArgs.Builder#kubernetesVersion")));
        inputs.set("dnsPrefix", string(javadoc("azure/AksClusterArgs.Builder#dnsPrefix")));
        inputs.set("systemNodePool", ref("keyless:index:AksNodePool", javadoc("azure/AksClusterArgs.Builder#systemNodePool")));
        inputs.set("deployerPrincipalType", string(javadoc("azure/AksClusterArgs.Builder#deployerPrincipalType")));
        var outputs = clusterOutputs("azure");
        outputs.put("resourceGroupName", string(javadoc("azure/AzureOidcCluster#resourceGroupName")));
        return component(javadoc("azure/AksCluster") + " Its outputs are a ClusterReference's fields.", inputs, List.of(), outputs);
    }

    private static ObjectNode mechanism() {
        return string("How the cluster's cloud binds the ServiceAccount: one of " + FlatMechanism.describeNames()
                + ". Left out, the cluster's default (irsa, gkeWorkloadIdentity, entraWorkloadIdentity).");
    }

    private static ObjectNode mechanismOptions() {
        return ref(MECHANISM_OPTIONS, "The options of the mechanism named by `mechanism` (required with them); an option of another mechanism is refused.");
    }

    // Each option's typed setter, whose Javadoc describes it.
    private static ObjectNode mechanismOptionsType() {
        var descriptions = new java.util.LinkedHashMap<String, String>();
        descriptions.put("roleName", javadoc("aws/RoleSettings.Builder#roleName"));
        descriptions.put("rolePath", javadoc("aws/RoleSettings.Builder#rolePath"));
        descriptions.put("permissionsBoundaryArn", javadoc("aws/RoleSettings.Builder#permissionsBoundary(String"));
        descriptions.put("existingOidcProviderArn", javadoc("aws/IrsaIdentity.Builder#existingOidcProviderArn"));
        descriptions.put("projectNumber", javadoc("gcp/GkeWorkloadIdentity.Builder#projectNumber(String"));
        descriptions.put("accountId", javadoc("gcp/ServiceAccountImpersonation.Builder#accountId"));
        descriptions.put("identityName", javadoc("azure/EntraWorkloadIdentity.Builder#identityName"));
        descriptions.put("resourceGroupName", javadoc("azure/EntraWorkloadIdentity.Builder#resourceGroupName(String"));
        descriptions.put("credentialName", javadoc("azure/EntraWorkloadIdentity.Builder#credentialName"));
        descriptions.put("existingIdentity", "An existing identity to bind instead of creating one: an IAM role's ARN (irsa, podIdentity: "
                + javadoc("aws/RoleSettings.Builder#existingIdentity(String") + "), a Google service account's email (serviceAccountImpersonation: "
                + javadoc("gcp/ServiceAccountImpersonation.Builder#existingIdentity") + "), or a user-assigned managed identity's resource id "
                + "(entraWorkloadIdentity: " + javadoc("azure/EntraWorkloadIdentity.Builder#existingIdentity") + ")");
        var properties = FlatMechanismOptions.fields().stream()
                .map(field -> property(field, string(descriptions.get(field) + " Mechanisms: " + String.join(", ", FlatMechanismOptions.mechanismsTaking(field)) + ".")))
                .toArray(Property[]::new);
        return object("The options of one identity mechanism, each the typed builder's; which apply depends on `mechanism`.", List.of(), properties);
    }

    private static java.util.LinkedHashMap<String, ObjectNode> serviceAccountOutputs() {
        var outputs = new java.util.LinkedHashMap<String, ObjectNode>();
        outputs.put("identity", string("The cloud identity: a role ARN, a Google service account or workload principal, a managed identity's client ID."));
        outputs.put("namespace", string("The ServiceAccount's namespace."));
        outputs.put("serviceAccountName", string("The ServiceAccount's name."));
        outputs.put("podLabels", array(ref("keyless:index:NameValue", null), "Labels the workload's pod template must carry."));
        outputs.put("podEnv", array(ref("keyless:index:NameValue", null), "Environment variables the workload's containers must carry."));
        outputs.put("nodeSelector", array(ref("keyless:index:NameValue", null), "The node selector the workload's pods must carry."));
        return outputs;
    }

    // The outputs every created cluster shares, by the ClusterReference field names, so they pass on as they are.
    private static java.util.LinkedHashMap<String, ObjectNode> clusterOutputs(String cloud) {
        var outputs = new java.util.LinkedHashMap<String, ObjectNode>();
        outputs.put("cloud", string("`" + cloud + "`: the ClusterReference's cloud."));
        outputs.put("name", string("The component's name: the ClusterReference's name."));
        outputs.put("clusterName", string("The cluster's name in the cloud."));
        outputs.put("issuerUrl", string("The cluster's OIDC issuer URL."));
        outputs.put("kubeconfig", secret(string("A kubeconfig for the cluster.")));
        return outputs;
    }

    private static ObjectNode component(String description, ObjectNode inputs, List<String> requiredInputs, java.util.Map<String, ObjectNode> outputs) {
        return component(description, inputs, requiredInputs, outputs, List.copyOf(outputs.keySet()));
    }

    private static ObjectNode component(String description, ObjectNode inputs, List<String> requiredInputs, java.util.Map<String, ObjectNode> outputs,
                                        List<String> requiredOutputs) {
        var resource = JSON.createObjectNode();
        resource.put("isComponent", true);
        resource.put("description", description);
        resource.set("inputProperties", inputs);
        resource.set("requiredInputs", strings(requiredInputs));
        var properties = JSON.createObjectNode();
        outputs.forEach(properties::set);
        resource.set("properties", properties);
        resource.set("required", strings(requiredOutputs));
        return resource;
    }

    // A description taken from the typed API's Javadoc (JavadocTable, regenerated by its documented command).
    private static String javadoc(String key) {
        return JavadocTable.description(key);
    }

    private record Property(String name, ObjectNode spec) {
    }

    private static Property property(String name, ObjectNode spec) {
        return new Property(name, spec);
    }

    private static ObjectNode object(String description, List<String> required, Property... properties) {
        var node = JSON.createObjectNode();
        node.put("type", "object");
        node.put("description", description);
        var props = JSON.createObjectNode();
        for (var property : properties) {
            props.set(property.name(), property.spec());
        }
        node.set("properties", props);
        node.set("required", strings(required));
        return node;
    }

    private static ObjectNode string(String description) {
        return JSON.createObjectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode stringList(String description) {
        return array(JSON.createObjectNode().put("type", "string"), description);
    }

    private static ObjectNode integer(String description) {
        return JSON.createObjectNode().put("type", "integer").put("description", description);
    }

    private static ObjectNode bool(String description) {
        return JSON.createObjectNode().put("type", "boolean").put("description", description);
    }

    private static ObjectNode secret(ObjectNode spec) {
        return spec.put("secret", true);
    }

    private static ObjectNode ref(String type, String description) {
        var node = JSON.createObjectNode().put("$ref", TYPES + type);
        return description == null ? node : node.put("description", description);
    }

    private static ObjectNode array(ObjectNode items, String description) {
        var node = JSON.createObjectNode().put("type", "array");
        node.set("items", items);
        return node.put("description", description);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode strings(List<String> values) {
        var array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
