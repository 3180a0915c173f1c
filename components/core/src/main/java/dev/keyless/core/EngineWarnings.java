package dev.keyless.core;

import com.pulumi.Log;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.Resource;

/**
 * Warnings for choices that are legal but dangerous, sent to Pulumi's engine log so that
 * {@code pulumi preview} and {@code pulumi up} show them next to the resource.
 *
 * <p>The one place keyless components touch Pulumi's internal API: a component has no
 * {@code Context}, and the engine log is reachable only through the running deployment.
 */
public final class EngineWarnings {
    private EngineWarnings() {
    }

    /**
     * @param resource the resource the warning is about, shown beside it
     * @param message  what is dangerous and how to avoid it
     */
    public static void warn(Resource resource, String message) {
        DeploymentInternal.getInstanceOptional()
                .filter(DeploymentImpl.class::isInstance)
                .map(deployment -> ((DeploymentImpl) deployment).getLog())
                .ifPresent((Log log) -> log.warn(message, resource));
    }
}
