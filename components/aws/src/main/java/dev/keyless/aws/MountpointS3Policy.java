package dev.keyless.aws;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

/**
 * The Mountpoint for Amazon S3 CSI driver's statements, from the permissions Mountpoint
 * documents for a full-access mount: {@code s3:ListBucket} on the bucket, and reading, writing,
 * aborting uploads and deleting its objects ({@code bucket/*}). Given a prefix (a mount with
 * {@code --prefix}), the objects are {@code bucket/PREFIX*} and listing is limited to keys under
 * it, as {@link S3Access#prefix(String)} limits it.
 *
 * @see <a href="https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#iam-permissions">Mountpoint for Amazon S3, doc/CONFIGURATION.md: IAM permissions</a>
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/s3-csi.html#s3-create-iam-policy">EKS user guide: Mountpoint for Amazon S3 CSI driver, create an IAM policy</a>
 */
final class MountpointS3Policy {
    static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject");

    private MountpointS3Policy() {
    }

    /**
     * @param bucketArn the bucket's ARN
     * @param prefix    the key prefix the mount is limited to, checked already, if any
     * @return the listing and object statements for that bucket
     */
    static List<IamStatement> statements(String bucketArn, Optional<String> prefix) {
        var list = IamStatement.builder().effect(IamEffect.ALLOW).addAction("s3:ListBucket").addResource(bucketArn);
        prefix.ifPresent(p -> S3Access.listablePrefixes(p).forEach(v -> list.addCondition(IamConditionOperator.STRING_LIKE, "s3:prefix", v)));
        var objects = IamStatement.builder().effect(IamEffect.ALLOW).actionIds(OBJECT_ACTIONS)
                .addResource(bucketArn + "/" + prefix.orElse("") + "*").build();
        return List.of(list.build(), objects);
    }
}
