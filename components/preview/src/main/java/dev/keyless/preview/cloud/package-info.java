/**
 * The simulated cloud: Pulumi mocks that answer each resource with its inputs plus placeholders for
 * what a real cloud computes, one {@link dev.keyless.preview.cloud.ProviderSimulation} per Pulumi
 * package. The preview and the test kit share it, so what a test asserts is what a user sees.
 */
package dev.keyless.preview.cloud;
