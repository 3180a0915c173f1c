package dev.keyless.audit.rules;

import static dev.keyless.audit.Fixtures.U;
import static dev.keyless.audit.rules.RuleChecks.check;
import static dev.keyless.audit.rules.RuleChecks.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StaticCredentialRulesTest {
    private static final String SA_KEY =
            "{\"type\":\"service_account\",\"client_email\":\"ci@p.iam.gserviceaccount.com\",\"private_key\":\"-----BEGIN\"}";
    private static final String SECRET = "kubernetes:core/v1:Secret";

    @Test
    void accessKeysAndServiceAccountKeysAreFindingsWhateverTheirValues() {
        assertThat(check(new AwsAccessKeyRule(), step("aws:iam/accessKey:AccessKey", "k", "{\"user\":\"" + U + "\"}")))
                .containsExactly("k: access key for user " + U);
        assertThat(check(new GcpServiceAccountKeyRule(), step("gcp:serviceaccount/key:Key", "k", "{}")))
                .containsExactly("k: key for ?");
    }

    @Test
    void aSecretKeyNamedLikeACloudKeyIsAFindingUnlessEmpty() {
        assertThat(check(new KubernetesSecretKeyRule(),
                step(SECRET, "named", "{\"data\":{\"aws_secret_access_key\":\"" + U + "\"}}"),
                step(SECRET, "empty", "{\"stringData\":{\"AZURE_STORAGE_ACCESS_KEY\":\"\"}}")))
                .containsExactly("named: data.aws_secret_access_key");
    }

    @Test
    void aSecretValueIsReadAsAKeyWhenKnown() {
        String encoded = Base64.getEncoder().encodeToString(SA_KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(check(new KubernetesSecretKeyRule(),
                step(SECRET, "gsa", "{\"data\":{\"key.json\":\"" + encoded + "\"}}"),
                step(SECRET, "file", "{\"stringData\":{\"credentials\":\"[default]\\naws_secret_access_key = abc\\n\"}}"),
                step(SECRET, "conn", "{\"stringData\":{\"db\":\"AccountName=a;AccountKey=b\"}}"),
                step(SECRET, "unknown", "{\"stringData\":{\"key.json\":\"" + U + "\"}}"),
                step(SECRET, "plain", "{\"stringData\":{\"config\":\"{\\\"type\\\":\\\"config\\\"}\"}}")))
                .containsExactly(
                        "gsa: data.key.json: Google service-account key for ci@p.iam.gserviceaccount.com",
                        "file: stringData.credentials: AWS credentials file",
                        "conn: stringData.db: Azure connection string with AccountKey");
    }

    @Test
    void helmValuesAreWalkedForEnvMapsAndKeys() {
        String values = "{\"values\":{\"env\":{\"open\":{\"AWS_SECRET_ACCESS_KEY\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\"STORAGE\":\"amazon\"}},"
                + "\"gcs\":{\"credentials\":" + RuleChecks.quoted(SA_KEY) + "},\"empty\":{\"AWS_SECRET_ACCESS_KEY\":\"\"}}}";
        assertThat(check(new WorkloadEnvKeyRule(),
                step("kubernetes:helm.sh/v3:Release", "chart", values),
                step("kubernetes:core/v1:ConfigMap", "ignored", "{\"data\":{\"AWS_SECRET_ACCESS_KEY\":\"x\"}}")))
                .containsExactly(
                        "chart: values.env.open.AWS_SECRET_ACCESS_KEY",
                        "chart: values.gcs.credentials: Google service-account key for ci@p.iam.gserviceaccount.com");
    }

    @Test
    void aVisibleValueThatCannotBeAKeyIsNoFindingButASecretOrUnknownOneIs() {
        String values = "{\"values\":{\"env\":{\"open\":{\"AWS_SECRET_ACCESS_KEY\":\"unused-loopback-s3proxy-needs-no-credential\"}},"
                + "\"a\":{\"AWS_SECRET_ACCESS_KEY\":\"[secret]\"},\"b\":{\"AZURE_STORAGE_ACCESS_KEY\":\"short\"},"
                + "\"c\":{\"AZURE_STORAGE_ACCESS_KEY\":\"" + "A".repeat(86) + "==\"}}}";
        assertThat(check(new WorkloadEnvKeyRule(), step("kubernetes:helm.sh/v3:Release", "chart", values)))
                .containsExactly("chart: values.a.AWS_SECRET_ACCESS_KEY", "chart: values.c.AZURE_STORAGE_ACCESS_KEY");
    }

    @Test
    void containerEnvCountsValuesButNotSecretReferencesOrEmptyValues() {
        String pod = "{\"spec\":{\"containers\":[{\"name\":\"c\",\"env\":["
                + "{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"s\",\"key\":\"k\"}}},"
                + "{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\"\"},"
                + "{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\"" + U + "\"}]}]}}";
        assertThat(check(new WorkloadEnvKeyRule(), step("kubernetes:core/v1:Pod", "p", pod)))
                .containsExactly("p: spec.containers[0].env[2] AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void sharedKeyAccessIsAFindingWhenTrueOrUnsetButNotWhenUnknown() {
        String account = "azure-native:storage:StorageAccount";
        assertThat(check(new StorageAccountSharedKeyRule(),
                step(account, "unset", "{}"),
                step(account, "on", "{\"allowSharedKeyAccess\":true}"),
                step(account, "off", "{\"allowSharedKeyAccess\":false}"),
                step(account, "unknown", "{\"allowSharedKeyAccess\":\"" + U + "\"}"),
                step("azure-native:storage/v20230101:StorageAccount", "versioned", "{}")))
                .containsExactly("unset: allowSharedKeyAccess: unset (Azure allows)", "on: allowSharedKeyAccess: true",
                        "versioned: allowSharedKeyAccess: unset (Azure allows)");
    }
}
