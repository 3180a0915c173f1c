package dev.keyless.multilang;

import dev.keyless.core.ControllerPreset;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;

import java.util.List;
import java.util.Optional;

/**
 * {@code keyless:index:ControllerIdentity}: a cluster controller's identity from the typed presets
 * ({@link FlatPresets}) by name, with the values the preset takes as
 * flat fields. It is the flat {@code FederatedServiceAccount} with the preset's namespace,
 * ServiceAccount name and grants, so its children are those of
 * {@code new FederatedServiceAccount(name, preset.args(cluster).build())}.
 */
final class FlatControllerIdentity {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:ControllerIdentity";

    /** Every value field a preset may read, in the schema's order. */
    static final List<String> VALUE_FIELDS = FlatPresets.VALUE_FIELDS;

    private FlatControllerIdentity() {
    }

    /** @return every controller name, in the schema's order, each once */
    static List<String> controllers() {
        return FlatPresets.controllers();
    }

    /** @return a line per cloud, for the schema: its controllers and the fields each reads */
    static String describePresets() {
        return FlatPresets.describe();
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
        var presets = FlatPresets.of(cluster.cloud().name());
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
        var typed = atValuePath(inputs, preset, () -> preset.make().apply(new FlatPresets.Values(inputs)));
        FlatPresets.requireNoStackRole(inputs, typed);
        var namespace = inputs.field("namespace").optionalString();
        if (namespace.isPresent()) {
            typed = atField(inputs.field("namespace"), typed, namespace.get(), ControllerPreset::inNamespace);
        }
        var serviceAccountName = inputs.field("serviceAccountName").optionalString();
        if (serviceAccountName.isPresent()) {
            typed = atField(inputs.field("serviceAccountName"), typed, serviceAccountName.get(), ControllerPreset::serviceAccountName);
        }
        var mechanism = FlatMechanism.read(inputs, cluster.cloud());
        // The typed builder checks the preset's namespace and name as the Java API's args(cluster) does.
        FederatedServiceAccountArgs.builder().namespace(typed.namespace()).name(typed.serviceAccountName());
        return new FlatFederatedServiceAccount.Checked(TYPE, name, cluster, typed.namespace(), typed.serviceAccountName(), Optional.empty(),
                mechanism.stream().toList(), typed.grants(), Optional.empty());
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
    private static ControllerPreset atValuePath(FlatValue inputs, FlatPresets.Preset preset, java.util.function.Supplier<ControllerPreset> reading) {
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
            if (preset.fields().isEmpty()) {
                throw e;
            }
            throw e.at(inputs.field(preset.fields().get(0)).path());
        }
    }

    private static List<String> plainOrList(FlatValue value) {
        if (value.absent()) {
            return List.of();
        }
        try {
            return !value.isList() ? List.of(value.requiredString("a value")) : value.strings("a value");
        } catch (InvalidInputException notStrings) {
            // A switch (diskSnapshots) holds no value a typed preset could name.
            return List.of();
        }
    }
}
