package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

/**
 * A grant an IAM role can hold: IAM policy statements, resources named exactly. Unlike GCP and
 * Azure grants, which are resources naming the principal, AWS grants become statements of the
 * role's one inline policy.
 *
 * <p>A grant's statements may not use a wildcard action or a wildcard resource unless the role
 * allows it by name ({@code allowWildcardPermissions()}): keyless refuses them at preview time and
 * again once the statements are known.
 */
public interface AwsGrant extends AccessGrant {

    /** @return {@link AwsCloud#CLOUD}: the grant is held by the workload's AWS identity */
    @Override
    default dev.keyless.core.Cloud cloud() {
        return AwsCloud.CLOUD;
    }


    /**
     * @return the statements, known once the resources they name (a bucket's ARN) are known
     */
    Output<List<IamStatement>> statements();

    /**
     * The statements at their longest, with every name not yet known at its longest possible value,
     * so the role's inline policy can be checked against IAM's size quota and for wildcards before
     * anything is registered. Empty when the grant cannot say; then those checks run once the
     * statements are known.
     *
     * @return the statements with names at their longest
     */
    default Optional<List<IamStatement>> longestStatements() {
        return Optional.empty();
    }

    /**
     * The statements when every name they hold was given as text. A role whose grants all know
     * theirs has its policy built, and checked, before anything is registered, and registers
     * behind no deploy-time check of it: the same JSON, without the {@code Output}s that would
     * wait for values already known.
     *
     * @return the statements, or empty when a name is known only at deploy time
     */
    default Optional<List<IamStatement>> knownStatements() {
        return Optional.empty();
    }

    /**
     * AWS managed policies the grant attaches to the role besides its statements, for a
     * controller whose upstream project ships its permissions as one (the EBS CSI driver's
     * {@code AmazonEBSCSIDriverPolicy}). Each is one attachment, {@code NAME-managed-POLICY_NAME},
     * shared with a role option naming the same policy.
     *
     * @return the policies' ARNs; none by default
     */
    default List<String> managedPolicyArns() {
        return List.of();
    }

    /**
     * What an option the grant was given widens beyond its resources, shown as warnings beside
     * the role in the preview (a controller preset's opt-in add-on).
     *
     * @return the warnings; none by default
     */
    default List<String> warnings() {
        return List.of();
    }
}
