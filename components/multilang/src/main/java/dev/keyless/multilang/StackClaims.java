package dev.keyless.multilang;

import dev.keyless.core.ProgramClaims;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The program-wide claims ({@link ProgramClaims}) of each stack this provider serves, carried from
 * one {@code Construct} to the next: each runs in a deployment of its own, yet a role name, a
 * managed identity's name or an issuer's trust of one subject must be unique across the program.
 *
 * <p>The engine starts one process of a provider for each provider resource of a deployment, and
 * every Construct through the stack's default {@code keyless} provider reaches that one process:
 * pulumi/pulumi {@code pkg/resource/deploy/providers/registry.go} ({@code loadProvider} asks the
 * plugin host for a provider per provider resource) and {@code pkg/host/host.go}
 * ({@code defaultHost.Provider} starts the plugin with {@code plugin.NewProvider}), commit
 * 1b5949891b3cefcb9974752b24a5ecef0acc86c8. A preview and an update are deployments of their own,
 * so they are kept apart; an explicit {@code keyless.Provider} of the program is a process of its
 * own, whose components are checked among themselves only.
 */
final class StackClaims {
    private final Map<String, ProgramClaims> byStack = new HashMap<>();

    /**
     * Makes the running deployment's claims those of the stack's earlier Constructs; called inside
     * the deployment, before the component checks its inputs, one Construct at a time.
     *
     * @param organization the Construct request's organization
     * @param project      its project
     * @param stack        its stack
     * @param dryRun       whether it is a preview
     */
    synchronized void continueFor(String organization, String project, String stack, boolean dryRun) {
        var key = organization + "/" + project + "/" + stack + (dryRun ? " preview" : " update");
        byStack.put(key, ProgramClaims.continuing(Optional.ofNullable(byStack.get(key))));
    }
}
