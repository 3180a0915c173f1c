package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources a grant beyond storage is scoped to, by the shape of their Azure resource ids. A
 * role assignment is made on exactly one of these, never on a resource group or subscription; an
 * id of any other shape is refused, naming the shape it must have. Provider and type segments are
 * matched without regard to case, as Azure treats them.
 */
enum GrantScope {
    /** A Key Vault: the assignment opens every object of its kind (every secret, every key) in it. */
    VAULT("a Key Vault", "Microsoft.KeyVault/vaults/VAULT", "Microsoft\\.KeyVault/vaults/([^/]+)"),
    /** One secret of a Key Vault. */
    VAULT_SECRET("a Key Vault secret", "Microsoft.KeyVault/vaults/VAULT/secrets/SECRET", "Microsoft\\.KeyVault/vaults/([^/]+)/secrets/([^/]+)"),
    /** One key of a Key Vault. */
    VAULT_KEY("a Key Vault key", "Microsoft.KeyVault/vaults/VAULT/keys/KEY", "Microsoft\\.KeyVault/vaults/([^/]+)/keys/([^/]+)"),
    /** One Service Bus queue. */
    SERVICE_BUS_QUEUE("a Service Bus queue", "Microsoft.ServiceBus/namespaces/NAMESPACE/queues/QUEUE",
            "Microsoft\\.ServiceBus/namespaces/([^/]+)/queues/([^/]+)"),
    /** One Service Bus topic. */
    SERVICE_BUS_TOPIC("a Service Bus topic", "Microsoft.ServiceBus/namespaces/NAMESPACE/topics/TOPIC",
            "Microsoft\\.ServiceBus/namespaces/([^/]+)/topics/([^/]+)"),
    /** One subscription of a Service Bus topic. */
    SERVICE_BUS_SUBSCRIPTION("a Service Bus topic subscription", "Microsoft.ServiceBus/namespaces/NAMESPACE/topics/TOPIC/subscriptions/SUBSCRIPTION",
            "Microsoft\\.ServiceBus/namespaces/([^/]+)/topics/([^/]+)/subscriptions/([^/]+)"),
    /** One public Azure DNS zone. */
    DNS_ZONE("an Azure DNS zone", "Microsoft.Network/dnsZones/ZONE", "Microsoft\\.Network/dnsZones/([^/]+)"),
    /** One container registry. */
    REGISTRY("a container registry", "Microsoft.ContainerRegistry/registries/REGISTRY", "Microsoft\\.ContainerRegistry/registries/([^/]+)");

    private static final String PREFIX = "/subscriptions/SUB/resourceGroups/RG/providers/";
    private final String noun;
    private final String shape;
    private final Pattern pattern;

    GrantScope(String noun, String shape, String pattern) {
        this.noun = noun;
        this.shape = shape;
        this.pattern = Pattern.compile("/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([^/]+)/providers/" + pattern, Pattern.CASE_INSENSITIVE);
    }

    /** @return what the scope is, e.g. {@code a Key Vault secret} */
    String noun() {
        return noun;
    }

    /** @return the rule an id of this scope follows, for a refusal */
    String rule() {
        return noun + "'s resource id, " + PREFIX + shape;
    }

    /**
     * @param subscriptionId the subscription
     * @param resourceGroup  the resource group
     * @param names          the names after the provider, in the order of {@link #rule()}
     * @return the resource id
     */
    String id(String subscriptionId, String resourceGroup, String... names) {
        var path = shape;
        // The placeholders of the shape are the upper-case segments, replaced in order.
        var segments = path.split("/");
        var next = 0;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(segments[i].toUpperCase(java.util.Locale.ROOT)) && !segments[i].contains(".")) {
                segments[i] = names[next++];
            }
        }
        if (next != names.length) {
            throw new IllegalArgumentException(noun + " is named by " + next + " names, not " + names.length);
        }
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/" + String.join("/", segments);
    }

    /**
     * @param field the input's name
     * @param id    a resource id
     * @return the id, split into subscription, resource group and the names after the provider
     * @throws InvalidInputException when it is not an id of this scope
     */
    ScopeId require(String field, String id) {
        Matcher matcher = id == null ? null : pattern.matcher(id);
        if (matcher == null || !matcher.matches()) {
            throw InvalidInputException.of(field, id, rule());
        }
        var names = new String[matcher.groupCount() - 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = matcher.group(i + 3);
        }
        return new ScopeId(id, matcher.group(1), matcher.group(2), java.util.List.of(names));
    }

    /** A resource id of a {@link GrantScope}, split into its parts. */
    record ScopeId(String id, String subscriptionId, String resourceGroupName, java.util.List<String> names) {
    }
}
