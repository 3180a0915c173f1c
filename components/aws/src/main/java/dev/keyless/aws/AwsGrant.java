package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.StorageGrant;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/** A storage grant an IAM role can hold: IAM policy statements, resources named exactly. */
public interface AwsGrant extends StorageGrant {

    /**
     * @return the statements, known once the resources they name (a bucket's ARN) are known
     */
    Output<List<IamStatement>> statements();
}
