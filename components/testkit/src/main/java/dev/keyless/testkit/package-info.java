/**
 * JUnit 5 helpers that run Pulumi programs and components on the simulated cloud of the keyless
 * preview: {@link dev.keyless.testkit.SimulatedStack} runs a program and hands back a
 * {@link dev.keyless.preview.engine.RecordedDeployment} (its resources, exports and logged
 * diagnostics), {@link dev.keyless.testkit.ResourceGraph} follows parents and dependencies, and
 * {@link dev.keyless.testkit.Json} compares policy documents as data.
 */
package dev.keyless.testkit;
