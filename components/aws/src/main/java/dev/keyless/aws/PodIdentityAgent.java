package dev.keyless.aws;

import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The {@code eks-pod-identity-agent} add-on of a cluster: installed by this stack, or declared
 * present on an adopted cluster.
 *
 * @param installedBy what a Pod Identity association must wait for: the add-on this stack creates,
 *                    or nothing when it was installed elsewhere
 */
public record PodIdentityAgent(List<Resource> installedBy) {

    /** Copies the list. */
    public PodIdentityAgent {
        installedBy = List.copyOf(installedBy);
    }

    /** @return an agent installed outside this stack: nothing here to wait for */
    public static PodIdentityAgent installedElsewhere() {
        return new PodIdentityAgent(List.of());
    }
}
