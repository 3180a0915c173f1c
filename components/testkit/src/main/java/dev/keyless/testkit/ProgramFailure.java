package dev.keyless.testkit;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.List;

/**
 * How a program failed, and what it had registered by then.
 *
 * @param error      the program's exception, unwrapped from Pulumi's runner
 * @param deployment what was registered before it failed
 */
public record ProgramFailure(Throwable error, RecordedDeployment deployment) {

    /** @return the error's message */
    public String message() {
        return error.getMessage();
    }

    /**
     * @return the resources registered apart from the stack itself; empty when validation ran
     *     before anything was registered
     */
    public List<RegisteredResource> registeredBesidesStack() {
        return deployment.resources().stream().filter(r -> !r.isStack()).toList();
    }
}
