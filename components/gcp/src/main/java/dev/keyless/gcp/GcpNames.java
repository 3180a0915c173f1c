package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Google Cloud's rules for the project ids, project numbers, locations and GKE cluster names keyless
 * puts into member strings, workload pools and cluster definitions. A value Google would refuse at
 * deploy (or, worse, a member string naming nobody) is refused here first, plain values at the
 * setter and {@code Output} values once known.
 *
 * @see <a href="https://cloud.google.com/resource-manager/docs/creating-managing-projects#before_you_begin">Project ID requirements</a>
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters#Cluster.FIELDS.name">GKE Cluster: name</a>
 */
final class GcpNames {
    static final String PROJECT_ID_RULE = "a project ID: 6 to 30 characters of [a-z0-9-], starting with a letter and not ending with '-'";
    static final String PROJECT_NUMBER_RULE = "a project number: 6 to 20 digits, not starting with 0 (the number, not the project ID)";
    static final String LOCATION_RULE = "a Google Cloud region such as europe-west1 or a zone such as europe-west1-b";
    static final String CLUSTER_NAME_RULE = "a GKE cluster name: 1 to 40 characters of [a-z0-9-], starting with a letter and ending with a letter or digit";
    static final int MAX_CLUSTER_NAME = 40;

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[1-9][0-9]{5,19}");
    private static final Pattern LOCATION = Pattern.compile("[a-z]+-[a-z]+[0-9]{1,2}(-[a-z])?");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");

    private GcpNames() {
    }

    static String requireProjectId(String field, String value) {
        if (value == null || !PROJECT_ID.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, PROJECT_ID_RULE);
        }
        return value;
    }

    static String requireProjectNumber(String field, String value) {
        if (value == null || !PROJECT_NUMBER.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, PROJECT_NUMBER_RULE);
        }
        return value;
    }

    static String requireLocation(String field, String value) {
        if (value == null || !LOCATION.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, LOCATION_RULE);
        }
        return value;
    }

    static String requireClusterName(String field, String value) {
        if (!isClusterName(value)) {
            throw InvalidInputException.of(field, value, CLUSTER_NAME_RULE);
        }
        return value;
    }

    static boolean isClusterName(String value) {
        return value != null && CLUSTER_NAME.matcher(value).matches();
    }

    /** @return the project's workload identity pool, {@code PROJECT_ID.svc.id.goog} */
    static String workloadPool(String projectId) {
        return projectId + ".svc.id.goog";
    }

    /** @return the issuer of the cluster's ServiceAccount tokens, as GKE puts it in their {@code iss} */
    static String issuerUrl(String projectId, String location, String clusterName) {
        return "https://container.googleapis.com/v1/projects/" + projectId + "/locations/" + location + "/clusters/" + clusterName;
    }
}
