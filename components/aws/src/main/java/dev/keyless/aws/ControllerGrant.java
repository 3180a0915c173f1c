package dev.keyless.aws;

import com.pulumi.core.Output;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

/**
 * The permissions of one controller preset ({@link AwsControllers}): statements on resources
 * named in plain values, checked before anything registers, so they are known exactly at
 * preview, and any AWS managed policy the controller's upstream project ships.
 */
final class ControllerGrant implements AwsGrant {
    private final String description;
    private final List<IamStatement> statements;
    private final List<String> managedPolicyArns;

    ControllerGrant(String description, List<IamStatement> statements, List<String> managedPolicyArns) {
        this.description = description;
        this.statements = List.copyOf(statements);
        this.managedPolicyArns = List.copyOf(managedPolicyArns);
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return Output.of(statements);
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statements);
    }

    @Override
    public List<String> managedPolicyArns() {
        return managedPolicyArns;
    }

    @Override
    public String describe() {
        return description;
    }
}
