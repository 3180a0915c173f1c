package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import org.junit.jupiter.api.Test;

class DataFlowRulesTest {
    private static final String SECRET = "kubernetes:core/v1:Secret";
    private static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String ACCESS_KEY = Fixtures.urn("aws:iam/accessKey:AccessKey", "ci");
    private static final String GSA_KEY = Fixtures.urn("gcp:serviceaccount/key:Key", "ci");
    private static final String ACCOUNT = Fixtures.urn("azure-native:storage:StorageAccount", "data");

    private static String builtFrom(String property, String... urns) {
        return "\"propertyDependencies\":{\"" + property + "\":[\"" + String.join("\",\"", urns) + "\"]}";
    }

    private static String pod(String env) {
        return "{\"spec\":{\"template\":{\"spec\":{\"serviceAccountName\":\"a\",\"containers\":[{\"name\":\"c\",\"env\":[" + env + "]}]}}}}";
    }

    @Test
    void aSecretOrConfigMapBuiltFromASameStackAccessKeyIsAFindingWhateverItsValue() {
        assertThat(check(new CredentialBuiltValueRule(),
                step("aws:iam/accessKey:AccessKey", "ci", "{\"user\":\"ci\"}"),
                Fixtures.step(SECRET, "creds", "{\"stringData\":{\"id\":\"" + U + "\",\"secret\":\"[secret]\"}}",
                        builtFrom("stringData", ACCESS_KEY)),
                Fixtures.step(CONFIG_MAP, "ids", "{\"data\":\"" + U + "\"}", builtFrom("data", ACCESS_KEY)),
                Fixtures.step(SECRET, "named-only", "{\"stringData\":{\"user\":\"ci\"}}", builtFrom("metadata", ACCESS_KEY))))
                .containsExactly("creds: stringData built from AccessKey ci",
                        "ids: data built from AccessKey ci");
    }

    @Test
    void aKeyIsFollowedThroughTheResourcesItWasCopiedInto() {
        String version = Fixtures.urn("gcp:secretmanager/secretVersion:SecretVersion", "sa-key");
        assertThat(check(new CredentialBuiltValueRule(),
                step("gcp:serviceaccount/key:Key", "ci", "{}"),
                Fixtures.step("gcp:secretmanager/secretVersion:SecretVersion", "sa-key", "{\"secretData\":\"[secret]\"}",
                        builtFrom("secretData", GSA_KEY)),
                Fixtures.step(RELEASE, "app", "{\"values\":{\"gcs\":{\"credentials\":\"" + U + "\"}}}", builtFrom("values", version)),
                Fixtures.step(DEPLOYMENT, "app", pod("{\"name\":\"GOOGLE_CREDENTIALS\",\"value\":\"" + U + "\"}"), builtFrom("spec", GSA_KEY))))
                .containsExactly(
                        "app: values built from Key ci through SecretVersion sa-key",
                        "app: spec built from Key ci");
    }

    @Test
    void aStorageAccountsKeysAreFindingsUnderKeyNamesButItsNameIsNot() {
        assertThat(check(new CredentialBuiltValueRule(),
                step("azure-native:storage:StorageAccount", "data", "{}"),
                Fixtures.step(SECRET, "keyed", "{\"stringData\":{\"accountName\":\"" + U + "\",\"accountKey\":\"[secret]\"}}",
                        builtFrom("stringData", ACCOUNT)),
                Fixtures.step(SECRET, "whole", "{\"stringData\":\"" + U + "\"}", builtFrom("stringData", ACCOUNT)),
                Fixtures.step(DEPLOYMENT, "app", pod("{\"name\":\"AZURE_STORAGE_CONNECTION_STRING\",\"value\":\"DefaultEndpointsProtocol=https;AccountName=" + U + "\"}"),
                        builtFrom("spec", ACCOUNT)),
                Fixtures.step(CONFIG_MAP, "name-only", "{\"data\":{\"AZURE_STORAGE_ACCOUNT\":\"" + U + "\",\"STORAGE_KEY_PREFIX\":\"charts/\"}}",
                        builtFrom("data", ACCOUNT)),
                Fixtures.step(RELEASE, "empty-credential", "{\"values\":{\"env\":[{\"name\":\"JCLOUDS_CREDENTIAL\",\"value\":\"\"},"
                        + "{\"name\":\"JCLOUDS_ENDPOINT\",\"value\":\"" + U + "\"}]}}", builtFrom("values", ACCOUNT))))
                .containsExactly(
                        "keyed: stringData.accountKey built from StorageAccount data's keys",
                        "whole: stringData (unknown) built from StorageAccount data's keys",
                        "app: spec.template.spec.containers[0].env[0] AZURE_STORAGE_CONNECTION_STRING built from StorageAccount data's keys");
    }

