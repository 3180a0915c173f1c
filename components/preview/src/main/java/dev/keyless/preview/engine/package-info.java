/**
 * Runs Pulumi programs on Pulumi's mock engine and the simulated cloud, and records what they
 * register and log as a {@link dev.keyless.preview.engine.RecordedDeployment}: the one model the
 * reports and the test kit read.
 *
 * <p>Pulumi's public test API ({@code com.pulumi.test}) hands a mock only a resource's type, name
 * and inputs, and keeps only the text of logged errors. What a preview must show (parents,
 * dependencies, {@code protect}, secrets, warnings) reaches only the monitor and engine, so three
 * classes, all in this package, use Pulumi's internal API ({@code com.pulumi.*.internal}) and may
 * need a touch when the SDK version moves:
 * <ul>
 *   <li>{@link dev.keyless.preview.engine.RecordingMonitor} extends {@code test.internal.MockMonitor}
 *       to record every registration as the engine receives it;</li>
 *   <li>{@link dev.keyless.preview.engine.RecordingEngine} extends {@code test.internal.MockEngine}
 *       to record every message a program logs, not only the errors' text;</li>
 *   <li>{@link dev.keyless.preview.engine.SimulatedEngine} builds the mock deployment with
 *       {@code test.internal.PulumiTestInternal} (the only builder that accepts a monitor and an
 *       engine of one's own), and lends it to the threads an engine host answers on through
 *       {@code deployment.internal.DeploymentInstanceHolder}, where Pulumi looks it up.</li>
 * </ul>
 */
package dev.keyless.preview.engine;
