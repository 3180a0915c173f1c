package dev.keyless.preview.cli;

import java.nio.charset.StandardCharsets;

/**
 * The largest stack configuration a Java program can be started with on Linux.
 *
 * <p>Pulumi's Java language host hands the whole stack configuration to the program as one
 * environment variable, {@code PULUMI_CONFIG=<json>} ({@code constructEnv} and
 * {@code constructConfig} in pulumi-java's {@code pkg/cmd/pulumi-language-java/main.go}, which
 * serialises it with Go's {@code json.Marshal}). Linux refuses to start a process with any one
 * argument or environment string longer than {@code MAX_ARG_STRLEN}, 32 pages of 4 KiB: 131,072
 * bytes with its terminating NUL ({@code include/uapi/linux/binfmts.h}); {@code execve} fails with
 * {@code E2BIG}, "Argument list too long". {@code pulumi up} then stops before the program runs,
 * as pulumi/pulumi#20402 and theopensystemslab/planx-new#5022 report for other language hosts.
 * The preview checks the same bound before it starts the program, so a configuration too large for
 * {@code pulumi up} fails here with a message that says why, instead of with the bare
 * {@code E2BIG} of the process start.
 *
 * @see <a href="https://github.com/pulumi/pulumi-java/blob/main/pkg/cmd/pulumi-language-java/main.go">pulumi-java: the Java language host's constructEnv</a>
 * @see <a href="https://github.com/torvalds/linux/blob/master/include/uapi/linux/binfmts.h">Linux: MAX_ARG_STRLEN</a>
 * @see <a href="https://github.com/pulumi/pulumi/issues/20402">pulumi/pulumi#20402: long configurations and "argument list too long"</a>
 */
final class ConfigVariableLimit {
    /** {@code MAX_ARG_STRLEN}: the longest one environment string may be, its NUL included. */
    static final int MAX_ARG_STRLEN = 32 * 4096;
    static final String VARIABLE = "PULUMI_CONFIG";

    private ConfigVariableLimit() {
    }

    /**
     * @param configJson the configuration as the preview serialises it
     * @return the bytes of {@code PULUMI_CONFIG=<json>} and its NUL as the language host would pass
     *         them: Go's {@code json.Marshal} writes {@code <}, {@code >} and {@code &} as six-byte
     *         {@code \u003c} escapes, and U+2028 and U+2029 as {@code \u2028} and {@code \u2029}
     */
    static long bytes(String configJson) {
        long size = (VARIABLE + "=").length() + configJson.getBytes(StandardCharsets.UTF_8).length + 1;
        for (int i = 0; i < configJson.length(); i++) {
            switch (configJson.charAt(i)) {
                case '<', '>', '&' -> size += 5;         // one byte becomes \u003c
                case '\u2028', '\u2029' -> size += 3;    // three UTF-8 bytes become \u2028
                default -> { }
            }
        }
        return size;
    }

    /**
     * @param configJson the configuration as the preview serialises it
     * @param stack      the stack, for the message
     * @throws UsageException when Linux would refuse to start the program with it
     */
    static void require(String configJson, String stack) throws UsageException {
        var size = bytes(configJson);
        if (size > MAX_ARG_STRLEN) {
            throw new UsageException("the configuration of stack '" + stack + "' is " + size + " bytes as Pulumi's Java"
                    + " language host passes it (one environment variable, " + VARIABLE + "); Linux starts no process"
                    + " with an environment string over " + MAX_ARG_STRLEN + " bytes (MAX_ARG_STRLEN), so `pulumi up`"
                    + " would stop with 'Argument list too long' before the program runs: move part of it to"
                    + " another stack, or to a file the program reads");
        }
    }
}
