package dev.keyless.landingzone.clouds;

import dev.keyless.gcp.ArtifactRegistryAccess;
import dev.keyless.gcp.DnsZoneAccess;
import dev.keyless.gcp.KmsKeyAccess;
import dev.keyless.gcp.PubSubAccess;
import dev.keyless.gcp.SecretAccess;
import dev.keyless.landingzone.config.StoreKind;
import dev.keyless.landingzone.config.StoreKind.Accesses;

import java.util.List;
import java.util.Map;

/**
 * The existing Google Cloud resources a store may name besides a bucket, each by its full resource
 * name and granted by its catalog grant, a role on that one resource: Secret Manager secrets, Cloud
 * KMS keys, Pub/Sub topics and subscriptions, Cloud DNS managed zones and Artifact Registry repositories.
 */
final class GcpStoreKinds {
    private static final String NAME = "name";

    /** Kind name to kind. */
    static final Map<String, StoreKind> KINDS = AwsStoreKinds.kinds(
            new StoreKind("secret", Map.of(NAME, "the secret's resource name, projects/PROJECT/secrets/SECRET_ID"), List.of(),
                    new Accesses().with("read", settings -> SecretAccess.readOnly(settings.get(NAME)))
                            .with("addVersions", settings -> SecretAccess.addVersions(settings.get(NAME))).all(),
                    Map.of("secret", NAME)),
            new StoreKind("key", Map.of(NAME, "the key's resource name, projects/P/locations/L/keyRings/R/cryptoKeys/K"), List.of(),
                    new Accesses().with("encryptDecrypt", settings -> KmsKeyAccess.encryptDecrypt(settings.get(NAME)))
                            .with("encrypt", settings -> KmsKeyAccess.encryptOnly(settings.get(NAME)))
                            .with("decrypt", settings -> KmsKeyAccess.decryptOnly(settings.get(NAME))).all(),
                    Map.of("key", NAME)),
            new StoreKind("topic", Map.of(NAME, "the topic's resource name, projects/PROJECT/topics/TOPIC"), List.of(),
                    new Accesses().with("publish", settings -> PubSubAccess.publish(settings.get(NAME))).all(), Map.of("topic", NAME)),
            new StoreKind("subscription", Map.of(NAME, "the subscription's resource name, projects/PROJECT/subscriptions/SUBSCRIPTION"),
                    List.of(), new Accesses().with("subscribe", settings -> PubSubAccess.subscribe(settings.get(NAME))).all(),
                    Map.of("subscription", NAME)),
            new StoreKind("zone", Map.of(NAME, "the managed zone's resource name, projects/PROJECT/managedZones/ZONE"), List.of(),
                    new Accesses().with("read", settings -> DnsZoneAccess.readOnly(settings.get(NAME)))
                            .with("readWrite", settings -> DnsZoneAccess.readWrite(settings.get(NAME))).all(),
                    Map.of("zone", NAME)),
            new StoreKind("registry", Map.of(NAME, "the repository's resource name, projects/P/locations/L/repositories/R"), List.of(),
                    new Accesses().with("read", settings -> ArtifactRegistryAccess.readOnly(settings.get(NAME)))
                            .with("readWrite", settings -> ArtifactRegistryAccess.readWrite(settings.get(NAME))).all(),
                    Map.of("repository", NAME)));

    private GcpStoreKinds() {
    }
}
