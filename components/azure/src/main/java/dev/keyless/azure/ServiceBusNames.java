package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Azure's rules for the namespace, queue, topic and subscription names a {@link ServiceBusAccess}
 * grant names. Azure also admits {@code /} in queue and topic names; keyless refuses it, since a
 * role assignment's scope is a resource id, in which {@code /} separates segments.
 *
 * @see <a href="https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftservicebus">Naming rules: Microsoft.ServiceBus</a>
 */
final class ServiceBusNames {
    static final String NAMESPACE_RULE = "6 to 50 characters of [A-Za-z0-9-], starting with a letter, ending with a letter or digit "
            + "(Service Bus namespace name)";
    static final String ENTITY_RULE = "1 to 260 characters of [A-Za-z0-9._-], starting and ending with a letter or digit "
            + "(Service Bus %s name; keyless does not grant on names with '/')";
    static final String SUBSCRIPTION_RULE = "1 to 50 characters of [A-Za-z0-9._-], starting and ending with a letter or digit "
            + "(Service Bus subscription name)";
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]");
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,258}[A-Za-z0-9])?");
    private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,48}[A-Za-z0-9])?");

    private ServiceBusNames() {
    }

    static String requireNamespaceName(String field, String value) {
        return require(field, value, NAMESPACE, NAMESPACE_RULE);
    }

    static String requireQueueName(String field, String value) {
        return require(field, value, ENTITY, ENTITY_RULE.formatted("queue"));
    }

    static String requireTopicName(String field, String value) {
        return require(field, value, ENTITY, ENTITY_RULE.formatted("topic"));
    }

    static String requireSubscriptionName(String field, String value) {
        return require(field, value, SUBSCRIPTION, SUBSCRIPTION_RULE);
    }

    private static String require(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, rule);
        }
        return value;
    }
}
