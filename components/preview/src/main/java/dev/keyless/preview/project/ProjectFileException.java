package dev.keyless.preview.project;

/** A program's {@code Pulumi.yaml} or {@code Pulumi.<stack>.yaml} is missing or cannot be used. */
public final class ProjectFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with which file, in words the user can act on
     */
    public ProjectFileException(String message) {
        super(message);
    }
}
