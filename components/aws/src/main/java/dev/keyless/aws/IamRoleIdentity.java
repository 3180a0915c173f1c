package dev.keyless.aws;

import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import dev.keyless.core.WorkloadIdentity;

import java.util.Optional;

/**
 * A workload's identity on AWS: an IAM role. Attach what keyless does not model (a policy of your
 * own, tags) to {@link #role()} or by {@link #roleName()}.
 *
 * @param roleArn  the role's ARN, which the ServiceAccount annotation or Pod Identity association names
 * @param roleName the role's name
 * @param role     the role keyless created; empty for an {@code existingRoleArn}
 */
public record IamRoleIdentity(Output<String> roleArn, Output<String> roleName, Optional<Role> role) implements WorkloadIdentity {

    /** @return the role's ARN */
    @Override
    public Output<String> exportValue() {
        return roleArn;
    }
}
