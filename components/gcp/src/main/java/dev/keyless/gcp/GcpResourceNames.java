package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The full resource names of the secrets, keys, topics, subscriptions, zones and repositories the
 * grants beyond storage name: one exact resource each, never a pattern. The project segment is a
 * project ID or a project number (Google's APIs return resource names with the number).
 *
 * <p>Each IAM member resource of the provider takes the full name in its resource field, and
 * reads the project (and, for a repository, the location) from it when those fields are left out,
 * so the grant names its resource by one exact string and never falls back on the provider's
 * default project.
 *
 * @see <a href="https://www.pulumi.com/registry/packages/gcp/api-docs/secretmanager/secretiammember/">gcp.secretmanager.SecretIamMember</a>
 * @see <a href="https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets/create">Secret ID: at most 255 characters of letters, numerals, '-' and '_'</a>
 * @see <a href="https://cloud.google.com/kms/docs/resource-hierarchy">Cloud KMS resource names</a>
 * @see <a href="https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics">Pub/Sub topic and subscription names</a>
 * @see <a href="https://cloud.google.com/dns/docs/reference/rest/v1/managedZones">Cloud DNS managed zone name</a>
 * @see <a href="https://cloud.google.com/artifact-registry/docs/repositories/create-repos">Artifact Registry repository names</a>
 */
final class GcpResourceNames {
    private static final String PROJECT = "(?:[a-z][-a-z0-9]{4,28}[a-z0-9]|[1-9][0-9]{5,19})";
    private static final String PROJECT_RULE = "PROJECT a project ID or number";
    private static final String LOCATION = "[a-z][-a-z0-9]{0,62}";
    // Pub/Sub: a letter, then letters, digits and - _ . ~ + %, 3 to 255 in all, not starting with "goog".
    private static final String PUBSUB_ID = "(?!goog)[A-Za-z][-A-Za-z0-9_.~+%]{2,254}";
    // DNS zones and Artifact Registry repositories: lower-case letters, digits and '-', starting
    // with a letter, ending with a letter or digit, at most 63.
    private static final String LOWER_ID = "[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?";

    static final String SECRET_RULE = "a Secret Manager secret's resource name naming one secret, projects/PROJECT/secrets/SECRET_ID: "
            + PROJECT_RULE + ", SECRET_ID 1 to 255 characters of [A-Za-z0-9_-] (no wildcard, no /versions/ suffix)";
    static final String CRYPTO_KEY_RULE = "a Cloud KMS key's resource name naming one key, "
            + "projects/PROJECT/locations/LOCATION/keyRings/KEY_RING/cryptoKeys/KEY: " + PROJECT_RULE
            + ", LOCATION such as global or europe-west1, KEY_RING and KEY 1 to 63 characters of [A-Za-z0-9_-] (no wildcard, no key version)";
    static final String TOPIC_RULE = "a Pub/Sub topic's resource name naming one topic, projects/PROJECT/topics/TOPIC: " + PROJECT_RULE
            + ", TOPIC 3 to 255 characters of [A-Za-z0-9-_.~+%] starting with a letter and not with 'goog' (no wildcard)";
    static final String SUBSCRIPTION_RULE = "a Pub/Sub subscription's resource name naming one subscription, "
            + "projects/PROJECT/subscriptions/SUBSCRIPTION: " + PROJECT_RULE
            + ", SUBSCRIPTION 3 to 255 characters of [A-Za-z0-9-_.~+%] starting with a letter and not with 'goog' (no wildcard)";
    static final String MANAGED_ZONE_RULE = "a Cloud DNS managed zone's resource name naming one zone, projects/PROJECT/managedZones/ZONE: "
            + PROJECT_RULE + ", ZONE the zone's name (not its DNS name), 1 to 63 characters of [a-z0-9-] starting with a letter "
            + "and ending with a letter or digit";
    static final String REPOSITORY_RULE = "an Artifact Registry repository's resource name naming one repository, "
            + "projects/PROJECT/locations/LOCATION/repositories/REPOSITORY: " + PROJECT_RULE
            + ", LOCATION such as europe-west1 or europe, REPOSITORY 1 to 63 characters of [a-z0-9-] starting with a letter "
            + "and ending with a letter or digit";

    private static final Pattern SECRET = Pattern.compile("projects/" + PROJECT + "/secrets/[A-Za-z0-9_-]{1,255}");
    private static final Pattern CRYPTO_KEY = Pattern.compile("projects/" + PROJECT + "/locations/" + LOCATION
            + "/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}");
    private static final Pattern TOPIC = Pattern.compile("projects/" + PROJECT + "/topics/" + PUBSUB_ID);
    private static final Pattern SUBSCRIPTION = Pattern.compile("projects/" + PROJECT + "/subscriptions/" + PUBSUB_ID);
    private static final Pattern MANAGED_ZONE = Pattern.compile("projects/" + PROJECT + "/managedZones/" + LOWER_ID);
    private static final Pattern REPOSITORY = Pattern.compile("projects/" + PROJECT + "/locations/" + LOCATION + "/repositories/" + LOWER_ID);

    private GcpResourceNames() {
    }

    static String requireSecret(String field, String name) {
        return require(field, name, SECRET, SECRET_RULE);
    }

    static String requireCryptoKey(String field, String name) {
        return require(field, name, CRYPTO_KEY, CRYPTO_KEY_RULE);
    }

    static String requireTopic(String field, String name) {
        return require(field, name, TOPIC, TOPIC_RULE);
    }

    static String requireSubscription(String field, String name) {
        return require(field, name, SUBSCRIPTION, SUBSCRIPTION_RULE);
    }

    static String requireManagedZone(String field, String name) {
        return require(field, name, MANAGED_ZONE, MANAGED_ZONE_RULE);
    }

    static String requireRepository(String field, String name) {
        return require(field, name, REPOSITORY, REPOSITORY_RULE);
    }

    /**
     * The label a resource named in full gets in its grant's child key: the name's values without
     * their collection words, joined by '.', e.g. {@code shop-prod-4711.db-password} for
     * {@code projects/shop-prod-4711/secrets/db-password}. Only the last value may contain a '.'
     * (a Pub/Sub id), so the label names one resource of a kind.
     */
    static String label(String fullName) {
        var parts = fullName.split("/");
        var label = new StringBuilder();
        for (int i = 1; i < parts.length; i += 2) {
            label.append(label.isEmpty() ? "" : ".").append(parts[i]);
        }
        return label.toString();
    }

    static final String PROJECT_ID_RULE = "a project ID (6 to 30 characters of [a-z0-9-], starting with a letter, "
            + "not ending with '-') or a project number";
    static final String ZONE_ID_RULE = "a Cloud DNS managed zone's name (not its DNS name): 1 to 63 characters of [a-z0-9-] "
            + "starting with a letter and ending with a letter or digit";
    static final String SECRET_ID_RULE = "a Secret Manager secret ID: 1 to 255 characters of [A-Za-z0-9_-] (no wildcard, no path)";

    private static final Pattern PROJECT_ONLY = Pattern.compile(PROJECT);
    private static final Pattern ZONE_ID = Pattern.compile(LOWER_ID);
    private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /** A project ID or number on its own, for callers that compose a full name from its parts. */
    static String requireProject(String field, String project) {
        return require(field, project, PROJECT_ONLY, PROJECT_ID_RULE);
    }

    /** A managed zone's own name, the last segment of {@link #requireManagedZone its resource name}. */
    static String requireManagedZoneId(String field, String zone) {
        return require(field, zone, ZONE_ID, ZONE_ID_RULE);
    }

    /** A secret's own ID, the last segment of {@link #requireSecret its resource name}. */
    static String requireSecretId(String field, String secretId) {
        return require(field, secretId, SECRET_ID, SECRET_ID_RULE);
    }

    private static String require(String field, String name, Pattern pattern, String rule) {
        if (name == null || !pattern.matcher(name).matches()) {
            throw InvalidInputException.of(field, name, rule);
        }
        return name;
    }
}
