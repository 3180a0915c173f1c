package dev.keyless.aws;

import com.pulumi.core.Output;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;

/**
 * The permissions of one controller preset ({@link AwsControllers}): statements on resources
 * named in plain values, checked before anything registers, so they are known exactly at
 * preview, or on resources named by an {@code Output} (another stack's bucket), checked once
 * known and bounded at preview by the same statements on the longest names; and any AWS managed
 * policy the controller's upstream project ships.
 */
final class ControllerGrant implements AwsGrant {
    private final String description;
    private final Output<List<IamStatement>> statements;
    private final List<IamStatement> longestStatements;
    private final List<String> managedPolicyArns;
    private final Optional<List<IamStatement>> knownStatements;
    private final List<String> warnings;

    ControllerGrant(String description, List<IamStatement> statements, List<String> managedPolicyArns) {
        this(description, statements, managedPolicyArns, List.of());
    }

    /** @param warnings what an option the preset was given widens, for the preview */
    ControllerGrant(String description, List<IamStatement> statements, List<String> managedPolicyArns, List<String> warnings) {
        this(description, Output.of(List.copyOf(statements)), statements, managedPolicyArns, Optional.of(List.copyOf(statements)),
                warnings);
    }

    /**
     * @param statements        the statements, known at deploy; failing there when a name breaks its rule
     * @param longestStatements the same statements with every name not yet known at its longest
     */
    ControllerGrant(String description, Output<List<IamStatement>> statements, List<IamStatement> longestStatements,
            List<String> managedPolicyArns) {
        this(description, statements, longestStatements, managedPolicyArns, Optional.empty(), List.of());
    }

    private ControllerGrant(String description, Output<List<IamStatement>> statements, List<IamStatement> longestStatements,
            List<String> managedPolicyArns, Optional<List<IamStatement>> knownStatements, List<String> warnings) {
        this.knownStatements = knownStatements;
        this.warnings = List.copyOf(warnings);
        this.description = description;
        this.statements = statements;
        this.longestStatements = List.copyOf(longestStatements);
        this.managedPolicyArns = List.copyOf(managedPolicyArns);
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return statements;
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(longestStatements);
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return knownStatements;
    }

    @Override
    public List<String> managedPolicyArns() {
        return managedPolicyArns;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String describe() {
        return description;
    }
}