    @Test
    void anEnvEntryReadingACloudCredentialFromASecretIsAFinding() {
        assertThat(check(new EnvCredentialReferenceRule(),
                step(DEPLOYMENT, "by-name", pod("{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"aws\",\"key\":\"secret\"}}}")),
                step(DEPLOYMENT, "by-key", pod("{\"name\":\"CLIENT_SECRET\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"sp\",\"key\":\"AZURE_CLIENT_SECRET\"}}}")),
                step(RELEASE, "chart", "{\"values\":{\"extraEnv\":[{\"name\":\"GOOGLE_APPLICATION_CREDENTIALS\",\"valueFrom\":"
                        + "{\"secretKeyRef\":{\"name\":\"gsa\",\"key\":\"key.json\"}}}]}}"),
                step(DEPLOYMENT, "other-secret", pod("{\"name\":\"DATABASE_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\",\"key\":\"password\"}}}"))))
                .containsExactly(
                        "by-name: spec.template.spec.containers[0].env[0] AWS_SECRET_ACCESS_KEY from Secret aws key secret",
                        "by-key: spec.template.spec.containers[0].env[0] CLIENT_SECRET from Secret sp key AZURE_CLIENT_SECRET",
                        "chart: values.extraEnv[0] GOOGLE_APPLICATION_CREDENTIALS from Secret gsa key key.json");
    }

    @Test
    void literalAccessKeyIdsAndClientSecretsAreFindingsButPlaceholdersAndUnknownsAreNot() {
        assertThat(check(new EnvCredentialReferenceRule(),
                step(DEPLOYMENT, "long-term", pod("{\"name\":\"AWS_ACCESS_KEY_ID\",\"value\":\"AKIAIOSFODNN7EXAMPLE\"}")),
                step(RELEASE, "temporary", "{\"values\":{\"env\":{\"open\":{\"AWS_ACCESS_KEY_ID\":\"ASIAIOSFODNN7EXAMPLE\"}}}}"),
                step(CONFIG_MAP, "client", "{\"data\":{\"AZURE_CLIENT_SECRET\":\"s3cr3t~value\"}}"),
                step(RELEASE, "loopback", "{\"values\":{\"env\":{\"open\":{\"AWS_ACCESS_KEY_ID\":\"unused-loopback-s3proxy-needs-no-credential\"}}}}"),
                step(DEPLOYMENT, "unknown", pod("{\"name\":\"AWS_ACCESS_KEY_ID\",\"value\":\"" + U + "\"},{\"name\":\"AZURE_CLIENT_SECRET\",\"value\":\"\"}"))))
                .containsExactly(
                        "long-term: spec.template.spec.containers[0].env[0] AWS_ACCESS_KEY_ID: access key id AKIAIOSF…",
                        "temporary: values.env.open.AWS_ACCESS_KEY_ID: access key id ASIAIOSF…",
                        "client: data.AZURE_CLIENT_SECRET: a service principal secret");
    }

    @Test
    void aKeyFileFromASecretVolumeIsAFindingButAFederationConfigFromAConfigMapIsNot() {
        String keyFile = "{\"spec\":{\"serviceAccountName\":\"a\",\"containers\":[{\"name\":\"c\","
                + "\"env\":[{\"name\":\"GOOGLE_APPLICATION_CREDENTIALS\",\"value\":\"/var/secrets/google/key.json\"}],"
                + "\"volumeMounts\":[{\"name\":\"gsa\",\"mountPath\":\"/var/secrets/google\"}]}],"
                + "\"volumes\":[{\"name\":\"gsa\",\"secret\":{\"secretName\":\"gsa-key\"}}]}}";
        String federation = keyFile.replace("{\"secret\":{\"secretName\":\"gsa-key\"}}", "")
                .replace("\"secret\":{\"secretName\":\"gsa-key\"}", "\"configMap\":{\"name\":\"credential-configuration\"}");
        assertThat(check(new EnvCredentialReferenceRule(),
                step("kubernetes:core/v1:Pod", "key-file", keyFile),
                step("kubernetes:core/v1:Pod", "federation", federation)))
                .containsExactly("key-file: spec.containers[0] GOOGLE_APPLICATION_CREDENTIALS /var/secrets/google/key.json: "
                        + "a key file from Secret gsa-key");
    }
}
