/**
 * The engine side of Pulumi's protocol, served in this JVM so that a Pulumi program started as its
 * own process registers its resources with the simulated cloud instead of a real one.
 */
package dev.keyless.preview.host;
