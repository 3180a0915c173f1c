package dev.keyless.aws;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.core.Output;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SQS queue, named by its ARN: sending, consuming (receive, delete, change visibility), or
 * both. Each variant may also look up the queue's URL and attributes, which SDK clients and
 * consumers such as KEDA do first. A queue encrypted with a customer managed key also needs a
 * {@link KmsAccess} on that key.
 *
 * <pre>{@code
 * SqsAccess.send("arn:aws:sqs:eu-west-1:111122223333:orders")
 * SqsAccess.consume(ordersQueue)
 * SqsAccess.sendAndConsume("orders", queueArnFromAnotherStack)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html">SQS API permissions: actions and resources</a>
 */
public final class SqsAccess implements AwsGrant {
    /** A queue name: 1 to 80 of letters, digits, '-' and '_', a FIFO queue's ending in {@code .fifo}. */
    static final ArnForm QUEUE_ARN = new ArnForm("sqs", true,
            Pattern.compile("(?=.{1,80}$)[A-Za-z0-9_-]+(\\.fifo)?"),
            "an SQS queue ARN, arn:aws:sqs:REGION:ACCOUNT:QUEUE_NAME (1 to 80 of [A-Za-z0-9_-], FIFO queues ending in .fifo)",
            "queue");
    static final String LONGEST_QUEUE_ARN = QUEUE_ARN.longest("q".repeat(80));
    static final List<String> LOOKUP_ACTIONS = List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes");
    static final List<String> SEND_ACTIONS = List.of("sqs:SendMessage");
    static final List<String> CONSUME_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");

    private final GrantedArn queue;
    private final boolean send;
    private final boolean consume;

    private SqsAccess(GrantedArn queue, boolean send, boolean consume) {
        this.queue = queue;
        this.send = send;
        this.consume = consume;
    }

    /**
     * @param queueArn the queue's ARN, {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     * @return sending messages to the queue
     * @throws InvalidInputException when the ARN is not a queue ARN, or has a wildcard
     */
    public static SqsAccess send(String queueArn) {
        return new SqsAccess(plain(queueArn), true, false);
    }

    /**
     * @param key      a stable name for the queue in reports; see {@link GrantKeys#RULE}
     * @param queueArn the queue's ARN, e.g. another stack's output; checked once known
     * @return sending messages to the queue
     */
    public static SqsAccess send(String key, Output<String> queueArn) {
        return new SqsAccess(output(key, queueArn), true, false);
    }

    /**
     * @param queue a queue this stack manages
     * @return sending messages to the queue
     */
    public static SqsAccess send(Queue queue) {
        return new SqsAccess(resource(queue), true, false);
    }

    /**
     * @param queueArn the queue's ARN, {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     * @return receiving, deleting and changing the visibility of the queue's messages
     * @throws InvalidInputException when the ARN is not a queue ARN, or has a wildcard
     */
    public static SqsAccess consume(String queueArn) {
        return new SqsAccess(plain(queueArn), false, true);
    }

    /**
     * @param key      a stable name for the queue in reports; see {@link GrantKeys#RULE}
     * @param queueArn the queue's ARN, e.g. another stack's output; checked once known
     * @return receiving, deleting and changing the visibility of the queue's messages
     */
    public static SqsAccess consume(String key, Output<String> queueArn) {
        return new SqsAccess(output(key, queueArn), false, true);
    }

    /**
     * @param queue a queue this stack manages
     * @return receiving, deleting and changing the visibility of the queue's messages
     */
    public static SqsAccess consume(Queue queue) {
        return new SqsAccess(resource(queue), false, true);
    }

    /**
     * @param queueArn the queue's ARN, {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     * @return sending and consuming the queue's messages
     * @throws InvalidInputException when the ARN is not a queue ARN, or has a wildcard
     */
    public static SqsAccess sendAndConsume(String queueArn) {
        return new SqsAccess(plain(queueArn), true, true);
    }

    /**
     * @param key      a stable name for the queue in reports; see {@link GrantKeys#RULE}
     * @param queueArn the queue's ARN, e.g. another stack's output; checked once known
     * @return sending and consuming the queue's messages
     */
    public static SqsAccess sendAndConsume(String key, Output<String> queueArn) {
        return new SqsAccess(output(key, queueArn), true, true);
    }

    /**
     * @param queue a queue this stack manages
     * @return sending and consuming the queue's messages
     */
    public static SqsAccess sendAndConsume(Queue queue) {
        return new SqsAccess(resource(queue), true, true);
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return queue.arn().applyValue(this::statementsFor);
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(queue.knownOr(LONGEST_QUEUE_ARN)));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return queue.known().map(this::statementsFor);
    }

    @Override
    public String describe() {
        return "SQS " + (send && consume ? "send-consume" : send ? "send" : "consume") + " on " + queue.label();
    }

    private List<IamStatement> statementsFor(String arn) {
        var actions = IamStatement.builder().effect(IamEffect.ALLOW);
        if (send) {
            actions.actionIds(SEND_ACTIONS);
        }
        if (consume) {
            CONSUME_ACTIONS.forEach(actions::addAction);
        }
        LOOKUP_ACTIONS.forEach(actions::addAction);
        return List.of(actions.addResource(arn).build());
    }

    private static GrantedArn plain(String queueArn) {
        return GrantedArn.plain(QUEUE_ARN, "queue", queueArn);
    }

    private static GrantedArn output(String key, Output<String> queueArn) {
        return GrantedArn.output(QUEUE_ARN, "queue", key, queueArn);
    }

    private static GrantedArn resource(Queue queue) {
        return GrantedArn.resource("queue", queue, queue == null ? null : queue.arn(), "an sqs.Queue or a queue ARN");
    }
}
