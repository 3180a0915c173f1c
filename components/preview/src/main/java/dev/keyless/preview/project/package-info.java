/**
 * Reads a Pulumi project as the Pulumi CLI does: {@code Pulumi.yaml} for the project and its
 * configuration defaults, and {@code Pulumi.<stack>.yaml} for the stack's configuration, which
 * overrides them. The preview's command line and the test kit both start from here, so a test runs
 * with the configuration users get. ESC environments a stack imports are named, never opened.
 */
package dev.keyless.preview.project;
