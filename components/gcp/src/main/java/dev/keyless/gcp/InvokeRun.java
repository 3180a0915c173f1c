package dev.keyless.gcp;

import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.Provider;
import com.pulumi.resources.ComponentResource;

import java.util.Optional;

/** How keyless runs a gcp invoke: under the component that needs the answer, with its provider. */
final class InvokeRun {
    private InvokeRun() {
    }

    /**
     * @param parent   the component; with no explicit provider its gcp provider answers (pulumi-java
     *                 {@code InvokeOptions.getParent}: "a parent to use for default options for this
     *                 invoke (e.g. the default provider to use)")
     * @param provider the gcp provider a mechanism was given, which wins over the parent's
     * @return the options
     */
    static InvokeOptions options(ComponentResource parent, Optional<Provider> provider) {
        var options = InvokeOptions.builder().parent(parent);
        provider.ifPresent(options::provider);
        return options.build();
    }
}
