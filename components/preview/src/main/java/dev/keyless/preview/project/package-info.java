/**
 * Reads a Pulumi project as the Pulumi CLI does: {@code Pulumi.yaml} for the project, and
 * {@code Pulumi.<stack>.yaml} for the configuration the program is given. The preview's command
 * line and the test kit both start from here, so a test runs with the configuration users get.
 */
package dev.keyless.preview.project;
