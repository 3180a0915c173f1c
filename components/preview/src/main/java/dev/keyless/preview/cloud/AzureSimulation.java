package dev.keyless.preview.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

/**
 * What Azure computes for the resources and functions of the {@code azure-native} package: resource
 * ids, client and principal ids, the AKS OIDC issuer (trailing '/' included, as AKS reports it) and
 * the user kubeconfig AKS lists. Every GUID is a repeated-digit placeholder, so none can be
 * mistaken for a real tenant, subscription or identity.
 */
final class AzureSimulation implements ProviderSimulation {
    /** The Entra tenant of every simulated identity and issuer. */
    static final String TENANT_ID = "00000000-0000-0000-0000-000000000000";
    /** The subscription of every simulated resource id. */
    static final String SUBSCRIPTION_ID = "22222222-2222-2222-2222-222222222222";
    /** The client id of every simulated managed identity. */
    static final String IDENTITY_CLIENT_ID = "33333333-3333-3333-3333-333333333333";
    /** The object (principal) id of every simulated managed identity. */
    static final String IDENTITY_PRINCIPAL_ID = "44444444-4444-4444-4444-444444444444";
    /** The object id of the identity that runs the program. */
    static final String DEPLOYER_OBJECT_ID = "55555555-5555-5555-5555-555555555555";
    /** The client id of the identity that runs the program. */
    static final String DEPLOYER_CLIENT_ID = "66666666-6666-6666-6666-666666666666";
    /** The region used when the stack configures none. */
    static final String DEFAULT_LOCATION = "westeurope";

    private final String location;

    /**
     * @param config the stack configuration; {@code azure-native:location} picks the region
     */
    AzureSimulation(Map<String, String> config) {
        this.location = config.getOrDefault("azure-native:location", DEFAULT_LOCATION);
    }

    @Override
    public String packageName() {
        return "azure-native";
    }

