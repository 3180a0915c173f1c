package dev.keyless.landingzone.config;

import java.util.List;

/**
 * The landing zone's config has problems; the message lists every one with its config path. Thrown
 * before the landing zone registers anything.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private final List<String> problems;

    InvalidConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** @return each problem as {@code path: what is wrong}, in the order found */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        var text = new StringBuilder("the landing zone's config has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append("; nothing was created:");
        problems.forEach(problem -> text.append("\n  - ").append(problem));
        return text.toString();
    }
}
