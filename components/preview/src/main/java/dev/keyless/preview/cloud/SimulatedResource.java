package dev.keyless.preview.cloud;

import java.util.Map;

/**
 * A resource as the simulated cloud created it.
 *
 * @param id    the cloud id
 * @param state the inputs and the outputs the cloud computed
 */
public record SimulatedResource(String id, Map<String, Object> state) {
}
