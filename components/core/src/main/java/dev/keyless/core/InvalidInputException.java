package dev.keyless.core;

/**
 * Bad input, caught before anything is registered. The message names the field, quotes the value
 * and states the rule, e.g. {@code namespace must be a DNS-1123 label (...): 'Kube_System'}.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private final String field;
    private final String value;

    private InvalidInputException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /**
     * A value that breaks a rule.
     *
     * @param field the input's name as the user wrote it, e.g. {@code namespace} or {@code roleName}
     * @param value the offending value
     * @param rule  what the value must be, phrased to follow "must be", e.g. {@code at most 64 characters}
     * @return the exception
     */
    public static InvalidInputException of(String field, Object value, String rule) {
        var text = String.valueOf(value);
        return new InvalidInputException(field, text, field + " must be " + rule + ": '" + text + "'");
    }

    /**
     * Two options that cannot be used together.
     *
     * @param field      the option that was set
     * @param otherField the option it excludes
     * @param reason     why they exclude each other
     * @return the exception
     */
    public static InvalidInputException conflict(String field, String otherField, String reason) {
        return new InvalidInputException(field, "", field + " and " + otherField + " exclude each other: " + reason);
    }

    /**
     * A required input that was not given.
     *
     * @param field the input's name
     * @param hint  how to give it
     * @return the exception
     */
    public static InvalidInputException missing(String field, String hint) {
        return new InvalidInputException(field, "", field + " is required: " + hint);
    }

    /**
     * Several refusals of one args class, reported together so that the user sees each, and the
     * same message on every run.
     *
     * @param refusals at least one, in the fields' declared order
     * @return the one refusal, or one naming the first's field and value whose message joins all
     *     with {@code "; "}
     */
    public static InvalidInputException joined(java.util.List<InvalidInputException> refusals) {
        if (refusals.size() == 1) {
            return refusals.get(0);
        }
        var first = refusals.get(0);
        var message = String.join("; ", refusals.stream().map(Throwable::getMessage).toList());
        var joined = new InvalidInputException(first.field, first.value, message);
        refusals.forEach(joined::addSuppressed);
        return joined;
    }

    /** @return the input's name */
    public String field() {
        return field;
    }

    /** @return the offending value as text, empty for conflicts and missing inputs */
    public String value() {
        return value;
    }

    /**
     * The same refusal, naming the input where the user gave the value: a flat component passes a
     * value it read at {@code cluster.issuerUrl} to a typed builder whose message says
     * {@code issuerUrl}, and reports it at the path the user wrote.
     *
     * @param path where the value was given, e.g. {@code cluster.issuerUrl} or {@code grants[2].resource}
     * @return the refusal with its field, and its message's leading field, replaced by {@code path}
     */
    public InvalidInputException at(String path) {
        var message = getMessage();
        var rest = message.startsWith(field) ? message.substring(field.length()) : ": " + message;
        var moved = new InvalidInputException(path, value, path + rest);
        moved.initCause(this);
        return moved;
    }
}
