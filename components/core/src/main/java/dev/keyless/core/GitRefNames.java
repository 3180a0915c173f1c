package dev.keyless.core;

/**
 * Git's rules for a branch name ({@code git check-ref-format --branch}), which GitHub and GitLab
 * both enforce: a name breaking them can never be a job's ref, so a subject naming it would be a
 * typo that never matches.
 *
 * @see <a href="https://git-scm.com/docs/git-check-ref-format">git check-ref-format</a>
 */
final class GitRefNames {
    private static final String RULE = "a git branch name (no spaces, '~', '^', ':', '?', '*', '[', '\\\\', "
            + "control characters, '..', '@{' or '//'; not starting with '-' or '/', no part starting with '.', "
            + "not ending with '/', '.' or '.lock')";

    private GitRefNames() {
    }

    static String requireBranch(String field, String branch) {
        if (branch == null || branch.isEmpty() || branch.equals("@") || branch.startsWith("-") || branch.startsWith("/")
                || branch.endsWith("/") || branch.endsWith(".") || branch.endsWith(".lock") || branch.contains("..")
                || branch.contains("@{") || branch.contains("//") || branch.startsWith(".") || branch.contains("/.")
                || branch.chars().anyMatch(c -> c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0)) {
            throw InvalidInputException.of(field, branch, RULE);
        }
        return branch;
    }
}
