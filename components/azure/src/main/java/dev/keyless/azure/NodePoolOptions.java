package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The shape of an AKS cluster's system node pool: VM size and autoscaling bounds.
 *
 * @param vmSize    the VM size, e.g. {@code Standard_D2s_v5}
 * @param minCount  the fewest nodes the autoscaler keeps, at least 1
 * @param count     the nodes to start with
 * @param maxCount  the most nodes the autoscaler adds, at most 1000
 */
public record NodePoolOptions(String vmSize, int minCount, int count, int maxCount) {
    private static final Pattern VM_SIZE = Pattern.compile("Standard_[A-Za-z0-9_]{2,60}");
    /** Two general-purpose nodes, scaling between one and three. */
    public static final NodePoolOptions DEFAULT = new NodePoolOptions("Standard_D2s_v5", 1, 2, 3);

    /** Checks the size and that {@code 1 <= minCount <= count <= maxCount <= 1000}. */
    public NodePoolOptions {
        if (vmSize == null || !VM_SIZE.matcher(vmSize).matches()) {
            throw InvalidInputException.of("vmSize", vmSize, "an Azure VM size such as Standard_D2s_v5");
        }
        if (minCount < 1 || minCount > count || count > maxCount || maxCount > 1000) {
            throw InvalidInputException.of("systemNodePool", minCount + " <= " + count + " <= " + maxCount,
                    "1 <= minCount <= count <= maxCount <= 1000 (an AKS system pool keeps at least one node)");
        }
    }
}
