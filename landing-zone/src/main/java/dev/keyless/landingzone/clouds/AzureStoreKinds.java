package dev.keyless.landingzone.clouds;

import dev.keyless.azure.ContainerRegistryAccess;
import dev.keyless.azure.DnsZoneAccess;
import dev.keyless.azure.KeyVaultKeyAccess;
import dev.keyless.azure.KeyVaultSecretAccess;
import dev.keyless.azure.ServiceBusAccess;
import dev.keyless.core.InvalidInputException;
import dev.keyless.landingzone.config.ConfigTerms;
import dev.keyless.landingzone.config.StoreKind;
import dev.keyless.landingzone.config.StoreKind.Accesses;
import dev.keyless.landingzone.config.StoreKind.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The existing Azure resources a store may name besides a Blob container, each by its resource
 * group and names and granted by its catalog grant, a built-in role on that one resource: Key
 * Vault secrets (one secret, or every secret of the vault) and keys, Service Bus queues and topics,
 * DNS zones and container registries.
 */
final class AzureStoreKinds {
    private static final String GROUP = "resourceGroup";
    private static final String VAULT = "vault";
    private static final String NAMESPACE = "namespace";

    /** The library's names for the settings, for messages and paths. */
    static final ConfigTerms TERMS = new ConfigTerms(Map.of("resourceGroupName", GROUP, "vaultName", VAULT, "secretName", "secret",
            "keyName", "key", "namespaceName", NAMESPACE, "queueName", "queue", "topicName", "topic", "subscriptionName", "subscription",
            "zoneName", "zone", "registryName", "registry"), Map.of());

    /** Kind name to kind. */
    static final Map<String, StoreKind> KINDS = AwsStoreKinds.kinds(
            new StoreKind("secret", required(VAULT, "the Key Vault (an RBAC vault)"), List.of("secret"),
                    new Accesses().with("read", settings -> secret(settings, false)).with("readWrite", settings -> secret(settings, true)).all(),
                    TERMS.keys()),
            new StoreKind("key", required(VAULT, "the Key Vault (an RBAC vault)", "key", "the key's name"), List.of(),
                    new Accesses().with("cryptoUser", settings -> KeyVaultKeyAccess.cryptoUser(settings.get(GROUP), settings.get(VAULT),
                            settings.get("key"))).all(), TERMS.keys()),
            new StoreKind("queue", required(NAMESPACE, "the Service Bus namespace", "queue", "the queue's name"), List.of(),
                    new Accesses().with("send", settings -> ServiceBusAccess.sendToQueue(settings.get(GROUP), settings.get(NAMESPACE), settings.get("queue")))
                            .with("receive", settings -> ServiceBusAccess.receiveFromQueue(settings.get(GROUP), settings.get(NAMESPACE),
                                    settings.get("queue"))).all(), TERMS.keys()),
            new StoreKind("topic", required(NAMESPACE, "the Service Bus namespace", "topic", "the topic's name"), List.of("subscription"),
                    new Accesses().with("send", settings -> ServiceBusAccess.sendToTopic(settings.get(GROUP), settings.get(NAMESPACE), settings.get("topic")))
                            .with("receive", AzureStoreKinds::receiveFromTopic).all(), TERMS.keys()),
            new StoreKind("zone", required("zone", "the DNS zone, e.g. shop.example.com"), List.of(),
                    new Accesses().with("contributor", settings -> DnsZoneAccess.contributor(settings.get(GROUP), settings.get("zone"))).all(),
                    TERMS.keys()),
            new StoreKind("registry", required("registry", "the container registry's name"), List.of(),
                    new Accesses().with("pull", settings -> ContainerRegistryAccess.pull(settings.get(GROUP), settings.get("registry")))
                            .with("push", settings -> ContainerRegistryAccess.push(settings.get(GROUP), settings.get("registry"))).all(),
                    TERMS.keys()));

    private AzureStoreKinds() {
    }

    // Every Azure resource is named within its resource group, which comes first.
    private static Map<String, String> required(String... settingsAndHints) {
        var required = new LinkedHashMap<String, String>();
        required.put(GROUP, "the resource group that holds it");
        for (int i = 0; i < settingsAndHints.length; i += 2) {
            required.put(settingsAndHints[i], settingsAndHints[i + 1]);
        }
        return required;
    }

    // One secret when it is named, else every secret of the vault.
    private static KeyVaultSecretAccess secret(Settings settings, boolean write) {
        var group = settings.get(GROUP);
        var vault = settings.get(VAULT);
        return settings.find("secret")
                .map(secret -> write ? KeyVaultSecretAccess.readWrite(group, vault, secret) : KeyVaultSecretAccess.readOnly(group, vault, secret))
                .orElseGet(() -> write ? KeyVaultSecretAccess.readWrite(group, vault) : KeyVaultSecretAccess.readOnly(group, vault));
    }

    // A topic's messages are received through one of its subscriptions.
    private static ServiceBusAccess receiveFromTopic(Settings settings) {
        var subscription = settings.find("subscription").orElseThrow(() -> InvalidInputException.missing("subscription",
                "the store's subscription to receive from: a topic's messages are received through a subscription"));
        return ServiceBusAccess.receiveFromSubscription(settings.get(GROUP), settings.get(NAMESPACE), settings.get("topic"), subscription);
    }
}
