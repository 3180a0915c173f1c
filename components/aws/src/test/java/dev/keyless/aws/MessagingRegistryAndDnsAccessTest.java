package dev.keyless.aws;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.Json;
import org.junit.jupiter.api.Test;

import static dev.keyless.aws.GrantPolicies.policyOf;
import static dev.keyless.aws.GrantPolicies.refusedAtDeploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQS, SNS, ECR and Route 53 grants: exact statements, the '*' statements admitted by name, every refusal. */
class MessagingRegistryAndDnsAccessTest {
    private static final String QUEUE = "arn:aws:sqs:eu-west-1:111122223333:orders";
    private static final String REPOSITORY = "arn:aws:ecr:eu-west-1:111122223333:repository/shop/api";

    @Test
    void sendConsumeAndBothNameTheQueueOnly() {
        assertThat(policyOf(() -> SqsAccess.send(QUEUE))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"],
                   "Resource": "arn:aws:sqs:eu-west-1:111122223333:orders"}}
                """));
        assertThat(policyOf(() -> SqsAccess.consume("orders", Output.of(QUEUE)))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                     "sqs:GetQueueUrl", "sqs:GetQueueAttributes"],
                   "Resource": "arn:aws:sqs:eu-west-1:111122223333:orders"}}
                """));
        assertThat(policyOf(() -> SqsAccess.sendAndConsume(new Queue("orders", QueueArgs.builder().name("orders.fifo").fifoQueue(true).build()))))
                .isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                     "sqs:GetQueueUrl", "sqs:GetQueueAttributes"],
                   "Resource": "arn:aws:sqs:us-east-1:123456789012:orders.fifo"}}
                """));
    }

    @Test
    void publishNamesTheTopicOnly() {
        var expected = Json.parse("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:123456789012:order-events"}}
                """);
        assertThat(policyOf(() -> SnsAccess.publish("arn:aws:sns:us-east-1:123456789012:order-events"))).isEqualTo(expected);
        assertThat(policyOf(() -> SnsAccess.publish(new Topic("events", TopicArgs.builder().name("order-events").build())))).isEqualTo(expected);
        assertThat(policyOf(() -> SnsAccess.publish("events", Output.of("arn:aws:sns:us-east-1:123456789012:order-events")))).isEqualTo(expected);
    }

    @Test
    void queueAndTopicRefusals() {
        assertThatThrownBy(() -> SqsAccess.send("arn:aws:sns:eu-west-1:111122223333:orders"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("queue must be an SQS queue ARN, arn:aws:sqs:REGION:ACCOUNT:QUEUE_NAME (1 to 80 of [A-Za-z0-9_-], "
                        + "FIFO queues ending in .fifo): 'arn:aws:sns:eu-west-1:111122223333:orders'");
        assertThatThrownBy(() -> SqsAccess.consume("arn:aws:sqs:eu-west-1:111122223333:" + "q".repeat(81)))
                .hasMessageStartingWith("queue must be an SQS queue ARN");
        assertThatThrownBy(() -> SnsAccess.publish("arn:aws:sns:eu-west-1:111122223333:order-events:8a21d249-4329-4871-acc6-7be709c6ea7f"))
                .hasMessage("topic must be an SNS topic ARN, arn:aws:sns:REGION:ACCOUNT:TOPIC_NAME (1 to 256 of [A-Za-z0-9_-], FIFO topics "
                        + "ending in .fifo): 'arn:aws:sns:eu-west-1:111122223333:order-events:8a21d249-4329-4871-acc6-7be709c6ea7f'");
        var failure = refusedAtDeploy(() -> SqsAccess.send("orders", Output.of("arn:aws:sqs:eu-west-1:111122223333:*")));
        assertThat(failure.message()).isEqualTo("queue must be one queue named exactly, with no '*' or '?' "
                + "(a wildcard grants every queue it matches): 'arn:aws:sqs:eu-west-1:111122223333:*'");
    }

    @Test
    void pullAndPushNameTheRepositoryAndLogInOnAnyResourceWithoutWildcardPermissions() {
        var login = """
                  {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}""";
        assertThat(policyOf(() -> EcrAccess.pull(REPOSITORY))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
                   "Resource": "arn:aws:ecr:eu-west-1:111122223333:repository/shop/api"},
                """ + login + "]}"));
        assertThat(policyOf(() -> EcrAccess.push(new Repository("api", RepositoryArgs.builder().name("shop/api").build())))).isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
                     "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"],
                   "Resource": "arn:aws:ecr:us-east-1:123456789012:repository/shop/api"},
                """ + login + "]}"));
    }

    @Test
    void repositoryRefusals() {
        assertThatThrownBy(() -> EcrAccess.pull("arn:aws:ecr:eu-west-1:111122223333:repository/Shop/API"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("repository must be an ECR repository ARN, arn:aws:ecr:REGION:ACCOUNT:repository/NAME (2 to 256 characters, "
                        + "lower-case letters and digits separated by '.', '_', '-' or '/'): 'arn:aws:ecr:eu-west-1:111122223333:repository/Shop/API'");
        assertThatThrownBy(() -> EcrAccess.push("arn:aws:ecr:eu-west-1:111122223333:repository/*"))
                .hasMessage("repository must be one repository named exactly, with no '*' or '?' (a wildcard grants every repository it matches): "
                        + "'arn:aws:ecr:eu-west-1:111122223333:repository/*'");
        assertThatThrownBy(() -> EcrAccess.pull("arn:aws:ecr:eu-west-1:1111:repository/shop/api"))
                .hasMessageStartingWith("repository must be an ECR repository ARN");
    }

    @Test
    void changeRecordsNamesTheZoneAndListsAndPollsWhereRoute53NeedsIt() {
        var expected = Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets"],
                   "Resource": "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"},
                  {"Effect": "Allow", "Action": "route53:GetChange", "Resource": "arn:aws:route53:::change/*"},
                  {"Effect": "Allow", "Action": ["route53:ListHostedZones", "route53:ListHostedZonesByName"], "Resource": "*"}]}
                """);
        assertThat(policyOf(() -> Route53Access.changeRecords("Z0123456789ABCDEFGHIJ"))).isEqualTo(expected);
        assertThat(policyOf(() -> Route53Access.changeRecords("shop", Output.of("Z0123456789ABCDEFGHIJ")))).isEqualTo(expected);
    }

    @Test
    void readRecordsOfAZoneOfThisStackChangesNothing() {
        assertThat(policyOf(() -> Route53Access.readRecords(new Zone("shop", ZoneArgs.builder().name("shop.example.com").build()))))
                .isEqualTo(Json.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["route53:GetHostedZone", "route53:ListResourceRecordSets"],
                   "Resource": "arn:aws:route53:::hostedzone/Z0EXAMPLE0PLACEHOLDER"},
                  {"Effect": "Allow", "Action": ["route53:ListHostedZones", "route53:ListHostedZonesByName"], "Resource": "*"}]}
                """));
    }

    @Test
    void zoneIdsInAnyOtherFormAreRefused() {
        var rule = "zone must be a Route 53 hosted zone id, up to 32 upper-case letters and digits such as Z0123456789ABCDEFGHIJ "
                + "(the id alone: no '/hostedzone/' prefix, no ARN, no domain name): ";
        assertThatThrownBy(() -> Route53Access.changeRecords("/hostedzone/Z0123456789ABCDEFGHIJ"))
                .isInstanceOf(InvalidInputException.class).hasMessage(rule + "'/hostedzone/Z0123456789ABCDEFGHIJ'");
        assertThatThrownBy(() -> Route53Access.changeRecords("shop.example.com")).hasMessage(rule + "'shop.example.com'");
        assertThatThrownBy(() -> Route53Access.readRecords("*")).hasMessage(rule + "'*'");
        assertThat(refusedAtDeploy(() -> Route53Access.changeRecords("shop", Output.of("z0123"))).message()).isEqualTo(rule + "'z0123'");
    }

    @Test
    void eachGrantSaysWhatItAllowsInOneLine() {
        assertThat(SqsAccess.sendAndConsume(QUEUE).describe()).isEqualTo("SQS send-consume on " + QUEUE);
        assertThat(EcrAccess.pull("api", Output.of(REPOSITORY)).describe()).isEqualTo("ECR pull on api");
        assertThat(Route53Access.changeRecords("Z0123456789ABCDEFGHIJ").describe()).isEqualTo("Route 53 record changes on Z0123456789ABCDEFGHIJ");
        assertThat(SecretsManagerAccess.readOnly("db", Output.of("x")).decryptingWith("secrets", Output.of("y")).describe())
                .isEqualTo("Secrets Manager read on db (decrypting with secrets)");
    }
}
