package dev.keyless.preview.cli;

/** The command line or the program's Pulumi files are not something the preview can run. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, in words the user can act on
     */
    public UsageException(String message) {
        super(message);
    }
}
