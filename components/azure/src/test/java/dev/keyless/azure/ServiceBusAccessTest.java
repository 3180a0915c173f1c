package dev.keyless.azure;

import com.pulumi.azurenative.servicebus.Queue;
import com.pulumi.azurenative.servicebus.QueueArgs;
import com.pulumi.azurenative.servicebus.Subscription;
import com.pulumi.azurenative.servicebus.SubscriptionArgs;
import com.pulumi.azurenative.servicebus.Topic;
import com.pulumi.azurenative.servicebus.TopicArgs;
import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static dev.keyless.azure.EntraWorkloadIdentityTest.IDENTITY;
import static dev.keyless.azure.EntraWorkloadIdentityTest.ROLE_ASSIGNMENT;
import static dev.keyless.azure.EntraWorkloadIdentityTest.SUBSCRIPTION;
import static dev.keyless.azure.KeyVaultAccessTest.assertOnlyAssignment;
import static dev.keyless.azure.KeyVaultAccessTest.deploy;
import static dev.keyless.azure.KeyVaultAccessTest.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Service Bus send and receive: one role assignment on exactly the queue, topic or subscription. */
class ServiceBusAccessTest {
    private static final String NAMESPACE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shop-rg/providers/Microsoft.ServiceBus/namespaces/shop-bus";
    private static final String SENDER = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private static final String RECEIVER = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";

    @Test
    void aQueueByNamesGetsSenderOrReceiverOnThatQueueOnly() {
        assertOnlyAssignment(deploy(ServiceBusAccess.sendToQueue("shop-rg", "shop-bus", "orders")),
                "api-grant-shop-bus/orders-queue-sender", NAMESPACE + "/queues/orders", SENDER);
        assertOnlyAssignment(deploy(ServiceBusAccess.receiveFromQueue("shop-rg", "shop-bus", "orders")),
                "api-grant-shop-bus/orders-queue-receiver", NAMESPACE + "/queues/orders", RECEIVER);
    }

    @Test
    void aTopicGetsSenderAndASubscriptionReceiver() {
        var deployment = deploy(ServiceBusAccess.sendToTopic("shop-rg", "shop-bus", "events"));
        assertOnlyAssignment(deployment, "api-grant-shop-bus/events-topic-sender", NAMESPACE + "/topics/events", SENDER);
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-shop-bus/events-topic-sender").input("description"))
                .contains("Service Bus send on Service Bus topic shop-bus/events");
        assertOnlyAssignment(deploy(ServiceBusAccess.receiveFromSubscription("shop-rg", "shop-bus", "events", "billing")),
                "api-grant-shop-bus/events/billing-subscription-receiver", NAMESPACE + "/topics/events/subscriptions/billing", RECEIVER);
    }

    @Test
    void namesFromOutputsAreScopedToTheSameEntitiesAndKeyedByTheGivenKey() {
        assertOnlyAssignment(deploy(ServiceBusAccess.sendToQueue("orders", Output.of("shop-rg"), Output.of("shop-bus"), Output.of("orders"))),
                "api-grant-orders-queue-sender", NAMESPACE + "/queues/orders", SENDER);
        assertOnlyAssignment(deploy(ServiceBusAccess.receiveFromQueue("orders", Output.of("shop-rg"), Output.of("shop-bus"), Output.of("orders"))),
                "api-grant-orders-queue-receiver", NAMESPACE + "/queues/orders", RECEIVER);
        assertOnlyAssignment(deploy(ServiceBusAccess.sendToTopic("events", Output.of("shop-rg"), Output.of("shop-bus"), Output.of("events"))),
                "api-grant-events-topic-sender", NAMESPACE + "/topics/events", SENDER);
        assertOnlyAssignment(deploy(ServiceBusAccess.receiveFromSubscription("billing", Output.of("shop-rg"), Output.of("shop-bus"),
                        Output.of("events"), Output.of("billing"))),
                "api-grant-billing-subscription-receiver", NAMESPACE + "/topics/events/subscriptions/billing", RECEIVER);
    }

    @Test
    void managedEntitiesAreGrantedOnTheirIds() {
        var deployment = SimulatedStack.named("catalog").run(ctx -> {
            var queue = new Queue("orders", QueueArgs.builder().resourceGroupName("shop-rg").namespaceName("shop-bus").queueName("orders").build());
            var topic = new Topic("events", TopicArgs.builder().resourceGroupName("shop-rg").namespaceName("shop-bus").topicName("events").build());
            var billing = new Subscription("billing", SubscriptionArgs.builder().resourceGroupName("shop-rg").namespaceName("shop-bus")
                    .topicName("events").subscriptionName("billing").build());
            new FederatedServiceAccount("api", FederatedServiceAccountArgs.builder().cluster(TestClusters.green()).namespace("shop").name("api")
                    .grant(ServiceBusAccess.send(queue)).grant(ServiceBusAccess.receive(queue))
                    .grant(ServiceBusAccess.send(topic)).grant(ServiceBusAccess.receive(billing)).build());
        });
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-orders-queue-sender").input("scope")).contains(NAMESPACE + "/queues/orders");
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-orders-queue-receiver").input("roleDefinitionId"))
                .contains(KeyVaultAccessTest.definition(RECEIVER));
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-events-topic-sender").input("scope")).contains(NAMESPACE + "/topics/events");
        assertThat(deployment.resource(ROLE_ASSIGNMENT, "api-grant-billing-subscription-receiver").input("scope"))
                .contains(NAMESPACE + "/topics/events/subscriptions/billing");
        assertThat(deployment.ofType(ROLE_ASSIGNMENT)).hasSize(4);
    }

    @Test
    void badNamesAreRefusedPlainAndFromOutputsWithOneMessage() {
        var message = "queueName must be 1 to 260 characters of [A-Za-z0-9._-], starting and ending with a letter or digit "
                + "(Service Bus queue name; keyless does not grant on names with '/'): 'orders/*'";
        assertThatThrownBy(() -> ServiceBusAccess.sendToQueue("shop-rg", "shop-bus", "orders/*"))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        var failure = SimulatedStack.named("catalog").runExpectingFailure(ctx ->
                workload(ServiceBusAccess.sendToQueue("orders", Output.of("shop-rg"), Output.of("shop-bus"), Output.of("orders/*"))));
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.deployment().ofType(IDENTITY)).isEmpty();
        assertThat(failure.deployment().ofType(ROLE_ASSIGNMENT)).isEmpty();

        assertThatThrownBy(() -> ServiceBusAccess.receiveFromQueue("shop-rg", "bus", "orders"))
                .hasMessage("namespaceName must be 6 to 50 characters of [A-Za-z0-9-], starting with a letter, ending with a letter or digit "
                        + "(Service Bus namespace name): 'bus'");
        assertThatThrownBy(() -> ServiceBusAccess.receiveFromSubscription("shop-rg", "shop-bus", "events", "-billing"))
                .hasMessage("subscriptionName must be 1 to 50 characters of [A-Za-z0-9._-], starting and ending with a letter or digit "
                        + "(Service Bus subscription name): '-billing'");
        assertThatThrownBy(() -> ServiceBusAccess.sendToTopic("events", Output.of("shop-rg"), Output.of("shop-bus"), null))
                .hasMessage("topicName must be the topic, not null: 'null'");
        assertThatThrownBy(() -> ServiceBusAccess.send((Queue) null)).hasMessage("queue must be a Service Bus Queue, not null: 'null'");
    }
}
