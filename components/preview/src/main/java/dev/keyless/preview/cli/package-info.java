/**
 * The {@code PreviewCommand} command line: reads a Pulumi Java project and its stack configuration
 * (through {@link dev.keyless.preview.project}), starts the program as Pulumi's Java language host
 * would, and prints the offline preview.
 */
package dev.keyless.preview.cli;
