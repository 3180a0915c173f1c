package dev.keyless.audit.rules;

import dev.keyless.audit.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KL030: every queue or topic of an account, project or resource group: {@code sqs:SendMessage},
 * {@code ReceiveMessage}, {@code DeleteMessage}, {@code PurgeQueue} or {@code SetQueueAttributes}
 * (so {@code sqs:*}) on {@code *}; {@code sns:Publish}, {@code Subscribe}, {@code SetTopicAttributes}
 * or {@code DeleteTopic} (so {@code sns:*}) on {@code *}; a {@code roles/pubsub.*} role other than
 * {@code viewer} on a project, folder or organization; Azure Service Bus Data Owner, Sender or
 * Receiver assigned above a namespace (on its resource group or subscription). Medium: messages
 * are read, sent or dropped, but no credential or key is exposed. keyless SqsAccess, SnsAccess,
 * PubSubAccess and ServiceBusAccess name the queue or topic.
 */
public final class WideMessagingAccessRule extends OverWideGrantRule {

    public WideMessagingAccessRule() {
        super(List.of(
                        AwsAccountWideAccess.of("sqs", "keyless-audit-probe", "sqs:SendMessage", "sqs:ReceiveMessage",
                                "sqs:DeleteMessage", "sqs:PurgeQueue", "sqs:SetQueueAttributes"),
                        AwsAccountWideAccess.of("sns", "keyless-audit-probe", "sns:Publish", "sns:Subscribe",
                                "sns:SetTopicAttributes", "sns:DeleteTopic")),
                new GcpProjectWideRole(Set.of("roles/pubsub."), Set.of("roles/pubsub.viewer")),
                new AzureAboveResourceRole(Map.of(
                        AzureRoles.SERVICE_BUS_DATA_OWNER, "Azure Service Bus Data Owner",
                        AzureRoles.SERVICE_BUS_DATA_SENDER, "Azure Service Bus Data Sender",
                        AzureRoles.SERVICE_BUS_DATA_RECEIVER, "Azure Service Bus Data Receiver"),
                        "/providers/microsoft.servicebus/namespaces/"));
    }

    @Override public String id() { return "KL030"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Every queue or topic of an account, project or resource group usable"; }
    @Override public String fix() {
        return "Grant send, receive or publish on the one queue, topic or subscription (keyless SqsAccess, SnsAccess, PubSubAccess, ServiceBusAccess)";
    }
}
