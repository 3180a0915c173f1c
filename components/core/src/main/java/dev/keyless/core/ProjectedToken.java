package dev.keyless.core;

/**
 * A ServiceAccount token the kubelet projects into the pod for one audience, as a federated
 * identity exchanges it: a volume {@code volumeName} with a {@code serviceAccountToken} source,
 * mounted read-only at {@code mountPath}, the token in {@code mountPath/fileName}.
 *
 * @param volumeName        the volume's name, a DNS-1123 label
 * @param audience          the token's {@code aud}: the audience the cloud's federation expects
 * @param mountPath         the directory the volume is mounted at
 * @param fileName          the token file's name in it
 * @param expirationSeconds how long a token lives; the kubelet refreshes it at 80%
 * @see <a href="https://kubernetes.io/docs/concepts/storage/projected-volumes/#serviceaccounttoken">serviceAccountToken projected volumes</a>
 */
public record ProjectedToken(String volumeName, String audience, String mountPath, String fileName, int expirationSeconds) {
    /** The kubelet's floor for a projected token's lifetime. */
    public static final int MIN_EXPIRATION_SECONDS = 600;
    /** One hour, what the EKS Pod Identity Webhook projects. */
    public static final int DEFAULT_EXPIRATION_SECONDS = 3600;

    /** Checks the fields. */
    public ProjectedToken {
        KubernetesNames.requireLabel("volumeName", volumeName);
        if (audience == null || audience.isBlank()) {
            throw InvalidInputException.of("audience", audience, "a non-empty audience");
        }
        if (mountPath == null || !mountPath.startsWith("/")) {
            throw InvalidInputException.of("mountPath", mountPath, "an absolute path");
        }
        if (fileName == null || fileName.isEmpty() || fileName.contains("/")) {
            throw InvalidInputException.of("fileName", fileName, "a file name without '/'");
        }
        if (expirationSeconds < MIN_EXPIRATION_SECONDS) {
            throw InvalidInputException.of("expirationSeconds", expirationSeconds, "at least " + MIN_EXPIRATION_SECONDS + " (the kubelet's minimum)");
        }
    }

    /** @return the token file's full path, for the environment variable that names it */
    public String path() {
        return mountPath + "/" + fileName;
    }
}
