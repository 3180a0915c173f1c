package dev.keyless.aws;

import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;

import java.util.HashSet;
import java.util.List;

/**
 * The managed node group an {@link EksCluster} runs its workloads on.
 *
 * @param instanceTypes EC2 instance types, e.g. {@code t3.medium}, without repeats
 * @param minSize       fewest nodes, at least 0
 * @param desiredSize   nodes to start with, between min and max
 * @param maxSize       most nodes, 1 to 450 (EKS's quota for nodes in a managed node group)
 */
public record NodeGroupOptions(List<String> instanceTypes, int minSize, int desiredSize, int maxSize) {

    /** Two {@code t3.medium} nodes, scaling between 1 and 3: enough for a few small workloads. */
    public static final NodeGroupOptions DEFAULT = new NodeGroupOptions(List.of("t3.medium"), 1, 2, 3);
    /** EKS's quota of nodes per managed node group. */
    public static final int MAX_NODES = 450;

    /** Checks the sizes and types. */
    public NodeGroupOptions {
        Checks.notNull("nodeGroup.instanceTypes", instanceTypes, "a list of EC2 instance types");
        if (instanceTypes.isEmpty()) {
            throw InvalidInputException.of("nodeGroup.instanceTypes", instanceTypes, "at least one EC2 instance type");
        }
        for (var type : instanceTypes) {
            if (type == null || !type.matches("[a-z0-9-]+\\.[a-z0-9]+")) {
                throw InvalidInputException.of("nodeGroup.instanceTypes", type, "an EC2 instance type such as t3.medium");
            }
        }
        if (new HashSet<>(instanceTypes).size() != instanceTypes.size()) {
            throw InvalidInputException.of("nodeGroup.instanceTypes", instanceTypes, "a list without repeats");
        }
        instanceTypes = List.copyOf(instanceTypes);
        if (minSize < 0 || maxSize < 1 || maxSize > MAX_NODES || minSize > desiredSize || desiredSize > maxSize) {
            throw InvalidInputException.of("nodeGroup sizes", "min " + minSize + ", desired " + desiredSize + ", max " + maxSize,
                    "0 <= min <= desired <= max, 1 <= max <= " + MAX_NODES + " (EKS node group scaling)");
        }
    }
}
