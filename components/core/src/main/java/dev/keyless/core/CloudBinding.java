package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud side of a binding, as the Kubernetes side needs it.
 *
 * @param identity                  the cloud identity the ServiceAccount maps to
 * @param serviceAccountAnnotations annotations the ServiceAccount must carry
 * @param podNeeds                  what the workload's pods must carry (labels, environment, node
 *                                  selector, projected tokens, configuration files)
 * @param readyWhen                 resources that must exist before a pod can use the identity
 *                                  (grants attached, associations made); the ServiceAccount waits for them
 * @param login                     what a CI job needs to log in as the identity, from mechanisms
 *                                  that can trust a pipeline (the federations); empty otherwise
 */
public record CloudBinding(WorkloadIdentity identity,
                           Output<Map<String, String>> serviceAccountAnnotations,
                           PodNeeds podNeeds,
                           List<Resource> readyWhen,
                           Optional<PipelineLogin> login) {

    /** Copies the list. */
    public CloudBinding {
        readyWhen = List.copyOf(readyWhen);
        java.util.Objects.requireNonNull(login, "login");
    }

    /**
     * A binding with no pipeline login, as the native mechanisms make.
     *
     * @param identity                  the cloud identity
     * @param serviceAccountAnnotations annotations the ServiceAccount must carry
     * @param podNeeds                  what the pods must carry
     * @param readyWhen                 what the ServiceAccount waits for
     */
    public CloudBinding(WorkloadIdentity identity, Output<Map<String, String>> serviceAccountAnnotations,
                        PodNeeds podNeeds, List<Resource> readyWhen) {
        this(identity, serviceAccountAnnotations, podNeeds, readyWhen, Optional.empty());
    }

    /**
     * A binding whose pods need plain labels, environment and node selector only, as the native
     * mechanisms' pods do.
     *
     * @param identity                  the cloud identity
     * @param serviceAccountAnnotations annotations the ServiceAccount must carry
     * @param podLabels                 labels the pod template must carry
     * @param podEnv                    environment variables the workload's containers must carry
     * @param nodeSelector              node selector the pod must carry
     * @param readyWhen                 what the ServiceAccount waits for
     */
    public CloudBinding(WorkloadIdentity identity, Output<Map<String, String>> serviceAccountAnnotations,
                        Map<String, String> podLabels, Map<String, String> podEnv, Map<String, String> nodeSelector,
                        List<Resource> readyWhen) {
        this(identity, serviceAccountAnnotations, PodNeeds.of(podLabels, podEnv, nodeSelector), readyWhen);
    }
}
