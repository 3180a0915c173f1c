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
        root.set("resources", JSON.createObjectNode().set(FlatFederatedServiceAccount.TYPE, federatedServiceAccount()));
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
        types.set("keyless:index:Grant", object(
                "A least-privilege grant to the workload's cloud identity. Kinds: " + FlatGrant.describeKinds() + ".",
                List.of("kind", "resource", "access"),
                property("kind", string("What is granted: one of " + String.join(", ", FlatGrant.kinds())
                        + "; a kind of the cluster's cloud.")),
                property("resource", string("The resource granted, in the kind's form.")),
                property("prefix", string("Limits the grant to object keys starting with this prefix, for kinds that allow one.")),
                property("access", string("One of " + String.join(", ", FlatGrant.ACCESS) + "."))));
        types.set("keyless:index:NameValue", object(
                "One entry of a map, for languages where maps of outputs do not cross.",
                List.of("name", "value"),
                property("name", string("The entry's name.")),
                property("value", string("The entry's value."))));
        return types;
    }

    private static ObjectNode federatedServiceAccount() {
        var resource = JSON.createObjectNode();
        resource.put("isComponent", true);
        resource.put("description", "A Kubernetes ServiceAccount with a cloud identity that trusts exactly it (one subject, "
                + "one audience) and holds least-privilege grants; no stored key. Builds keyless's typed "
                + "FederatedServiceAccount under an adopted cluster.");
        var inputs = JSON.createObjectNode();
        inputs.set("cluster", ref("keyless:index:ClusterReference", "The cluster the ServiceAccount lives in."));
        inputs.set("namespace", string("The workload's namespace: a DNS-1123 label."));
        inputs.set("name", string("The ServiceAccount's name: a DNS-1123 subdomain."));
        inputs.set("createNamespace", bool("Whether keyless creates the namespace (default true, except Kubernetes' own namespaces)."));
        inputs.set("mechanism", string("How the cluster's cloud binds the ServiceAccount: one of " + FlatMechanism.describeNames()
                + ". Left out, the cluster's default (irsa, gkeWorkloadIdentity, entraWorkloadIdentity)."));
        inputs.set("grants", array(ref("keyless:index:Grant", null), "Least-privilege grants, one object each."));
        resource.set("inputProperties", inputs);
        resource.set("requiredInputs", strings(List.of("cluster", "namespace", "name")));
        var outputs = JSON.createObjectNode();
        outputs.set("identity", string("The cloud identity: a role ARN, a Google service account or workload principal, a managed identity's client ID."));
        outputs.set("namespace", string("The ServiceAccount's namespace."));
        outputs.set("serviceAccountName", string("The ServiceAccount's name."));
        outputs.set("podLabels", array(ref("keyless:index:NameValue", null), "Labels the workload's pod template must carry."));
        outputs.set("podEnv", array(ref("keyless:index:NameValue", null), "Environment variables the workload's containers must carry."));
        outputs.set("nodeSelector", array(ref("keyless:index:NameValue", null), "The node selector the workload's pods must carry."));
        resource.set("properties", outputs);
        resource.set("required", strings(List.of("identity", "namespace", "serviceAccountName", "podLabels", "podEnv", "nodeSelector")));
        return resource;
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
