package dev.keyless.aws;

import com.pulumi.aws.sns.Topic;
import com.pulumi.core.Output;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishing to one SNS topic, named by its ARN: {@code sns:Publish} on that topic and nothing
 * else (subscribers are queues or endpoints, granted on their own side). A topic encrypted with a
 * customer managed key also needs a {@link KmsAccess} on that key.
 *
 * <pre>{@code
 * SnsAccess.publish("arn:aws:sns:eu-west-1:111122223333:order-events")
 * SnsAccess.publish(orderEvents)
 * SnsAccess.publish("events", topicArnFromAnotherStack)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-using-identity-based-policies.html">SNS identity-based policies</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html">SNS actions and resources</a>
 */
public final class SnsAccess implements AwsGrant {
    /** A topic name: 1 to 256 of letters, digits, '-' and '_', a FIFO topic's ending in {@code .fifo}. */
    static final ArnForm TOPIC_ARN = new ArnForm("sns", true,
            Pattern.compile("(?=.{1,256}$)[A-Za-z0-9_-]+(\\.fifo)?"),
            "an SNS topic ARN, arn:aws:sns:REGION:ACCOUNT:TOPIC_NAME (1 to 256 of [A-Za-z0-9_-], FIFO topics ending in .fifo)",
            "topic");
    static final String LONGEST_TOPIC_ARN = TOPIC_ARN.longest("t".repeat(256));
    static final String PUBLISH = "sns:Publish";

    private final GrantedArn topic;

    private SnsAccess(GrantedArn topic) {
        this.topic = topic;
    }

    /**
     * @param topicArn the topic's ARN, {@code arn:aws:sns:REGION:ACCOUNT:NAME}
     * @return publishing to the topic
     * @throws InvalidInputException when the ARN is not a topic ARN (a subscription's included), or has a wildcard
     */
    public static SnsAccess publish(String topicArn) {
        return new SnsAccess(GrantedArn.plain(TOPIC_ARN, "topic", topicArn));
    }

    /**
     * @param key      a stable name for the topic in reports; see {@link GrantKeys#RULE}
     * @param topicArn the topic's ARN, e.g. another stack's output; checked once known
     * @return publishing to the topic
     */
    public static SnsAccess publish(String key, Output<String> topicArn) {
        return new SnsAccess(GrantedArn.output(TOPIC_ARN, "topic", key, topicArn));
    }

    /**
     * @param topic a topic this stack manages
     * @return publishing to the topic
     */
    public static SnsAccess publish(Topic topic) {
        return new SnsAccess(GrantedArn.resource("topic", topic, topic == null ? null : topic.arn(), "an sns.Topic or a topic ARN"));
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return topic.arn().applyValue(SnsAccess::statementsFor);
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(topic.knownOr(LONGEST_TOPIC_ARN)));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return topic.known().map(SnsAccess::statementsFor);
    }

    @Override
    public String describe() {
        return "SNS publish on " + topic.label();
    }

    private static List<IamStatement> statementsFor(String arn) {
        return List.of(IamStatement.builder().effect(IamEffect.ALLOW).addAction(PUBLISH).addResource(arn).build());
    }
}