    @Override
    public SimulatedResource create(String type, String logicalName, Map<String, Object> inputs) {
        var state = new HashMap<>(inputs);
        var at = String.valueOf(inputs.getOrDefault("location", location));
        String id;
        switch (withoutApiVersion(type)) {
            case "resources:ResourceGroup" -> {
                var name = nameOf(inputs, "resourceGroupName", logicalName);
                state.put("name", name);
                state.put("location", at);
                id = group(name);
            }
            case "containerservice:ManagedCluster" -> {
                var name = nameOf(inputs, "resourceName", logicalName);
                state.put("name", name);
                state.put("location", at);
                state.put("fqdn", inputs.getOrDefault("dnsPrefix", name) + "-placeholder.hcp." + at + ".azmk8s.io");
                id = group(inputs.get("resourceGroupName")) + "/providers/Microsoft.ContainerService/managedClusters/" + name;
                state.put("oidcIssuerProfile", Map.of("enabled", true, "issuerURL", issuerUrl(at, id)));
                state.put("provisioningState", "Succeeded");
                state.putIfAbsent("kubernetesVersion", "1.31");
            }
            case "managedidentity:UserAssignedIdentity" -> {
                var name = nameOf(inputs, "resourceName", logicalName);
                state.put("name", name);
                state.put("location", at);
                state.put("clientId", IDENTITY_CLIENT_ID);
                state.put("principalId", IDENTITY_PRINCIPAL_ID);
                state.put("tenantId", TENANT_ID);
                id = group(inputs.get("resourceGroupName")) + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
            }
            case "managedidentity:FederatedIdentityCredential" -> {
                var name = nameOf(inputs, "federatedIdentityCredentialResourceName", logicalName);
                state.put("name", name);
                id = group(inputs.get("resourceGroupName")) + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                        + inputs.get("resourceName") + "/federatedIdentityCredentials/" + name;
            }
            case "authorization:RoleAssignment" -> {
                var name = nameOf(inputs, "roleAssignmentName", logicalName);
                state.put("name", name);
                id = inputs.get("scope") + "/providers/Microsoft.Authorization/roleAssignments/" + name;
            }
            case "storage:StorageAccount" -> {
                // Account names are letters and digits only, so auto-names carry no dash.
                var name = nameOf(inputs, "accountName", logicalName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                state.put("name", name);
                state.put("location", at);
                state.put("primaryEndpoints", Map.of("blob", "https://" + name + ".blob.core.windows.net/"));
                id = account(inputs.get("resourceGroupName"), name);
            }
            case "storage:BlobContainer" -> {
                var name = nameOf(inputs, "containerName", logicalName);
                state.put("name", name);
                id = account(inputs.get("resourceGroupName"), inputs.get("accountName")) + "/blobServices/default/containers/" + name;
            }
            case "storage:BlobServiceProperties" -> {
                state.put("name", "default");
                id = account(inputs.get("resourceGroupName"), inputs.get("accountName")) + "/blobServices/default";
            }
            case "keyvault:Vault" -> {
                var name = nameOf(inputs, "vaultName", logicalName);
                state.put("name", name);
                state.put("location", at);
                state.put("properties", vaultProperties(inputs.get("properties"), name));
                id = vault(inputs.get("resourceGroupName"), name);
            }
            case "keyvault:Secret" -> {
                var name = nameOf(inputs, "secretName", logicalName);
                state.put("name", name);
                id = vault(inputs.get("resourceGroupName"), inputs.get("vaultName")) + "/secrets/" + name;
            }
            case "keyvault:Key" -> {
                var name = nameOf(inputs, "keyName", logicalName);
                state.put("name", name);
                state.put("keyUri", "https://" + inputs.get("vaultName") + ".vault.azure.net/keys/" + name);
                id = vault(inputs.get("resourceGroupName"), inputs.get("vaultName")) + "/keys/" + name;
            }
            case "servicebus:Namespace" -> {
                var name = nameOf(inputs, "namespaceName", logicalName);
                state.put("name", name);
                state.put("location", at);
                id = serviceBus(inputs.get("resourceGroupName"), name);
            }
            case "servicebus:Queue" -> {
                var name = nameOf(inputs, "queueName", logicalName);
                state.put("name", name);
                id = serviceBus(inputs.get("resourceGroupName"), inputs.get("namespaceName")) + "/queues/" + name;
            }
            case "servicebus:Topic" -> {
                var name = nameOf(inputs, "topicName", logicalName);
                state.put("name", name);
                id = serviceBus(inputs.get("resourceGroupName"), inputs.get("namespaceName")) + "/topics/" + name;
            }
            case "servicebus:Subscription" -> {
                var name = nameOf(inputs, "subscriptionName", logicalName);
                state.put("name", name);
                id = serviceBus(inputs.get("resourceGroupName"), inputs.get("namespaceName")) + "/topics/" + inputs.get("topicName")
                        + "/subscriptions/" + name;
            }
            case "network:Zone" -> {
                var name = nameOf(inputs, "zoneName", logicalName);
                state.put("name", name);
                state.put("location", "global");
                id = group(inputs.get("resourceGroupName")) + "/providers/Microsoft.Network/dnsZones/" + name;
            }
            case "containerregistry:Registry" -> {
                // Registry names are letters and digits only, so auto-names carry no dash.
                var name = nameOf(inputs, "registryName", logicalName).replaceAll("[^A-Za-z0-9]", "");
                state.put("name", name);
                state.put("location", at);
                state.put("loginServer", name.toLowerCase(Locale.ROOT) + ".azurecr.io");
                id = group(inputs.get("resourceGroupName")) + "/providers/Microsoft.ContainerRegistry/registries/" + name;
            }
            default -> id = "/subscriptions/" + SUBSCRIPTION_ID + "/providers/" + logicalName;
        }
        state.put("id", id);
        return new SimulatedResource(id, state);
    }

    @Override
    public Optional<Map<String, Object>> invoke(String token, Map<String, Object> args) {
        return Optional.ofNullable(switch (withoutApiVersion(token)) {
            case "authorization:getClientConfig" -> Map.of("clientId", DEPLOYER_CLIENT_ID, "objectId", DEPLOYER_OBJECT_ID,
                    "subscriptionId", SUBSCRIPTION_ID, "tenantId", TENANT_ID);
            // A vault the program only names is simulated as one that uses Azure RBAC: the preview
            // cannot see it, and the grants that read it need that model (an access-policy vault
            // is refused through a Vault resource, whose properties the simulation echoes).
            case "keyvault:getVault" -> Map.of("id", vault(args.get("resourceGroupName"), args.get("vaultName")),
                    "name", String.valueOf(args.get("vaultName")), "type", "Microsoft.KeyVault/vaults",
                    "properties", vaultProperties(Map.of("enableRbacAuthorization", true), String.valueOf(args.get("vaultName"))),
                    "systemData", Map.of(), "tags", Map.of());
            case "containerservice:listManagedClusterUserCredentials" -> Map.of("kubeconfigs", List.of(Map.of(
                    "name", "clusterUser_" + args.get("resourceGroupName") + "_" + args.get("resourceName"),
                    "value", userKubeconfig(String.valueOf(args.get("resourceName"))))));
            default -> null;
        });
    }

    // What AKS lists for an Entra-integrated cluster: server, CA and a device-code kubelogin user.
    private String userKubeconfig(String clusterName) {
        var yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: https://%1$s-placeholder.hcp.%2$s.azmk8s.io:443
                    certificate-authority-data: %3$s
                users:
                - name: clusterUser_%1$s
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: kubelogin
                      args: [get-token, --login, devicecode, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630]
                contexts:
                - name: %1$s
                  context: {cluster: %1$s, user: clusterUser_%1$s}
                current-context: %1$s
                """.formatted(clusterName, location, Placeholders.CERTIFICATE_DATA);
        return Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8));
    }

    // AKS gives every cluster an issuer of its own; one shared issuer would make two simulated
    // clusters look like one adopted twice. Derived from the cluster's resource id, so it is stable.
    static String issuerUrl(String location, String clusterId) {
        var clusterPart = UUID.nameUUIDFromBytes(clusterId.getBytes(StandardCharsets.UTF_8));
        return "https://" + location + ".oic.prod-aks.azure.com/" + TENANT_ID + "/" + clusterPart + "/";
    }

    private static String vault(Object resourceGroupName, Object vaultName) {
        return group(resourceGroupName) + "/providers/Microsoft.KeyVault/vaults/" + vaultName;
    }

    private static String serviceBus(Object resourceGroupName, Object namespaceName) {
        return group(resourceGroupName) + "/providers/Microsoft.ServiceBus/namespaces/" + namespaceName;
    }

    // A vault's properties as given, with what Azure always reports added: the URI, the tenant and
    // the lists Azure returns empty.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> vaultProperties(Object given, String name) {
        var properties = new HashMap<String, Object>(given instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        properties.putIfAbsent("tenantId", TENANT_ID);
        properties.putIfAbsent("sku", Map.of("family", "A", "name", "standard"));
        properties.putIfAbsent("accessPolicies", List.of());
        properties.putIfAbsent("privateEndpointConnections", List.of());
        properties.putIfAbsent("hsmPoolResourceId", "");
        properties.put("vaultUri", "https://" + name + ".vault.azure.net/");
        return properties;
    }

    private static String group(Object resourceGroupName) {
        return "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/" + resourceGroupName;
    }

    private static String account(Object resourceGroupName, Object accountName) {
        return group(resourceGroupName) + "/providers/Microsoft.Storage/storageAccounts/" + accountName;
    }

    // azure-native:storage/v20230101:BlobContainer answers as azure-native:storage:BlobContainer.
    private static String withoutApiVersion(String token) {
        var parts = token.split(":", -1);
        if (parts.length != 3) {
            return token;
        }
        var module = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        return module + ":" + parts[2];
    }

    private static String nameOf(Map<String, Object> inputs, String property, String logicalName) {
        var given = inputs.get(property);
        return given instanceof String s && !s.isEmpty() ? s : Placeholders.autoName(logicalName);
    }
}
