package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

/**
 * Least-privilege messaging on Pub/Sub: publishing to one topic, with a
 * {@code gcp.pubsub.TopicIAMMember} granting {@code roles/pubsub.publisher} on the topic, or
 * consuming from one subscription, with a {@code gcp.pubsub.SubscriptionIAMMember} granting
 * {@code roles/pubsub.subscriber} on the subscription (pull, acknowledge, modify ack deadlines).
 * Neither can create, change or delete topics or subscriptions; never a project-level binding.
 *
 * <pre>{@code
 * PubSubAccess.publish("projects/shop-prod-4711/topics/orders")
 * PubSubAccess.subscribe(ordersWorker)                    // a gcp.pubsub.Subscription this stack manages
 * PubSubAccess.subscribe("orders", shared.output("ordersSubscription"))
 * }</pre>
 *
 * @see <a href="https://cloud.google.com/pubsub/docs/access-control">Pub/Sub access control: publish to a topic, consume from a subscription</a>
 * @see <a href="https://cloud.google.com/iam/docs/roles-permissions/pubsub">Pub/Sub roles and permissions</a>
 */
public final class PubSubAccess extends RoleOnResourceGrant {
    /** Publish messages to the topic. */
    public static final String PUBLISH_ROLE = "roles/pubsub.publisher";
    /** Consume messages from the subscription. */
    public static final String SUBSCRIBE_ROLE = "roles/pubsub.subscriber";

    private final boolean onTopic;

    private PubSubAccess(GrantTarget target, boolean onTopic) {
        super(target, onTopic ? PUBLISH_ROLE : SUBSCRIBE_ROLE, "Pub/Sub");
        this.onTopic = onTopic;
    }

    /**
     * @param topicName the topic's resource name, {@code projects/PROJECT/topics/TOPIC}
     * @return publishing to it
     * @throws InvalidInputException when the name is not one topic's resource name
     */
    public static PubSubAccess publish(String topicName) {
        return new PubSubAccess(GrantTarget.plain("topic", topicName, v -> GcpResourceNames.requireTopic("topic", v)), true);
    }

    /**
     * @param topic a topic this stack manages
     * @return publishing to it
     */
    public static PubSubAccess publish(Topic topic) {
        return new PubSubAccess(GrantTarget.managed("topic", topic, "a gcp.pubsub.Topic"), true);
    }

    /**
     * @param key       a stable name for the grant's child, e.g. {@code orders}
     * @param topicName the topic's resource name, e.g. a StackReference output; checked once known
     * @return publishing to it
     */
    public static PubSubAccess publish(String key, Output<String> topicName) {
        return new PubSubAccess(GrantTarget.fromOutput(key, "topicName", topicName,
                v -> GcpResourceNames.requireTopic("topic", v), "a Pub/Sub topic's resource name"), true);
    }

    /**
     * @param subscriptionName the subscription's resource name, {@code projects/PROJECT/subscriptions/SUBSCRIPTION}
     * @return consuming from it
     * @throws InvalidInputException when the name is not one subscription's resource name
     */
    public static PubSubAccess subscribe(String subscriptionName) {
        return new PubSubAccess(GrantTarget.plain("subscription", subscriptionName,
                v -> GcpResourceNames.requireSubscription("subscription", v)), false);
    }

    /**
     * @param subscription a subscription this stack manages
     * @return consuming from it
     */
    public static PubSubAccess subscribe(Subscription subscription) {
        return new PubSubAccess(GrantTarget.managed("subscription", subscription, "a gcp.pubsub.Subscription"), false);
    }

    /**
     * @param key              a stable name for the grant's child
     * @param subscriptionName the subscription's resource name, e.g. a StackReference output; checked once known
     * @return consuming from it
     */
    public static PubSubAccess subscribe(String key, Output<String> subscriptionName) {
        return new PubSubAccess(GrantTarget.fromOutput(key, "subscriptionName", subscriptionName,
                v -> GcpResourceNames.requireSubscription("subscription", v), "a Pub/Sub subscription's resource name"), false);
    }

    @Override
    Resource register(String childName, Output<String> resource, String role, Output<String> member, CustomResourceOptions options) {
        if (onTopic) {
            return new TopicIAMMember(childName, TopicIAMMemberArgs.builder().topic(resource).role(role).member(member).build(), options);
        }
        return new SubscriptionIAMMember(childName, SubscriptionIAMMemberArgs.builder()
                .subscription(resource).role(role).member(member).build(), options);
    }
}
