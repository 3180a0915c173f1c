package dev.keyless.aws;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import dev.keyless.core.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every public entry point answers null with bad input naming its own field, never a NullPointerException. */
class NullInputsTest {

    @Test
    void eachNullNamesItsField() {
        Map<String, ThrowingCallable> calls = Map.ofEntries(
                Map.entry("nodeGroup must be NodeGroupOptions, e.g. NodeGroupOptions.DEFAULT, not null: 'null'",
                        () -> EksClusterArgs.builder().nodeGroup(null)),
                Map.entry("subnetIds must be a list of subnet ids, not null: 'null'",
                        () -> EksClusterArgs.builder().subnetIds((List<String>) null)),
                Map.entry("clusterName must be " + EksNames.CLUSTER_NAME_RULE + ": 'null'",
                        () -> EksClusterArgs.builder().clusterName(null)),
                Map.entry("managedPolicyArn must be " + Arns.POLICY_RULE + ": 'null'",
                        () -> IrsaIdentity.builder().managedPolicyArn(null)),
                Map.entry("alsoTrustedBy must be an EKS cluster (EksCluster or AdoptedEksCluster), not null: 'null'",
                        () -> IrsaIdentity.builder().alsoTrustedBy(null)),
                Map.entry("maxSessionDuration must be a Duration between 1 and 12 hours, not null: 'null'",
                        () -> PodIdentity.builder().maxSessionDuration(null)),
                Map.entry("bucket must be a BucketV2 or a bucket name, not null: 'null'",
                        () -> S3Access.readOnly((BucketV2) null)),
                Map.entry("bucket must be a bucket name, not null: 'null'",
                        () -> S3Access.readWrite("charts", (Output<String>) null)),
                Map.entry("bucket must be " + S3BucketNames.RULE + ": 'null'",
                        () -> S3Access.readOnly((String) null)),
                Map.entry("nodeGroup.instanceTypes must be a list of EC2 instance types, not null: 'null'",
                        () -> new NodeGroupOptions(null, 1, 1, 1)),
                Map.entry("nodeGroup.instanceTypes must be an EC2 instance type such as t3.medium: 'null'",
                        () -> new NodeGroupOptions(Arrays.asList("t3.medium", null), 1, 1, 1)),
                Map.entry("existingRoleArn must be " + Arns.ROLE_RULE + ": 'null'",
                        () -> IrsaIdentity.builder().existingRoleArn((String) null)),
                Map.entry("trustServiceAccountsMatching must be a ServiceAccount name pattern of [a-z0-9.-] with at least one '*' or '?' (IAM StringLike): 'null'",
                        () -> IrsaIdentity.builder().trustServiceAccountsMatching(null)));
        calls.forEach((message, call) -> assertThatThrownBy(call).as(message).isInstanceOf(InvalidInputException.class).hasMessage(message));
    }
}
