package dev.keyless.azure;

import com.pulumi.azurenative.servicebus.Queue;
import com.pulumi.azurenative.servicebus.Subscription;
import com.pulumi.azurenative.servicebus.Topic;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Least-privilege messaging on Service Bus: a role assignment of Azure Service Bus Data Sender
 * (send to one queue or topic) or Azure Service Bus Data Receiver (receive from one queue or one
 * topic subscription) to the workload's managed identity, scoped to that entity
 * ({@code .../namespaces/NS/queues/Q}, {@code .../topics/T}, {@code .../topics/T/subscriptions/S}),
 * never the namespace, its resource group or the subscription. A workload that sends and receives
 * holds one grant of each.
 *
 * <pre>{@code
 * ServiceBusAccess.send(orders)                                        // a Queue or Topic this stack manages
 * ServiceBusAccess.receive(billingSubscription)                        // a topic Subscription it manages
 * ServiceBusAccess.sendToQueue("shop-rg", "shop-bus", "orders")        // an existing queue, by names
 * ServiceBusAccess.receiveFromQueue("orders", group, namespace, queue) // another stack's queue, keyed "orders"
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/azure/service-bus-messaging/service-bus-managed-service-identity">Authenticate a managed identity with Microsoft Entra ID to access Service Bus (roles and resource scope)</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/integration#azure-service-bus-data-sender">Azure Service Bus Data Sender and Data Receiver</a>
 */
public final class ServiceBusAccess extends ScopedRoleGrant {
    private static final Role QUEUE_SENDER = new Role(BuiltInRoles.SERVICE_BUS_DATA_SENDER, "queue-sender", "Service Bus send");
    private static final Role TOPIC_SENDER = new Role(BuiltInRoles.SERVICE_BUS_DATA_SENDER, "topic-sender", "Service Bus send");
    private static final Role QUEUE_RECEIVER = new Role(BuiltInRoles.SERVICE_BUS_DATA_RECEIVER, "queue-receiver", "Service Bus receive");
    private static final Role SUBSCRIPTION_RECEIVER = new Role(BuiltInRoles.SERVICE_BUS_DATA_RECEIVER, "subscription-receiver",
            "Service Bus receive");

    private ServiceBusAccess(GrantScope scope, java.util.function.Supplier<Output<String>> scopeId, String label, Role role, DeployTimeCheck checks) {
        super(scope, scopeId, label, role, checks);
    }

    /**
     * @param queue a queue this stack manages
     * @return sending to it
     */
    public static ServiceBusAccess send(Queue queue) {
        return ofResource(Checks.notNull("queue", queue, "a Service Bus Queue"), GrantScope.SERVICE_BUS_QUEUE, QUEUE_SENDER);
    }

    /**
     * @param topic a topic this stack manages
     * @return sending to it
     */
    public static ServiceBusAccess send(Topic topic) {
        return ofResource(Checks.notNull("topic", topic, "a Service Bus Topic"), GrantScope.SERVICE_BUS_TOPIC, TOPIC_SENDER);
    }

    /**
     * @param queue a queue this stack manages
     * @return receiving (and settling) its messages
     */
    public static ServiceBusAccess receive(Queue queue) {
        return ofResource(Checks.notNull("queue", queue, "a Service Bus Queue"), GrantScope.SERVICE_BUS_QUEUE, QUEUE_RECEIVER);
    }

    /**
     * @param subscription a topic subscription this stack manages
     * @return receiving (and settling) its messages
     */
    public static ServiceBusAccess receive(Subscription subscription) {
        return ofResource(Checks.notNull("subscription", subscription, "a Service Bus Subscription"),
                GrantScope.SERVICE_BUS_SUBSCRIPTION, SUBSCRIPTION_RECEIVER);
    }

    /**
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param queueName         the queue
     * @return sending to an existing queue, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static ServiceBusAccess sendToQueue(String resourceGroupName, String namespaceName, String queueName) {
        return ofNames(GrantScope.SERVICE_BUS_QUEUE, QUEUE_SENDER, resourceGroupName, namespaceName, queueName);
    }

    /**
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param topicName         the topic
     * @return sending to an existing topic, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static ServiceBusAccess sendToTopic(String resourceGroupName, String namespaceName, String topicName) {
        return ofNames(GrantScope.SERVICE_BUS_TOPIC, TOPIC_SENDER, resourceGroupName, namespaceName, topicName);
    }

    /**
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param queueName         the queue
     * @return receiving from an existing queue, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static ServiceBusAccess receiveFromQueue(String resourceGroupName, String namespaceName, String queueName) {
        return ofNames(GrantScope.SERVICE_BUS_QUEUE, QUEUE_RECEIVER, resourceGroupName, namespaceName, queueName);
    }

    /**
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param topicName         the topic
     * @param subscriptionName  the topic's subscription
     * @return receiving from an existing subscription, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static ServiceBusAccess receiveFromSubscription(String resourceGroupName, String namespaceName, String topicName, String subscriptionName) {
        return ofNames(GrantScope.SERVICE_BUS_SUBSCRIPTION, SUBSCRIPTION_RECEIVER, resourceGroupName, namespaceName, topicName, subscriptionName);
    }

    /**
     * An existing queue named by values known only at deploy time, checked once known by the rules
     * and messages of {@link #sendToQueue(String, String, String)} before anything registers; the
     * child is {@code NAME-grant-KEY-queue-sender}.
     *
     * @param key               a stable name for the queue, e.g. {@code orders}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param queueName         the queue
     * @return sending to it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static ServiceBusAccess sendToQueue(String key, Output<String> resourceGroupName, Output<String> namespaceName, Output<String> queueName) {
        return ofOutputs(key, GrantScope.SERVICE_BUS_QUEUE, QUEUE_SENDER, resourceGroupName, namespaceName, queueName);
    }

    /**
     * As {@link #sendToQueue(String, Output, Output, Output)}, for a topic; the child is {@code NAME-grant-KEY-topic-sender}.
     *
     * @param key               a stable name for the topic; see {@link GrantKeys#RULE}
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param topicName         the topic
     * @return sending to it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static ServiceBusAccess sendToTopic(String key, Output<String> resourceGroupName, Output<String> namespaceName, Output<String> topicName) {
        return ofOutputs(key, GrantScope.SERVICE_BUS_TOPIC, TOPIC_SENDER, resourceGroupName, namespaceName, topicName);
    }

    /**
     * As {@link #sendToQueue(String, Output, Output, Output)}, receiving; the child is {@code NAME-grant-KEY-queue-receiver}.
     *
     * @param key               a stable name for the queue; see {@link GrantKeys#RULE}
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param queueName         the queue
     * @return receiving from it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static ServiceBusAccess receiveFromQueue(String key, Output<String> resourceGroupName, Output<String> namespaceName, Output<String> queueName) {
        return ofOutputs(key, GrantScope.SERVICE_BUS_QUEUE, QUEUE_RECEIVER, resourceGroupName, namespaceName, queueName);
    }

    /**
     * As {@link #sendToQueue(String, Output, Output, Output)}, receiving from a topic subscription;
     * the child is {@code NAME-grant-KEY-subscription-receiver}.
     *
     * @param key               a stable name for the subscription; see {@link GrantKeys#RULE}
     * @param resourceGroupName the namespace's resource group
     * @param namespaceName     the namespace
     * @param topicName         the topic
     * @param subscriptionName  the topic's subscription
     * @return receiving from it, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static ServiceBusAccess receiveFromSubscription(String key, Output<String> resourceGroupName, Output<String> namespaceName,
                                                           Output<String> topicName, Output<String> subscriptionName) {
        return ofOutputs(key, GrantScope.SERVICE_BUS_SUBSCRIPTION, SUBSCRIPTION_RECEIVER, resourceGroupName, namespaceName, topicName,
                subscriptionName);
    }

    private static ServiceBusAccess ofResource(CustomResource entity, GrantScope scope, Role role) {
        return new ServiceBusAccess(scope, entity::id, entity.pulumiResourceName(), role, DeployTimeCheck.none());
    }

    private static ServiceBusAccess ofNames(GrantScope scope, Role role, String resourceGroupName, String... names) {
        var checked = requireNames(scope, resourceGroupName, List.of(names));
        // Namespace, queue, topic and subscription names have no '/', so the label is injective;
        // the role's key suffix tells a queue from a topic of the same name.
        return new ServiceBusAccess(scope, inDeployingSubscription(scope, resourceGroupName, names),
                String.join("/", checked.subList(1, checked.size())), role, DeployTimeCheck.none());
    }

    @SafeVarargs
    private static ServiceBusAccess ofOutputs(String key, GrantScope scope, Role role, Output<String> resourceGroupName, Output<String>... names) {
        GrantKeys.require(key);
        var all = new ArrayList<Output<String>>();
        all.add(Checks.notNull("resourceGroupName", resourceGroupName, "the namespace's resource group"));
        var fields = fields(scope);
        for (int i = 0; i < names.length; i++) {
            all.add(Checks.notNull(fields.get(i), names[i], "the " + fields.get(i).replace("Name", "")));
        }
        var checked = Output.all(all).applyValue(values -> requireNames(scope, values.get(0), values.subList(1, values.size())));
        return new ServiceBusAccess(scope, inDeployingSubscription(scope, checked), key, role, DeployTimeCheck.of(checked));
    }

    private static List<String> fields(GrantScope scope) {
        return switch (scope) {
            case SERVICE_BUS_QUEUE -> List.of("namespaceName", "queueName");
            case SERVICE_BUS_TOPIC -> List.of("namespaceName", "topicName");
            case SERVICE_BUS_SUBSCRIPTION -> List.of("namespaceName", "topicName", "subscriptionName");
            default -> throw new IllegalArgumentException("not a Service Bus scope: " + scope);
        };
    }

    // One place for the name rules of both paths, so a plain and an Output name get one message.
    private static List<String> requireNames(GrantScope scope, String resourceGroupName, List<String> names) {
        AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        ServiceBusNames.requireNamespaceName("namespaceName", names.get(0));
        switch (scope) {
            case SERVICE_BUS_QUEUE -> ServiceBusNames.requireQueueName("queueName", names.get(1));
            case SERVICE_BUS_TOPIC -> ServiceBusNames.requireTopicName("topicName", names.get(1));
            case SERVICE_BUS_SUBSCRIPTION -> {
                ServiceBusNames.requireTopicName("topicName", names.get(1));
                ServiceBusNames.requireSubscriptionName("subscriptionName", names.get(2));
            }
            default -> throw new IllegalArgumentException("not a Service Bus scope: " + scope);
        }
        var all = new ArrayList<String>();
        all.add(resourceGroupName);
        all.addAll(names);
        return List.copyOf(all);
    }
}
