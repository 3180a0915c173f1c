package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The node pool a Standard {@link GkeCluster} runs its workloads on. Sizes are per zone: a regional
 * cluster runs them in each of its zones.
 *
 * @param machineType  a Compute Engine machine type, e.g. {@code e2-standard-2}
 * @param minNodes     fewest nodes per zone, at least 0
 * @param initialNodes nodes per zone to start with, between min and max
 * @param maxNodes     most nodes per zone, 1 to 1000 (GKE's limit per node pool and zone)
 * @see <a href="https://cloud.google.com/kubernetes-engine/quotas">GKE quotas and limits</a>
 */
public record NodePoolOptions(String machineType, int minNodes, int initialNodes, int maxNodes) {
    // Before DEFAULT: the constructor that DEFAULT runs reads it.
    private static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");
    /** One {@code e2-standard-2} node per zone, scaling to 3: enough for a few small workloads. */
    public static final NodePoolOptions DEFAULT = new NodePoolOptions("e2-standard-2", 1, 1, 3);
    /** GKE's limit of nodes per node pool and zone. */
    public static final int MAX_NODES = 1000;

    /** Checks the machine type and sizes. */
    public NodePoolOptions {
        if (machineType == null || !MACHINE_TYPE.matcher(machineType).matches()) {
            throw InvalidInputException.of("nodePool.machineType", machineType, "a Compute Engine machine type such as e2-standard-2");
        }
        if (minNodes < 0 || maxNodes < 1 || maxNodes > MAX_NODES || minNodes > initialNodes || initialNodes > maxNodes) {
            throw InvalidInputException.of("nodePool sizes", "min " + minNodes + ", initial " + initialNodes + ", max " + maxNodes,
                    "0 <= min <= initial <= max, 1 <= max <= " + MAX_NODES + " (GKE node pool autoscaling, per zone)");
        }
    }
}
