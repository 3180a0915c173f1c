package dev.keyless.preview.cloud;

import java.util.Map;
import java.util.Optional;

/**
 * How one Pulumi package's resources answer in the simulated cloud: which outputs the cloud would
 * compute, and what its data-source functions return. Each implementation owns the placeholder
 * values of its cloud (account ids, issuer ids, default regions); only the provider-neutral ones are
 * shared, in {@link Placeholders}. Adding a cloud is one new implementation listed in
 * {@link SimulatedCloud#defaultSimulations}.
 */
public interface ProviderSimulation {

    /** @return the package name that starts this provider's type tokens, e.g. {@code aws} */
    String packageName();

    /**
     * Computes what the cloud adds to a resource's inputs when it creates it.
     *
     * @param type   the type token
     * @param name   the logical name
     * @param inputs the inputs the program sent, plain values
     * @return the resource's state: its inputs plus placeholder values for what the cloud computes
     */
    SimulatedResource create(String type, String name, Map<String, Object> inputs);

    /**
     * Answers a data-source function.
     *
     * @param token the function token, e.g. {@code aws:index/getRegion:getRegion}
     * @param args  its arguments
     * @return its result, or empty when this simulation does not know the function
     */
    Optional<Map<String, Object>> invoke(String token, Map<String, Object> args);

    /**
     * Answers a data-source function run through an explicit provider, whose own inputs (an AWS
     * provider's {@code region}) answer it as the real provider would.
     *
     * @param token          the function token
     * @param args           its arguments
     * @param providerInputs the explicit provider's inputs; empty for the package's default provider
     * @return its result, or empty when this simulation does not know the function
     */
    default Optional<Map<String, Object>> invoke(String token, Map<String, Object> args, Map<String, Object> providerInputs) {
        return invoke(token, args);
    }
}
