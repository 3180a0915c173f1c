package dev.keyless.landingzone.clouds;

import dev.keyless.aws.EcrAccess;
import dev.keyless.aws.KmsAccess;
import dev.keyless.aws.Route53Access;
import dev.keyless.aws.SecretsManagerAccess;
import dev.keyless.aws.SnsAccess;
import dev.keyless.aws.SqsAccess;
import dev.keyless.aws.SsmParameterAccess;
import dev.keyless.landingzone.config.StoreKind;
import dev.keyless.landingzone.config.StoreKind.Accesses;
import dev.keyless.landingzone.config.StoreKind.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The existing AWS resources a store may name besides a bucket, each granted by its catalog grant:
 * Secrets Manager secrets and SSM parameters (with the customer key they are encrypted under, when
 * named), KMS keys, SQS queues, SNS topics, Route 53 hosted zones and ECR repositories.
 */
final class AwsStoreKinds {
    private static final String ARN = "arn";
    private static final String KEY_ARN = "keyArn";

    /** Kind name to kind, in the order the README lists them. */
    static final Map<String, StoreKind> KINDS = kinds(
            new StoreKind("secret", Map.of(ARN, "the secret's full ARN, arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-SUFFIX"),
                    List.of(KEY_ARN), new Accesses().with("read", AwsStoreKinds::secret).all(), Map.of("secret", ARN, "decryptingWith", KEY_ARN)),
            new StoreKind("parameter", Map.of(ARN, "the parameter's ARN, arn:aws:ssm:REGION:ACCOUNT:parameter/NAME"),
                    List.of(KEY_ARN), new Accesses().with("read", AwsStoreKinds::parameter).all(), Map.of("parameter", ARN, "decryptingWith", KEY_ARN)),
            new StoreKind("parameterPath", Map.of(ARN, "the path's ARN, arn:aws:ssm:REGION:ACCOUNT:parameter/PATH"),
                    List.of(KEY_ARN), new Accesses().with("read", AwsStoreKinds::parameterPath).all(), Map.of("path", ARN, "decryptingWith", KEY_ARN)),
            new StoreKind("key", Map.of(ARN, "the key's ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY_ID"), List.of("viaService"),
                    new Accesses().with("decrypt", settings -> viaService(KmsAccess.decrypt(settings.get(ARN)), settings))
                            .with("encryptDecrypt", settings -> viaService(KmsAccess.encryptDecrypt(settings.get(ARN)), settings)).all(),
                    Map.of("key", ARN)),
            new StoreKind("queue", Map.of(ARN, "the queue's ARN, arn:aws:sqs:REGION:ACCOUNT:NAME"), List.of(),
                    new Accesses().with("send", settings -> SqsAccess.send(settings.get(ARN)))
                            .with("consume", settings -> SqsAccess.consume(settings.get(ARN)))
                            .with("sendAndConsume", settings -> SqsAccess.sendAndConsume(settings.get(ARN))).all(),
                    Map.of("queue", ARN)),
            new StoreKind("topic", Map.of(ARN, "the topic's ARN, arn:aws:sns:REGION:ACCOUNT:NAME"), List.of(),
                    new Accesses().with("publish", settings -> SnsAccess.publish(settings.get(ARN))).all(), Map.of("topic", ARN)),
            new StoreKind("zone", Map.of("zoneId", "the hosted zone's id, e.g. Z0123456789ABCDEFGHIJ"), List.of(),
                    new Accesses().with("readRecords", settings -> Route53Access.readRecords(settings.get("zoneId")))
                            .with("changeRecords", settings -> Route53Access.changeRecords(settings.get("zoneId"))).all(),
                    Map.of("zone", "zoneId")),
            new StoreKind("registry", Map.of(ARN, "the repository's ARN, arn:aws:ecr:REGION:ACCOUNT:repository/NAME"), List.of(),
                    new Accesses().with("pull", settings -> EcrAccess.pull(settings.get(ARN)))
                            .with("push", settings -> EcrAccess.push(settings.get(ARN))).all(),
                    Map.of("repository", ARN)));

    private AwsStoreKinds() {
    }

    private static SecretsManagerAccess secret(Settings settings) {
        var grant = SecretsManagerAccess.readOnly(settings.get(ARN));
        return settings.find(KEY_ARN).map(grant::decryptingWith).orElse(grant);
    }

    private static SsmParameterAccess parameter(Settings settings) {
        var grant = SsmParameterAccess.readOnly(settings.get(ARN));
        return settings.find(KEY_ARN).map(grant::decryptingWith).orElse(grant);
    }

    private static SsmParameterAccess parameterPath(Settings settings) {
        var grant = SsmParameterAccess.readOnlyUnderPath(settings.get(ARN));
        return settings.find(KEY_ARN).map(grant::decryptingWith).orElse(grant);
    }

    private static KmsAccess viaService(KmsAccess grant, Settings settings) {
        return settings.find("viaService").map(grant::viaService).orElse(grant);
    }

    static Map<String, StoreKind> kinds(StoreKind... kinds) {
        var byName = new LinkedHashMap<String, StoreKind>();
        for (var kind : kinds) {
            byName.put(kind.name(), kind);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
