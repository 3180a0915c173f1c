package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.AccessGrant;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/**
 * A grant an IAM role can hold: IAM policy statements, resources named exactly. Unlike GCP and
 * Azure grants, which are resources naming the principal, AWS grants become statements of the
 * role's one inline policy.
 */
public interface AwsGrant extends AccessGrant {

    /**
     * @return the statements, known once the resources they name (a bucket's ARN) are known
     */
    Output<List<IamStatement>> statements();
}
