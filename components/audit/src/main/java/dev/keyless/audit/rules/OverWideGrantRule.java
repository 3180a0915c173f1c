package dev.keyless.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.audit.AuditRule;
import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The over-wide counterpart of one kind of keyless catalog grant (secrets, keys, queues and
 * topics, DNS zones, registries) on the three clouds: the kind's access given on every resource
 * of an AWS account, on a whole Google project, folder or organization, or on an Azure resource
 * group or subscription. Each subclass says which actions, roles and scopes make its kind. One
 * finding per AWS policy statement, Google grant or Azure assignment; what the preview leaves
 * unknown is not judged.
 */
abstract class OverWideGrantRule implements AuditRule {
    private final List<AwsAccountWideAccess> aws;
    private final GcpProjectWideRole gcp;
    private final AzureAboveResourceRole azure;

    OverWideGrantRule(List<AwsAccountWideAccess> aws, GcpProjectWideRole gcp, AzureAboveResourceRole azure) {
        this.aws = List.copyOf(aws);
        this.gcp = gcp;
        this.azure = azure;
    }

    @Override
    public final List<String> check(PlanResource resource, Plan plan) {
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocument.permissionStatements(resource)) {
            List<String> wide = aws.stream().map(kind -> kind.judge(statement)).filter(Objects::nonNull).toList();
            if (!wide.isEmpty()) {
                findings.add(String.join("; ", wide));
            }
        }
        String google = gcp == null ? null : gcp.judge(resource);
        if (google != null) {
            findings.add(google);
        }
        String assigned = azure == null ? null : azure.judge(resource);
        if (assigned != null) {
            findings.add(assigned);
        }
        return findings;
    }
}
