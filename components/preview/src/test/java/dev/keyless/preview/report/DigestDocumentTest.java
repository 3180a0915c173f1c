package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.StackSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole document, character for character, against one written by hand in the form
 * {@code pulumi preview --json} prints for a new stack of a Java program: Go's four-space
 * indentation and HTML-safe strings, no default-provider steps, no outputs, an entry in
 * {@code propertyDependencies} for every input, and {@code sourcePosition} absent because Pulumi
 * Java sends none.
 */
class DigestDocumentTest {
    private static final String STACK = Registered.STACK_URN;
    private static final String BUCKET = "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::charts";
    private static final String KEY = "urn:pulumi:dev::demo::aws:iam/accessKey:AccessKey::ci";

    @Test
    void matchesADocumentInPulumisForm() {
        var bucket = new RegisteredResource(BUCKET, "aws:s3/bucketV2:BucketV2", "charts", STACK, true, false, "charts-id", "",
                Map.of("bucket", "charts-store"), Map.of("bucket", "charts-store"), List.of(), Map.of("bucket", List.of()),
                false, true, false, "", "6.83.0", List.of());
        var key = new RegisteredResource(KEY, "aws:iam/accessKey:AccessKey", "ci", STACK, true, false, "ci-id", "",
                new TreeMap<>(Map.of("pgpKey", "<keybase:ci>", "user", "ci & co")), Map.of("user", "ci & co"),
                List.of(BUCKET), Map.of("user", List.of(BUCKET)),
                false, false, false, "", "6.83.0", List.of("secret", "sesSmtpPasswordV4"));
        var deployment = Registered.deployment(Registered.stack(), bucket, key);
        var settings = StackSettings.of("demo", "dev").withConfig("aws:region", "eu-west-1");

        assertThat(PreviewJson.render(deployment, settings, Duration.ofSeconds(2))).isEqualTo("""
                {
                    "config": {
                        "aws:region": "eu-west-1"
                    },
                    "steps": [
                        {
                            "op": "create",
                            "urn": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                            "newState": {
                                "urn": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                                "custom": false,
                                "type": "pulumi:pulumi:Stack"
                            },
                            "detailedDiff": null
                        },
                        {
                            "op": "create",
                            "urn": "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::charts",
                            "provider": "urn:pulumi:dev::demo::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                            "newState": {
                                "urn": "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::charts",
                                "custom": true,
                                "type": "aws:s3/bucketV2:BucketV2",
                                "inputs": {
                                    "bucket": "charts-store"
                                },
                                "parent": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                                "provider": "urn:pulumi:dev::demo::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                                "propertyDependencies": {
                                    "bucket": []
                                },
                                "retainOnDelete": true
                            },
                            "detailedDiff": null
                        },
                        {
                            "op": "create",
                            "urn": "urn:pulumi:dev::demo::aws:iam/accessKey:AccessKey::ci",
                            "provider": "urn:pulumi:dev::demo::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                            "newState": {
                                "urn": "urn:pulumi:dev::demo::aws:iam/accessKey:AccessKey::ci",
                                "custom": true,
                                "type": "aws:iam/accessKey:AccessKey",
                                "inputs": {
                                    "pgpKey": "\\u003ckeybase:ci\\u003e",
                                    "user": "ci \\u0026 co"
                                },
                                "parent": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                                "dependencies": [
                                    "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::charts"
                                ],
                                "provider": "urn:pulumi:dev::demo::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                                "propertyDependencies": {
                                    "pgpKey": [],
                                    "user": [
                                        "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::charts"
                                    ]
                                },
                                "additionalSecretOutputs": [
                                    "secret",
                                    "sesSmtpPasswordV4"
                                ]
                            },
                            "detailedDiff": null
                        }
                    ],
                    "duration": 2000000000,
                    "changeSummary": {
                        "create": 3
                    }
                }
                """);
    }
}
