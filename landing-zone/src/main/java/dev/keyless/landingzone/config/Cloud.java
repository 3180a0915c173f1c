package dev.keyless.landingzone.config;

import java.util.Arrays;
import java.util.List;

/** The clouds a landing zone's clusters and stores may be on, by the name the config uses. */
public enum Cloud {
    /** Amazon Web Services: EKS and S3. */
    AWS("aws"),
    /** Google Cloud: GKE and Cloud Storage. */
    GCP("gcp"),
    /** Microsoft Azure: AKS and Blob Storage. */
    AZURE("azure");

    private final String configName;

    Cloud(String configName) {
        this.configName = configName;
    }

    /** @return the name the config uses, e.g. {@code aws} */
    public String configName() {
        return configName;
    }

    /** @return every cloud's config name */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(Cloud::configName).toList();
    }

    /**
     * @param configName a name from {@link #configNames()}
     * @return that cloud
     */
    public static Cloud of(String configName) {
        return Arrays.stream(values()).filter(cloud -> cloud.configName.equals(configName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cloud named " + configName));
    }
}
