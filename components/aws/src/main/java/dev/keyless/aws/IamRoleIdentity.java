package dev.keyless.aws;

import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import dev.keyless.core.WorkloadIdentity;

import java.util.Optional;

/**
 * A workload's identity on AWS: an IAM role. Attach what keyless does not model (a managed policy
 * of your own) to {@link #role()} or by {@link #roleName()}. A role keyless creates carries its
 * grants as its own inline policies and manages them exclusively: an inline policy of your own
 * ({@code aws.iam.RolePolicy}) would be removed on the role's next update, unless the role is set
 * to {@code grantsInSeparateRolePolicy()}.
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
