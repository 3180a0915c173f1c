package dev.keyless.aws;

import com.pulumi.core.Output;
import dev.keyless.core.DeployTimeCheck;

import java.util.List;
import java.util.Optional;

/**
 * The documents a role holds its grants in: the inline policy, and the customer-managed policies
 * the statements spill into when they outgrow it ({@link GrantPolicySplit}). Each fails once known
 * when it breaks a rule.
 *
 * @param inline  the inline policy, empty when there are no statements
 * @param managed the spilled policies in order, {@code NAME-grants-2} first; empty when all fit inline
 */
record GrantDocuments(Optional<Output<String>> inline, List<Output<String>> managed) {

    GrantDocuments {
        managed = List.copyOf(managed);
    }

    /** @return no grant policy at all */
    static GrantDocuments none() {
        return new GrantDocuments(Optional.empty(), List.of());
    }

    /** @return the check the binding registers behind: every document passed */
    DeployTimeCheck check() {
        var check = inline.map(DeployTimeCheck::of).orElse(DeployTimeCheck.none());
        for (var document : managed) {
            check = check.and(DeployTimeCheck.of(document));
        }
        return check;
    }
}
