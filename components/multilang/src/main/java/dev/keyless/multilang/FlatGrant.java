package dev.keyless.multilang;

import com.pulumi.core.Output;
import dev.keyless.aws.AwsCloud;
import dev.keyless.aws.EcrAccess;
import dev.keyless.aws.KmsAccess;
import dev.keyless.aws.Route53Access;
import dev.keyless.aws.S3Access;
import dev.keyless.aws.SecretsManagerAccess;
import dev.keyless.aws.SnsAccess;
import dev.keyless.aws.SqsAccess;
import dev.keyless.aws.SsmParameterAccess;
import dev.keyless.azure.AzureCloud;
import dev.keyless.azure.BlobAccess;
import dev.keyless.azure.ContainerRegistryAccess;
import dev.keyless.azure.KeyVaultKeyAccess;
import dev.keyless.azure.KeyVaultSecretAccess;
import dev.keyless.azure.ServiceBusAccess;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.Cloud;
import dev.keyless.core.InvalidInputException;
import dev.keyless.gcp.ArtifactRegistryAccess;
import dev.keyless.gcp.GcpCloud;
import dev.keyless.gcp.GcsAccess;
import dev.keyless.gcp.KmsKeyAccess;
import dev.keyless.gcp.PubSubAccess;
import dev.keyless.gcp.SecretAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A flat grant ({@code keyless:index:Grant}): {@code {kind, resource, access}} and the kind's
 * options, read into the typed API's grant of that kind. Every kind of the catalog is one entry of
 * {@link #KINDS} (its cloud, resource form, access levels and options), so adding a kind is one entry
 * here, never an {@code if} in a component; the schema's descriptions are written from the same table.
 *
 * <p>A grant on another cloud than the cluster's is given to the typed component as it is, which
 * federates the cluster's issuer into that cloud as the Java API does ({@code CloudPlans}: the
 * cloud's default federation). A kind that federation cannot place is refused here, at its path.
 */
final class FlatGrant {
    /**
     * What a flat grant names: its plain value, known at preview, or an output (another resource's
     * value) with the stable key the typed factories need for it.
     */
    private record Target(Optional<String> plain, String key, Output<String> output) {
    }

    @FunctionalInterface
    private interface Factory {
        AccessGrant grant(Target target, String path);
    }

    /** An option a kind takes beside its resource, e.g. {@code prefix}, applied to the typed grant. */
    private record Option(String field, String meaning, BiFunction<AccessGrant, String, AccessGrant> apply) {
    }

    /**
     * @param cloud        the cloud the grant is on
     * @param resourceForm what {@code resource} holds, for messages and the schema
     * @param oneName      whether the resource is one name (which may be an output); Azure's are several, resource group first
     * @param access       each access level and the typed factory for it, the first the schema's example
     * @param options      the options the kind takes
     * @param federated    empty when the cloud's default federation can place the grant from another cloud's
     *                     cluster; else why not
     */
    private record Kind(Cloud cloud, String resourceForm, boolean oneName, Map<String, Factory> access, List<Option> options,
                        Optional<String> federated) {
    }

    // (cloud, kind) -> how it reads. Two clouds may use one kind name (dnsZone): `cloud` tells them apart.
    private static final Map<String, Map<String, Kind>> KINDS = new LinkedHashMap<>();

    private static final Option S3_PREFIX = new Option("prefix", "object keys starting with it",
            (grant, prefix) -> ((S3Access) grant).prefix(prefix));
    private static final Option GCS_PREFIX = new Option("prefix", "object names starting with it",
            (grant, prefix) -> ((GcsAccess) grant).prefix(prefix));
    private static final Option SECRET_KEY = new Option("kmsKeyArn", "the customer-managed KMS key the secret is encrypted with, to decrypt it",
            (grant, key) -> ((SecretsManagerAccess) grant).decryptingWith(key));
    private static final Option PARAMETER_KEY = new Option("kmsKeyArn", "the customer-managed KMS key of SecureString parameters, to decrypt them",
            (grant, key) -> ((SsmParameterAccess) grant).decryptingWith(key));
    private static final Option VIA_SERVICE = new Option("viaService", "only through this AWS service (kms:ViaService), e.g. s3",
            (grant, service) -> ((KmsAccess) grant).viaService(service));
    private static final String AZURE_NOT_FEDERATED = "a managed identity federated from another cloud's cluster needs its "
            + "resource group, which keyless takes only from blob grants; create the cluster on AKS or grant on blob containers";

    static {
        var aws = AwsCloud.CLOUD;
        kind(aws, "s3", "a bucket name", List.of(S3_PREFIX),
                access("readOnly", single(S3Access::readOnly, S3Access::readOnly)),
                access("readWrite", single(S3Access::readWrite, S3Access::readWrite)));
        kind(aws, "secretsManager", "a secret's full ARN", List.of(SECRET_KEY),
                access("readOnly", single(SecretsManagerAccess::readOnly, SecretsManagerAccess::readOnly)));
        kind(aws, "ssmParameter", "a parameter's ARN (readOnlyUnderPath: a path's ARN)", List.of(PARAMETER_KEY),
                access("readOnly", single(SsmParameterAccess::readOnly, SsmParameterAccess::readOnly)),
                access("readOnlyUnderPath", single(SsmParameterAccess::readOnlyUnderPath, SsmParameterAccess::readOnlyUnderPath)));
        kind(aws, "kms", "a KMS key's ARN", List.of(VIA_SERVICE),
                access("decrypt", single(KmsAccess::decrypt, KmsAccess::decrypt)),
                access("encryptDecrypt", single(KmsAccess::encryptDecrypt, KmsAccess::encryptDecrypt)));
        kind(aws, "sqs", "a queue's ARN", List.of(),
                access("send", single(SqsAccess::send, SqsAccess::send)),
                access("consume", single(SqsAccess::consume, SqsAccess::consume)),
                access("sendAndConsume", single(SqsAccess::sendAndConsume, SqsAccess::sendAndConsume)));
        kind(aws, "sns", "a topic's ARN", List.of(),
                access("publish", single(SnsAccess::publish, SnsAccess::publish)));
        kind(aws, "ecr", "a repository's ARN", List.of(),
                access("pull", single(EcrAccess::pull, EcrAccess::pull)),
                access("push", single(EcrAccess::push, EcrAccess::push)));
        kind(aws, "route53", "a hosted zone's id", List.of(),
                access("readRecords", single(Route53Access::readRecords, Route53Access::readRecords)),
                access("changeRecords", single(Route53Access::changeRecords, Route53Access::changeRecords)));

        var gcp = GcpCloud.CLOUD;
        kind(gcp, "gcs", "a bucket name", List.of(GCS_PREFIX),
                access("readOnly", single(GcsAccess::readOnly, GcsAccess::readOnly)),
                access("readWrite", single(GcsAccess::readWrite, GcsAccess::readWrite)));
        kind(gcp, "secret", "projects/PROJECT/secrets/SECRET", List.of(),
                access("readOnly", single(SecretAccess::readOnly, SecretAccess::readOnly)),
                access("addVersions", single(SecretAccess::addVersions, SecretAccess::addVersions)));
        kind(gcp, "kmsKey", "projects/PROJECT/locations/LOCATION/keyRings/RING/cryptoKeys/KEY", List.of(),
                access("encryptDecrypt", single(KmsKeyAccess::encryptDecrypt, KmsKeyAccess::encryptDecrypt)),
                access("encryptOnly", single(KmsKeyAccess::encryptOnly, KmsKeyAccess::encryptOnly)),
                access("decryptOnly", single(KmsKeyAccess::decryptOnly, KmsKeyAccess::decryptOnly)));
        kind(gcp, "pubSub", "projects/PROJECT/topics/TOPIC (publish) or projects/PROJECT/subscriptions/SUBSCRIPTION (subscribe)", List.of(),
                access("publish", single(PubSubAccess::publish, PubSubAccess::publish)),
                access("subscribe", single(PubSubAccess::subscribe, PubSubAccess::subscribe)));
        kind(gcp, "dnsZone", "projects/PROJECT/managedZones/ZONE", List.of(),
                access("readOnly", single(dev.keyless.gcp.DnsZoneAccess::readOnly, dev.keyless.gcp.DnsZoneAccess::readOnly)),
                access("readWrite", single(dev.keyless.gcp.DnsZoneAccess::readWrite, dev.keyless.gcp.DnsZoneAccess::readWrite)));
        kind(gcp, "artifactRegistry", "projects/PROJECT/locations/LOCATION/repositories/REPOSITORY", List.of(),
                access("readOnly", single(ArtifactRegistryAccess::readOnly, ArtifactRegistryAccess::readOnly)),
                access("readWrite", single(ArtifactRegistryAccess::readWrite, ArtifactRegistryAccess::readWrite)));

        var azure = AzureCloud.CLOUD;
        azureKind("blob", "RESOURCE_GROUP/STORAGE_ACCOUNT/CONTAINER", Optional.empty(),
                access("readOnly", parts(List.of(3), p -> BlobAccess.readOnly(p[0], p[1], p[2]))),
                access("readWrite", parts(List.of(3), p -> BlobAccess.readWrite(p[0], p[1], p[2]))));
        azureKind("keyVaultSecret", "RESOURCE_GROUP/VAULT/SECRET (one secret) or RESOURCE_GROUP/VAULT (every secret)",
                Optional.of(AZURE_NOT_FEDERATED),
                access("readOnly", parts(List.of(2, 3), p -> p.length == 2 ? KeyVaultSecretAccess.readOnly(p[0], p[1]) : KeyVaultSecretAccess.readOnly(p[0], p[1], p[2]))),
                access("readWrite", parts(List.of(2, 3), p -> p.length == 2 ? KeyVaultSecretAccess.readWrite(p[0], p[1]) : KeyVaultSecretAccess.readWrite(p[0], p[1], p[2]))));
        azureKind("keyVaultKey", "RESOURCE_GROUP/VAULT/KEY", Optional.of(AZURE_NOT_FEDERATED),
                access("cryptoUser", parts(List.of(3), p -> KeyVaultKeyAccess.cryptoUser(p[0], p[1], p[2]))));
        azureKind("serviceBus", "RESOURCE_GROUP/NAMESPACE/QUEUE_OR_TOPIC (receiveFromSubscription: RESOURCE_GROUP/NAMESPACE/TOPIC/SUBSCRIPTION)",
                Optional.of(AZURE_NOT_FEDERATED),
                access("sendToQueue", parts(List.of(3), p -> ServiceBusAccess.sendToQueue(p[0], p[1], p[2]))),
                access("sendToTopic", parts(List.of(3), p -> ServiceBusAccess.sendToTopic(p[0], p[1], p[2]))),
                access("receiveFromQueue", parts(List.of(3), p -> ServiceBusAccess.receiveFromQueue(p[0], p[1], p[2]))),
                access("receiveFromSubscription", parts(List.of(4), p -> ServiceBusAccess.receiveFromSubscription(p[0], p[1], p[2], p[3]))));
        azureKind("dnsZone", "RESOURCE_GROUP/ZONE", Optional.of(AZURE_NOT_FEDERATED),
                access("contributor", parts(List.of(2), p -> dev.keyless.azure.DnsZoneAccess.contributor(p[0], p[1]))));
        azureKind("containerRegistry", "RESOURCE_GROUP/REGISTRY", Optional.of(AZURE_NOT_FEDERATED),
                access("pull", parts(List.of(2), p -> ContainerRegistryAccess.pull(p[0], p[1]))),
                access("push", parts(List.of(2), p -> ContainerRegistryAccess.push(p[0], p[1]))));
    }

    private FlatGrant() {
    }

    /** @return every kind a flat grant may name, in the schema's order, each once */
    static List<String> kinds() {
        var names = new java.util.LinkedHashSet<String>();
        KINDS.values().forEach(byName -> names.addAll(byName.keySet()));
        return List.copyOf(names);
    }

    /** @return every option field a kind may take, in the schema's order, each once */
    static List<String> optionFields() {
        var fields = new java.util.LinkedHashSet<String>();
        KINDS.values().forEach(byName -> byName.values().forEach(kind -> kind.options().forEach(o -> fields.add(o.field()))));
        return List.copyOf(fields);
    }

    /** @return a line per kind, for the schema: its cloud, resource form, access levels and options */
    static String describeKinds() {
        var lines = new ArrayList<String>();
        KINDS.forEach((cloud, byName) -> byName.forEach((name, kind) -> lines.add("`" + name + "` (" + cloud + "): resource is "
                + kind.resourceForm() + "; access " + String.join(" or ", kind.access().keySet())
                + kind.options().stream().map(o -> "; `" + o.field() + "`: " + o.meaning()).reduce("", String::concat)
                + kind.federated().map(why -> "; only on an AKS cluster").orElse(""))));
        return String.join(". ", lines);
    }

    /** @return what each option field means, by field, for the schema */
    static String describeOption(String field) {
        var meanings = new ArrayList<String>();
        KINDS.forEach((cloud, byName) -> byName.forEach((name, kind) -> kind.options().stream().filter(o -> o.field().equals(field))
                .forEach(o -> meanings.add(name + ": " + o.meaning()))));
        return "For " + String.join("; for ", meanings) + ".";
    }

    /**
     * Reads and checks one grant, registering nothing.
     *
     * @param grant the element of {@code grants}
     * @param home  the cluster's cloud, whose kinds a name shared by two clouds means; empty for a
     *              pipeline, whose every grant is federated
     * @return the typed grant
     * @throws InvalidInputException naming the element's field, e.g. {@code grants[2].prefix}
     */
    static AccessGrant read(FlatValue grant, Optional<Cloud> home) {
        if (grant.absent()) {
            throw InvalidInputException.missing(grant.path(), "a {kind, resource, access} object");
        }
        var kindValue = grant.field("kind");
        var kindName = kindValue.requiredString("one of " + kinds());
        var kind = kind(kindValue, kindName, grant.field("cloud"), home);
        if (home.map(cloud -> !cloud.equals(kind.cloud())).orElse(true) && kind.federated().isPresent()) {
            throw InvalidInputException.of(kindValue.path(), kindName, "a kind keyless can federate into " + kind.cloud().name()
                    + (home.map(cloud -> " from " + cloud.name() + "'s cluster").orElse(" for a pipeline")) + " ("
                    + String.join(", ", federatable(kind.cloud())) + "): " + kind.federated().get());
        }
        var accessValue = grant.field("access");
        var access = accessValue.requiredString("one of " + List.copyOf(kind.access().keySet()));
        var factory = kind.access().get(access);
        if (factory == null) {
            throw InvalidInputException.of(accessValue.path(), access, "one of " + List.copyOf(kind.access().keySet()) + " for a " + kindName + " grant");
        }
        var resourceValue = grant.field("resource");
        var target = target(grant, resourceValue, kind);
        var typed = atFlatPath(grant, resourceValue, target, () -> factory.grant(target, resourceValue.path()));
        for (var option : kind.options()) {
            var value = grant.field(option.field());
            var given = value.optionalString();
            if (given.isPresent()) {
                var current = typed;
                typed = atFlatPath(grant, value, target, () -> option.apply().apply(current, given.get()));
            }
        }
        for (var field : optionFields()) {
            if (kind.options().stream().noneMatch(o -> o.field().equals(field)) && !grant.field(field).absent()) {
                throw InvalidInputException.of(grant.field(field).path(), grant.field(field).optionalString().orElse("(given)"),
                        "left out for a " + kindName + " grant, which takes " + (kind.options().isEmpty() ? "no options"
                                : "only " + kind.options().stream().map(Option::field).toList()));
            }
        }
        return typed;
    }

    private static Kind kind(FlatValue kindValue, String kindName, FlatValue cloudValue, Optional<Cloud> home) {
        var cloudName = cloudValue.optionalString();
        if (cloudName.isPresent()) {
            var byName = KINDS.get(cloudName.get());
            if (byName == null) {
                throw InvalidInputException.of(cloudValue.path(), cloudName.get(), "one of " + List.copyOf(KINDS.keySet()));
            }
            var kind = byName.get(kindName);
            if (kind == null) {
                throw InvalidInputException.of(kindValue.path(), kindName, "one of " + cloudName.get() + "'s kinds " + List.copyOf(byName.keySet()));
            }
            return kind;
        }
        var matching = KINDS.values().stream().map(byName -> byName.get(kindName)).filter(java.util.Objects::nonNull).toList();
        if (matching.isEmpty()) {
            throw InvalidInputException.of(kindValue.path(), kindName, "one of " + kinds());
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        // A name two clouds share means the cluster's own cloud's kind; elsewhere the cloud must be said.
        return matching.stream().filter(kind -> home.map(kind.cloud()::equals).orElse(false)).findFirst()
                .orElseThrow(() -> InvalidInputException.missing(cloudValue.path(), kindName + " is a kind of "
                        + matching.stream().map(kind -> kind.cloud().name()).toList() + ": say which cloud"));
    }

    // The resource as the typed factories take it: plain when known at preview, else an output with its key.
    private static Target target(FlatValue grant, FlatValue resourceValue, Kind kind) {
        var keyValue = grant.field("key");
        if (resourceValue.known()) {
            var plain = resourceValue.requiredString(kind.resourceForm());
            if (!keyValue.absent()) {
                throw InvalidInputException.of(keyValue.path(), keyValue.requiredString("a key"),
                        "left out when the resource is known at preview (it names the grant itself)");
            }
            return new Target(Optional.of(plain), null, null);
        }
        if (!kind.oneName()) {
            throw InvalidInputException.of(resourceValue.path(), "(unknown until deployment)",
                    "known when the program is previewed for a " + kind.resourceForm() + " grant");
        }
        var key = keyValue.requiredString("a stable name for a grant whose resource is known only at deploy ("
                + dev.keyless.core.GrantKeys.RULE + ")");
        return new Target(Optional.empty(), key, resourceValue.output(kind.resourceForm()));
    }

    // The typed factories name their own arguments (bucketName, key); say which flat field held the value.
    private static AccessGrant atFlatPath(FlatValue grant, FlatValue value, Target target, java.util.function.Supplier<AccessGrant> reading) {
        try {
            return reading.get();
        } catch (InvalidInputException e) {
            if (e.field().startsWith(grant.path())) {
                throw e;
            }
            boolean aboutKey = target.key() != null && target.key().equals(e.value());
            throw e.at(aboutKey ? grant.field("key").path() : value.path());
        }
    }

    private static List<String> federatable(Cloud cloud) {
        return KINDS.get(cloud.name()).entrySet().stream().filter(e -> e.getValue().federated().isEmpty()).map(Map.Entry::getKey).toList();
    }

    @SafeVarargs
    private static void kind(Cloud cloud, String name, String resourceForm, List<Option> options, Map.Entry<String, Factory>... access) {
        var levels = new LinkedHashMap<String, Factory>();
        for (var level : access) {
            levels.put(level.getKey(), level.getValue());
        }
        KINDS.computeIfAbsent(cloud.name(), ignored -> new LinkedHashMap<>())
                .put(name, new Kind(cloud, resourceForm, true, java.util.Collections.unmodifiableMap(levels), options, Optional.empty()));
    }

    @SafeVarargs
    private static void azureKind(String name, String resourceForm, Optional<String> federated, Map.Entry<String, Factory>... access) {
        var levels = new LinkedHashMap<String, Factory>();
        for (var level : access) {
            levels.put(level.getKey(), level.getValue());
        }
        KINDS.computeIfAbsent(AzureCloud.CLOUD.name(), ignored -> new LinkedHashMap<>())
                .put(name, new Kind(AzureCloud.CLOUD, resourceForm, false, java.util.Collections.unmodifiableMap(levels), List.of(), federated));
    }

    private static Map.Entry<String, Factory> access(String level, Factory factory) {
        return Map.entry(level, factory);
    }

    // A kind named by one string: the typed factory for a plain name, or for an output with its key.
    private static Factory single(Function<String, ? extends AccessGrant> plain, BiFunction<String, Output<String>, ? extends AccessGrant> keyed) {
        return (target, path) -> target.plain().<AccessGrant>map(plain).orElseGet(() -> keyed.apply(target.key(), target.output()));
    }

    // A kind named by Azure's resource group and names below it, RESOURCE_GROUP/NAME/..., each part checked by the typed factory.
    private static Factory parts(List<Integer> counts, Function<String[], ? extends AccessGrant> factory) {
        return (target, path) -> factory.apply(split(target.plain().orElseThrow(), counts, path));
    }

    private static String[] split(String resource, List<Integer> counts, String path) {
        var parts = resource.split("/", -1);
        var rule = String.join(" or ", counts.stream().map(String::valueOf).toList()) + " names separated by '/', none empty, the resource group first";
        if (!counts.contains(parts.length) || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw InvalidInputException.of(path, resource, rule);
        }
        return parts;
    }
}
