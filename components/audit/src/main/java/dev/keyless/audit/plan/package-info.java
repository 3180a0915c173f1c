/**
 * The resources of a {@code pulumi preview --json} document ({@code steps[].newState}), as the
 * rules read them.
 */
package dev.keyless.audit.plan;
