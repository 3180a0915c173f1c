package dev.keyless.multilang;

import dev.keyless.aws.AwsControllers;
import dev.keyless.azure.AzureControllers;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code keyless:index:ControllerIdentity}: a cluster controller's identity from the typed presets
 * ({@code AwsControllers}, {@code AzureControllers}) by name, with the values the preset takes as
 * flat fields. It is the flat {@code FederatedServiceAccount} with the preset's namespace,
 * ServiceAccount name and grants, so its children are those of
 * {@code new FederatedServiceAccount(name, preset.args(cluster).build())}.
 */
final class FlatControllerIdentity {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:ControllerIdentity";

    /**
     * @param fields the value fields the preset reads, each required unless it says so
     * @param make   the typed preset from those fields
     */
    private record Preset(List<String> fields, Function<Values, ControllerPreset> make) {
    }

    /** The value fields as read, each with its flat path for messages. */
    private record Values(FlatValue inputs) {
        List<String> strings(String field, String hint) {
            return inputs.field(field).strings(hint);
        }

        String string(String field, String hint) {
            return inputs.field(field).requiredString(hint);
        }

        Optional<String> optional(String field) {
            return inputs.field(field).optionalString();
        }
    }

    // cloud -> controller -> preset. GCP has no preset: its controllers take a Google service account by plain grants.
    private static final Map<String, Map<String, Preset>> PRESETS = new LinkedHashMap<>();

    /** Every value field a preset may read, in the schema's order. */
    static final List<String> VALUE_FIELDS = List.of("zoneIds", "secretArns", "clusterName", "kmsKeyArn", "resourceGroupName",
            "zoneNames", "vaultName", "secretNames");

    static {
        var aws = new LinkedHashMap<String, Preset>();
        aws.put("externalDns", new Preset(List.of("zoneIds"), v -> AwsControllers.externalDns(v.strings("zoneIds", "a Route 53 hosted zone id"))));
        aws.put("certManager", new Preset(List.of("zoneIds"), v -> AwsControllers.certManager(v.strings("zoneIds", "a Route 53 hosted zone id"))));
        aws.put("externalSecrets", new Preset(List.of("secretArns"),
                v -> AwsControllers.externalSecrets(v.strings("secretArns", "a Secrets Manager secret's ARN"))));
        aws.put("clusterAutoscaler", new Preset(List.of("clusterName"), v -> AwsControllers.clusterAutoscaler(v.optional("clusterName")
                .or(() -> v.inputs().field("cluster").field("clusterName").known() ? v.inputs().field("cluster").field("clusterName").optionalString() : Optional.empty())
                .orElseThrow(() -> InvalidInputException.missing(v.inputs().field("clusterName").path(),
                        "the EKS cluster's name, whose node groups' tags the autoscaler may change (known at preview)")))));
        aws.put("ebsCsi", new Preset(List.of("kmsKeyArn"), v -> v.optional("kmsKeyArn").map(AwsControllers::ebsCsiDriver)
                .orElseGet(AwsControllers::ebsCsiDriver)));
        PRESETS.put("aws", aws);
        var azure = new LinkedHashMap<String, Preset>();
        azure.put("externalDns", new Preset(List.of("resourceGroupName", "zoneNames"), v -> AzureControllers.externalDns(
                v.string("resourceGroupName", "the DNS zones' resource group"), v.strings("zoneNames", "an Azure DNS zone name"))));
        azure.put("certManager", new Preset(List.of("resourceGroupName", "zoneNames"), v -> AzureControllers.certManager(
                v.string("resourceGroupName", "the DNS zones' resource group"), v.strings("zoneNames", "an Azure DNS zone name"))));
        azure.put("externalSecrets", new Preset(List.of("resourceGroupName", "vaultName", "secretNames"), v -> {
            var group = v.string("resourceGroupName", "the Key Vault's resource group");
            var vault = v.string("vaultName", "the Key Vault's name");
            // Left out, every secret of the vault, as the typed preset without names.
            return v.inputs().field("secretNames").absent() ? AzureControllers.externalSecrets(group, vault)
                    : AzureControllers.externalSecrets(group, vault, v.strings("secretNames", "a Key Vault secret's name"));
        }));
        PRESETS.put("azure", azure);
    }

    private FlatControllerIdentity() {
    }

