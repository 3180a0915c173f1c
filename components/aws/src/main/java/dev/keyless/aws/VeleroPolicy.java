package dev.keyless.aws;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/**
 * Velero's statements with its AWS plugin, built from the actions the plugin's README lists at
 * v1.13.2: the EC2 volume and snapshot calls its volume snapshotter makes, and the object and
 * listing calls on its backup bucket. Upstream grants the EC2 calls on {@code *}; here the
 * descriptions stay there (IAM authorizes them only on {@code *}) and the changes name the EC2
 * resource types they act on, volumes and snapshots, whose ids EC2 generates. Upstream's bucket
 * placeholder is the one bucket named.
 *
 * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-aws/blob/v1.13.2/README.md#set-permissions-for-velero">velero-plugin-for-aws v1.13.2, README.md: Set permissions for Velero</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html">EC2 actions and resources (volume, snapshot)</a>
 */
final class VeleroPolicy {
    static final List<String> SNAPSHOT_CHANGES = List.of("ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot");
    /** Snapshot ARNs have no account: {@code arn:aws:ec2:REGION::snapshot/snap-ID}. */
    static final List<String> VOLUMES_AND_SNAPSHOTS = List.of("arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*::snapshot/*");
    static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:DeleteObject", "s3:PutObject", "s3:PutObjectTagging",
            "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");

    private VeleroPolicy() {
    }

    /**
     * @param bucketArn the backup bucket's ARN
     * @return the statements, in upstream's order
     */
    static List<IamStatement> statements(String bucketArn) {
        return List.of(
                // Descriptions name no volume or snapshot: IAM authorizes them only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
                allow(AnyResourceActions.SNAPSHOT_DESCRIPTIONS, List.of("*")),
                allow(SNAPSHOT_CHANGES, VOLUMES_AND_SNAPSHOTS),
                allow(OBJECT_ACTIONS, List.of(bucketArn + "/*")),
                allow(List.of("s3:ListBucket"), List.of(bucketArn)));
    }

    private static IamStatement allow(List<String> actions, List<String> resources) {
        return IamStatement.builder().effect(IamEffect.ALLOW).actionIds(actions).resourceIds(resources).build();
    }
}
