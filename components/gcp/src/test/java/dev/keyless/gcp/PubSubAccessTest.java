package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ResourceGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.gcp.GrantDeployments.API_PRINCIPAL;
import static dev.keyless.gcp.GrantDeployments.deploy;
import static dev.keyless.gcp.GrantDeployments.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing on one topic, consuming from one subscription. */
class PubSubAccessTest {
    private static final String TOPIC_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
    private static final String SUBSCRIPTION_MEMBER = "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember";
    private static final String ORDERS = "projects/shop-prod-4711/topics/orders";
    private static final String WORKER = "projects/shop-prod-4711/subscriptions/orders-worker";

    @Test
    void publishGrantsThePublisherRoleOnTheTopicAndSubscribeTheSubscriberRoleOnTheSubscription() {
        var deployment = deploy(ctx -> List.of(PubSubAccess.publish(ORDERS), PubSubAccess.subscribe(WORKER)));

        assertThat(deployment.resource(TOPIC_MEMBER, "api-grant-shop-prod-4711.orders-pubsub-publisher").inputs()).isEqualTo(Map.of(
                "topic", ORDERS, "role", "roles/pubsub.publisher", "member", API_PRINCIPAL));
        assertThat(deployment.resource(SUBSCRIPTION_MEMBER, "api-grant-shop-prod-4711.orders-worker-pubsub-subscriber").inputs()).isEqualTo(Map.of(
                "subscription", WORKER, "role", "roles/pubsub.subscriber", "member", API_PRINCIPAL));
        assertThat(deployment.ofType(TOPIC_MEMBER)).hasSize(1);
        assertThat(deployment.ofType(SUBSCRIPTION_MEMBER)).hasSize(1);
    }

    @Test
    void managedTopicsAndSubscriptionsAreNamedByTheirIdsAndGrantedAfterTheyExist() {
        var deployment = deploy(ctx -> {
            var topic = new Topic("orders", TopicArgs.builder().name("orders").build());
            var subscription = new Subscription("worker", SubscriptionArgs.builder().name("orders-worker").topic(topic.id()).build());
            return List.of(PubSubAccess.publish(topic), PubSubAccess.subscribe(subscription));
        });
        var publisher = deployment.resource(TOPIC_MEMBER, "api-grant-orders-pubsub-publisher");
        var subscriber = deployment.resource(SUBSCRIPTION_MEMBER, "api-grant-worker-pubsub-subscriber");

        assertThat(publisher.input("topic")).contains("projects/example-project/topics/orders");
        assertThat(subscriber.input("subscription")).contains("projects/example-project/subscriptions/orders-worker");
        assertThat(ResourceGraph.of(deployment).waitsFor(subscriber, deployment.resource("gcp:pubsub/subscription:Subscription", "worker"))).isTrue();
    }

    @Test
    void oneKeyForATopicAndASubscriptionFromAnotherStackIsTwoGrants() {
        var deployment = deploy(ctx -> List.of(PubSubAccess.publish("orders", Output.of(ORDERS)), PubSubAccess.subscribe("orders", Output.of(WORKER))));

        assertThat(deployment.resource(TOPIC_MEMBER, "api-grant-orders-pubsub-publisher").input("topic")).contains(ORDERS);
        assertThat(deployment.resource(SUBSCRIPTION_MEMBER, "api-grant-orders-pubsub-subscriber").input("subscription")).contains(WORKER);
    }

    @Test
    void aSubscriptionGivenAsATopicAWildcardOrAGoogPrefixIsRefused() {
        for (var name : List.of(WORKER, "projects/shop-prod-4711/topics/*", "projects/shop-prod-4711/topics/goog-orders",
                "projects/shop-prod-4711/topics/o", "orders", "arn:aws:sns:eu-west-1:111122223333:orders")) {
            assertThatThrownBy(() -> PubSubAccess.publish(name)).as(name).isInstanceOf(InvalidInputException.class)
                    .hasMessage("topic must be " + GcpResourceNames.TOPIC_RULE + ": '" + name + "'");
        }
        assertThatThrownBy(() -> PubSubAccess.subscribe(ORDERS)).isInstanceOf(InvalidInputException.class)
                .hasMessage("subscription must be " + GcpResourceNames.SUBSCRIPTION_RULE + ": '" + ORDERS + "'");
    }

    @Test
    void pubSubIdsTakeTheirFullCharacterSet() {
        assertThat(PubSubAccess.publish("projects/shop-prod-4711/topics/Orders.v2_eu~1+a%20").key())
                .isEqualTo("shop-prod-4711.Orders.v2_eu~1+a%20-pubsub-publisher");
    }

    @Test
    void aSubscriptionFromAnotherStackBreakingTheRuleIsRefusedBeforeTheGrantRegisters() {
        var failure = failing(List.of(PubSubAccess.subscribe("orders", Output.of(ORDERS))));

        assertThat(failure.message()).isEqualTo("subscription must be " + GcpResourceNames.SUBSCRIPTION_RULE + ": '" + ORDERS + "'");
        assertThat(failure.deployment().ofType(SUBSCRIPTION_MEMBER)).isEmpty();
    }
}
