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

    static GrantTarget fromOutput(String key, String field, Output<String> fullName, UnaryOperator<String> rule, String what) {
        GrantKeys.require(key);
        Checks.notNull(field, fullName, what);
        var checked = CheckedValue.of(fullName, rule);
        return new GrantTarget(checked.value(), key, key, DeployTimeCheck.of(checked.value()));
    }

    static GrantTarget managed(String field, CustomResource resource, String what) {
        Checks.notNull(field, resource, what);
        return new GrantTarget(resource.id(), resource.pulumiResourceName(), resource.pulumiResourceName(), DeployTimeCheck.none());
    }
}
