package dev.keyless.core;

import com.pulumi.core.Output;

/**
 * A file a cloud's client libraries read to federate, holding no secret (e.g. Google's credential
 * configuration): {@link FederatedServiceAccount} puts it in the ConfigMap {@code configMapName}
 * in the ServiceAccount's namespace, and the pod mounts it read-only as the volume
 * {@code volumeName} at {@code mountPath}, the file at {@code mountPath/fileName}.
 *
 * @param configMapName the ConfigMap's name, a DNS-1123 subdomain
 * @param volumeName    the volume's name, a DNS-1123 label
 * @param mountPath     the directory the volume is mounted at
 * @param fileName      the file's name, the ConfigMap's key
 * @param content       the file's content
 */
public record ConfigFile(String configMapName, String volumeName, String mountPath, String fileName, Output<String> content) {

    /** Checks the fields. */
    public ConfigFile {
        KubernetesNames.requireSubdomain("configMapName", configMapName);
        KubernetesNames.requireLabel("volumeName", volumeName);
        if (mountPath == null || !mountPath.startsWith("/")) {
            throw InvalidInputException.of("mountPath", mountPath, "an absolute path");
        }
        if (fileName == null || !fileName.matches("[-._a-zA-Z0-9]+")) {
            throw InvalidInputException.of("fileName", fileName, "a ConfigMap key of [-._a-zA-Z0-9]");
        }
        Checks.notNull("content", content, "the file's content");
    }

    /** @return the file's full path, for the environment variable that names it */
    public String path() {
        return mountPath + "/" + fileName;
    }
}
