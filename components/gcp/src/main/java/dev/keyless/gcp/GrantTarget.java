package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import dev.keyless.core.CheckedValue;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantKeys;

import java.util.function.UnaryOperator;

/**
 * The one resource a grant beyond storage opens, in the three forms every such grant takes: a full
 * resource name, an {@code Output} of one (checked once known, keyed by the caller's key), or the
 * provider resource a stack manages (named by its id, which the provider makes the full name).
 *
 * @param name    the full resource name, e.g. {@code projects/P/secrets/S}
 * @param label   what keys the grant's child: the name's {@link GcpResourceNames#label label}, the
 *                caller's key, or the resource's logical name
 * @param display how messages name the resource
 * @param check   the name's rule when it is known only at deploy
 */
record GrantTarget(Output<String> name, String label, String display, DeployTimeCheck check) {

    static GrantTarget plain(String field, String fullName, UnaryOperator<String> rule) {
        var checked = CheckedValue.of(fullName, rule);
        return new GrantTarget(checked.value(), GcpResourceNames.label(fullName), fullName, DeployTimeCheck.none());
    }

    /**
     * The name as given, and its rule as a check built only once the binding's earlier checks
     * passed: a workload with two grants named by bad {@code Output}s reports the first in the
     * order of its grants on every run, where two checks failing on their own raced. The name goes
     * unchecked only into the grant's member resource, a child of the binding, which registers
     * after every check passed ({@link DeployTimeCheck#gate}); a rule only checks, it does not
     * convert.
     */
    static GrantTarget fromOutput(String key, String field, Output<String> fullName, UnaryOperator<String> rule, String what) {
        GrantKeys.require(key);
        Checks.notNull(field, fullName, what);
        return new GrantTarget(fullName, key, key, DeployTimeCheck.afterEarlierPassed(() -> CheckedValue.of(fullName, rule).value()));
    }

    static GrantTarget managed(String field, CustomResource resource, String what) {
        Checks.notNull(field, resource, what);
        return new GrantTarget(resource.id(), resource.pulumiResourceName(), resource.pulumiResourceName(), DeployTimeCheck.none());
    }
}
