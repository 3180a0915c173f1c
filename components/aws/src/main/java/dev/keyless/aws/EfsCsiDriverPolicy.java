package dev.keyless.aws;

import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import static dev.keyless.aws.AnyResourceActions.EFS_CLUSTER_TAG;

/**
 * The EFS CSI driver controller's statements, built from the actions and tag conditions of its
 * {@code docs/iam-policy-example.json} at v2.3.1 (the permissions of AWS's managed
 * {@code AmazonEFSCSIDriverPolicy}): the reads on {@code *}, creating access points only when the
 * request tags them {@code efs.csi.aws.com/cluster: true}, and tagging and deleting only access
 * points that carry that tag. Upstream matches the tag with {@code StringLike} on a value with no
 * wildcard, the same as {@code StringEquals}, which is used here for all three. Given file
 * systems, access points are created only in those, and tagged and deleted only in their regions
 * and accounts.
 *
 * @see <a href="https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/v2.3.1/docs/iam-policy-example.json">aws-efs-csi-driver v2.3.1, docs/iam-policy-example.json</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticfilesystem.html">EFS actions and resources</a>
 */
final class EfsCsiDriverPolicy {
    /** An EFS file system's ARN: {@code file-system/fs-} and its hexadecimal id. */
    static final ArnForm FILE_SYSTEM_ARN = new ArnForm("elasticfilesystem", true, Pattern.compile("file-system/fs-[0-9a-f]{8,40}"),
            "an EFS file system ARN, arn:aws:elasticfilesystem:REGION:ACCOUNT:file-system/fs-0123456789abcdef0", "file system");
    static final String LONGEST_FILE_SYSTEM_ARN = FILE_SYSTEM_ARN.longest("file-system/fs-" + "f".repeat(40));
    static final String REQUEST_TAG = "aws:RequestTag/" + EFS_CLUSTER_TAG;
    static final String RESOURCE_TAG = "aws:ResourceTag/" + EFS_CLUSTER_TAG;

    private EfsCsiDriverPolicy() {
    }

    /** @return the statements for access points in any file system the driver is given */
    static List<IamStatement> anyFileSystem() {
        return statements(List.of("*"), List.of("*"));
    }

    /**
     * @param fileSystemArns the file systems' ARNs, checked already
     * @return the statements for access points in those file systems only
     */
    static List<IamStatement> fileSystems(List<String> fileSystemArns) {
        var accessPoints = new LinkedHashSet<String>();
        for (var arn : fileSystemArns) {
            var parsed = Arn.fromString(arn);
            accessPoints.add("arn:" + parsed.partition() + ":elasticfilesystem:" + parsed.region().orElseThrow() + ":"
                    + parsed.accountId().orElseThrow() + ":access-point/*");
        }
        return statements(fileSystemArns, List.copyOf(accessPoints));
    }

    private static List<IamStatement> statements(List<String> fileSystems, List<String> accessPoints) {
        var statements = new ArrayList<IamStatement>();
        // Reads of metadata, across the file systems the StorageClasses name: upstream has them on "*".
        // https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/v2.3.1/docs/iam-policy-example.json
        statements.add(allow(AnyResourceActions.EFS_DESCRIPTIONS, List.of("*")).build());
        statements.add(allow(List.of(AnyResourceActions.EFS_CREATE_ACCESS_POINT), fileSystems)
                .addCondition(IamConditionOperator.STRING_EQUALS, REQUEST_TAG, "true").build());
        for (var action : AnyResourceActions.EFS_TAGGED_CHANGES) {
            statements.add(allow(List.of(action), accessPoints)
                    .addCondition(IamConditionOperator.STRING_EQUALS, RESOURCE_TAG, "true").build());
        }
        return List.copyOf(statements);
    }

    private static IamStatement.Builder allow(List<String> actions, List<String> resources) {
        return IamStatement.builder().effect(IamEffect.ALLOW).actionIds(actions).resourceIds(resources);
    }
}