    /** @return every controller name, in the schema's order, each once */
    static List<String> controllers() {
        var names = new java.util.LinkedHashSet<String>();
        PRESETS.values().forEach(byName -> names.addAll(byName.keySet()));
        return List.copyOf(names);
    }

    /** @return a line per cloud, for the schema: its controllers and the fields each reads */
    static String describePresets() {
        var lines = new java.util.ArrayList<String>();
        PRESETS.forEach((cloud, byName) -> lines.add(cloud + ": " + String.join(", ", byName.entrySet().stream()
                .map(e -> "`" + e.getKey() + "` (" + String.join(", ", e.getValue().fields()) + ")").toList())));
        return String.join("; ", lines);
    }

    /**
     * Reads and checks every input, registering nothing.
     *
     * @param name   the component's name
     * @param inputs its flat inputs as the engine sent them
     * @return the checked inputs, ready to register as the flat FederatedServiceAccount does
     * @throws InvalidInputException naming the flat input's path
     */
    static FlatFederatedServiceAccount.Checked check(String name, FlatValue inputs) {
        dev.keyless.core.Checks.componentName(name);
        var cluster = FlatCluster.read(inputs.field("cluster"));
        var controllerValue = inputs.field("controller");
        var controller = controllerValue.requiredString("one of " + controllers());
        var presets = PRESETS.getOrDefault(cluster.cloud().name(), Map.of());
        var preset = presets.get(controller);
        if (preset == null) {
            throw InvalidInputException.of(controllerValue.path(), controller, "a preset for the cluster's cloud " + cluster.cloud().name()
                    + " " + List.copyOf(presets.keySet()));
        }
        for (var field : VALUE_FIELDS) {
            if (!preset.fields().contains(field) && !inputs.field(field).absent()) {
                throw InvalidInputException.of(inputs.field(field).path(), "(given)", "left out for " + controller + " on "
                        + cluster.cloud().name() + ", which reads only " + preset.fields());
            }
        }
        var typed = atValuePath(inputs, preset, () -> preset.make().apply(new Values(inputs)));
        var namespace = inputs.field("namespace").optionalString();
        if (namespace.isPresent()) {
            typed = atField(inputs.field("namespace"), typed, namespace.get(), ControllerPreset::inNamespace);
        }
        var serviceAccountName = inputs.field("serviceAccountName").optionalString();
        if (serviceAccountName.isPresent()) {
            typed = atField(inputs.field("serviceAccountName"), typed, serviceAccountName.get(), ControllerPreset::serviceAccountName);
        }
        var mechanism = FlatMechanism.read(inputs.field("mechanism"), cluster.cloud());
        // The typed builder checks the preset's namespace and name as the Java API's args(cluster) does.
        FederatedServiceAccountArgs.builder().namespace(typed.namespace()).name(typed.serviceAccountName());
        return new FlatFederatedServiceAccount.Checked(TYPE, name, cluster, typed.namespace(), typed.serviceAccountName(), Optional.empty(),
                mechanism, typed.grants());
    }

    private static ControllerPreset atField(FlatValue value, ControllerPreset preset, String given,
                                            java.util.function.BiFunction<ControllerPreset, String, ControllerPreset> apply) {
        try {
            return apply.apply(preset, given);
        } catch (InvalidInputException e) {
            throw e.at(value.path());
        }
    }

    // The typed presets name their own arguments ("zone", "externalDns"); find the flat field that held the value.
    private static ControllerPreset atValuePath(FlatValue inputs, Preset preset, java.util.function.Supplier<ControllerPreset> reading) {
        try {
            return reading.get();
        } catch (InvalidInputException e) {
            if (e.field().equals(inputs.path()) || preset.fields().stream().anyMatch(f -> e.field().startsWith(inputs.field(f).path()))) {
                throw e;
            }
            for (var field : preset.fields()) {
                var value = inputs.field(field);
                var plain = value.known() ? plainOrList(value) : List.<String>of();
                for (int i = 0; i < plain.size(); i++) {
                    if (plain.get(i).equals(e.value())) {
                        throw e.at(plain.size() == 1 && !value.isList() ? value.path() : value.path() + "[" + i + "]");
                    }
                }
            }
            throw e.at(inputs.field(preset.fields().get(0)).path());
        }
    }

    private static List<String> plainOrList(FlatValue value) {
        if (value.absent()) {
            return List.of();
        }
        return !value.isList() ? List.of(value.requiredString("a value")) : value.strings("a value");
    }
}
