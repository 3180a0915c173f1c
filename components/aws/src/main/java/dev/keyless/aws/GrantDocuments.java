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
 * @param inline       the inline policy, empty when there are no statements
 * @param managed      the spilled policies in order, {@code NAME-grants-2} first; empty when all fit inline
 * @param knownInline  the inline policy when it was built before anything registered
 */
record GrantDocuments(Optional<Output<String>> inline, List<Output<String>> managed, Optional<String> knownInline) {

    GrantDocuments {
        managed = List.copyOf(managed);
    }

    /** @return no grant policy at all */
    static GrantDocuments none() {
        return new GrantDocuments(Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * @param inline  the inline policy, built and checked already
     * @param managed the spilled policies, built and checked already
     * @return documents nothing has to wait for
     */
    static GrantDocuments known(String inline, List<String> managed) {
        return new GrantDocuments(Optional.of(Output.of(inline)), managed.stream().map(Output::of).toList(), Optional.of(inline));
    }

    /**
     * @param inline  the inline policy, failing once known when it breaks a rule
     * @param managed the spilled policies, likewise
     * @return documents the binding registers behind
     */
    static GrantDocuments onceKnown(Output<String> inline, List<Output<String>> managed) {
        return new GrantDocuments(Optional.of(inline), managed, Optional.empty());
    }

    /** @return the check the binding registers behind: every document passed; none when they were built before */
    DeployTimeCheck check() {
        if (knownInline.isPresent()) {
            return DeployTimeCheck.none();
        }
        var check = inline.map(DeployTimeCheck::of).orElse(DeployTimeCheck.none());
        for (var document : managed) {
            check = check.and(DeployTimeCheck.of(document));
        }
        return check;
    }
}
