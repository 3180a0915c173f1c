/**
 * The resources of a {@code pulumi preview --json} document ({@code steps[].newState}), as the
 * rules read them: which steps are judged and which are context ({@link dev.keyless.audit.plan.StepOp}),
 * and what each value was built from.
 */
package dev.keyless.audit.plan;
