package dev.keyless.audit.plan;

import java.util.Set;

/**
 * What a step of a preview does to its resource, read from the step's {@code op}, and so whether
 * the audit judges the step's new state or only reads it for context. The ops are Pulumi's
 * ({@code pkg/resource/deploy/step.go}, {@code StepOps}); {@code pulumi preview --json} writes one
 * step per engine pre-event, with the step's {@code oldState} and {@code newState}
 * ({@code pkg/backend/display/json.go}, {@code getPreviewMetadataStep}).
 */
public enum StepOp {
    /** The step writes a new state the stack will hold: judged. */
    CHANGES,
    /** The resource stays as it is ({@code same}), or is read, not managed: context for other resources only. */
    KEEPS,
    /** The resource leaves the stack ({@code delete}, {@code delete-replaced}, discards): nothing to judge or read. */
    REMOVES;

    /** The stack will hold a new state: creates, updates, replacements and imports. */
    private static final Set<String> CHANGING = Set.of(
            "create", "update", "replace", "create-replacement", "import", "import-replacement");
    /**
     * The new state exists but this update does not write it: {@code same} (shown with
     * {@code --show-sames}, or when only protect changed), reads of resources the stack does not
     * manage, and refreshes.
     */
    private static final Set<String> KEEPING = Set.of("same", "read", "read-replacement", "refresh", "diff");
    private static final Set<String> REMOVING = Set.of(
            "delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace");

    /**
     * The kind of {@code op}. A step with no op, or one this audit does not know, is judged: a
     * document Pulumi writes always names its op, and an unfamiliar one should be looked at, not
     * passed over.
     */
    public static StepOp of(String op) {
        if (op == null || CHANGING.contains(op)) {
            return CHANGES;
        }
        if (KEEPING.contains(op)) {
            return KEEPS;
        }
        return REMOVING.contains(op) ? REMOVES : CHANGES;
    }
}
