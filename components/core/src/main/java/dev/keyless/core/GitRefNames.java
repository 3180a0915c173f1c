package dev.keyless.core;

/**
 * Git's rules for a branch or tag name ({@code git check-ref-format}, for {@code refs/heads/NAME}
 * and {@code refs/tags/NAME} alike), which GitHub and GitLab both enforce: a name breaking them can
 * never be a job's ref, so a subject naming it would be a typo that never matches.
 *
 * @see <a href="https://git-scm.com/docs/git-check-ref-format">git check-ref-format</a>
 */
final class GitRefNames {
    private static final String RULE = " name (no spaces, '~', '^', ':', '?', '*', '[', '\\\\', "
            + "control characters, '..', '@{' or '//'; not starting with '-' or '/', no part starting with '.', "
            + "not ending with '/', '.' or '.lock')";

    private GitRefNames() {
    }

    static String requireBranch(String field, String branch) {
        return require(field, branch, "a git branch");
    }

    static String requireTag(String field, String tag) {
        return require(field, tag, "a git tag");
    }

    private static String require(String field, String name, String what) {
        if (name == null || name.isEmpty() || name.equals("@") || name.startsWith("-") || name.startsWith("/")
                || name.endsWith("/") || name.endsWith(".") || name.endsWith(".lock") || name.contains("..")
                || name.contains("@{") || name.contains("//") || name.startsWith(".") || name.contains("/.")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0)) {
            throw InvalidInputException.of(field, name, what + RULE);
        }
        return name;
    }
}
