package dev.keyless.multilang;

import dev.keyless.aws.AwsControllers;
import dev.keyless.azure.AzureControllers;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;
import dev.keyless.gcp.GcpControllers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The typed controller presets ({@code AwsControllers}, {@code GcpControllers},
 * {@code AzureControllers}) by cloud and name, each with the flat value fields it reads: the
 * plain overloads, since a flat value is plain or the output of one field.
 */
final class FlatPresets {
    /**
     * @param fields the value fields the preset reads, each required unless it says so
     * @param make   the typed preset from those fields
     */
    record Preset(List<String> fields, Function<Values, ControllerPreset> make) {
    }

    /** The value fields as read, each with its flat path for messages. */
    record Values(FlatValue inputs) {
        // Checked here, so that a list left out is refused at its own field and not at the typed preset's argument.
        List<String> strings(String field, String hint) {
            var value = inputs.field(field);
            var strings = value.strings(hint);
            if (strings.isEmpty()) {
                throw InvalidInputException.missing(value.path(), "at least one " + hint.replaceFirst("^an? ", ""));
            }
            return strings;
        }

        String string(String field, String hint) {
            return inputs.field(field).requiredString(hint);
        }

        Optional<String> optional(String field) {
            return inputs.field(field).optionalString();
        }

        boolean bool(String field) {
            return inputs.field(field).bool(false);
        }

        /** @return the field, else the cluster reference's field of that value (known at preview), else a refusal naming the field */
        String orFromCluster(String field, String clusterField, String hint) {
            var reference = inputs.field("cluster").field(clusterField);
            return optional(field).or(() -> reference.known() ? reference.optionalString() : Optional.empty())
                    .orElseThrow(() -> InvalidInputException.missing(inputs.field(field).path(), hint
                            + "; left out, the cluster reference's " + clusterField + ", which is not known at preview"));
        }
    }

    /** Every value field a preset may read, in the schema's order. */
    static final List<String> VALUE_FIELDS = List.of("zoneIds", "secretArns", "clusterName", "kmsKeyArn", "fileSystemArns", "bucketNames",
            "keyPrefix", "project", "zoneNames", "secretIds", "bucketName", "diskSnapshots", "resourceGroupName", "vaultName", "secretNames",
            "storageAccountName", "containerName", "diskResourceGroupName");

    /**
     * The typed grants that bind a custom role the typed API keeps once per stack, a child of the
     * stack shared by the program's workloads ({@code StackCustomRole} on GCP, {@code GroupCustomRole}
     * on Azure), by the flat field whose choice brings them in. A Construct runs without the
     * stack's resource (pulumi-java 1.36.1 {@code DeploymentImpl.getStack} fails outside
     * {@code run}), and one Construct cannot hand a resource to another, so these are refused
     * before anything registers rather than failing halfway through.
     */
    private static final Map<Class<?>, String> STACK_ROLE_GRANTS = Map.of(
            dev.keyless.gcp.DnsZoneListing.class, "controller",
            dev.keyless.gcp.DiskSnapshotAccess.class, "diskSnapshots",
            dev.keyless.azure.DnsZoneListing.class, "controller",
            dev.keyless.azure.DiskSnapshotAccess.class, "diskResourceGroupName");

    // cloud -> controller -> preset
    private static final Map<String, Map<String, Preset>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("aws", aws());
        PRESETS.put("gcp", gcp());
        PRESETS.put("azure", azure());
    }

    private FlatPresets() {
    }

    /**
     * @param cloud a cluster's cloud
     * @return its presets by controller name, in the schema's order
     */
    static Map<String, Preset> of(String cloud) {
        return PRESETS.getOrDefault(cloud, Map.of());
    }

    /** @return every controller name, in the schema's order, each once */
    static List<String> controllers() {
        var names = new java.util.LinkedHashSet<String>();
        PRESETS.values().forEach(byName -> names.addAll(byName.keySet()));
        return List.copyOf(names);
    }

    /** @return a line per cloud, for the schema: its controllers and the fields each reads */
    static String describe() {
        var lines = new java.util.ArrayList<String>();
        PRESETS.forEach((cloud, byName) -> lines.add(cloud + ": " + String.join(", ", byName.entrySet().stream()
                .map(e -> "`" + e.getKey() + "`" + (e.getValue().fields().isEmpty() ? "" : " (" + String.join(", ", e.getValue().fields()) + ")"))
                .toList())));
        return String.join("; ", lines);
    }

    /**
     * @param inputs the component's inputs
     * @param preset the typed preset read from them
     * @throws InvalidInputException at the field that chose a grant kept once per stack
     */
    static void requireNoStackRole(FlatValue inputs, ControllerPreset preset) {
        for (var grant : preset.grants()) {
            var field = STACK_ROLE_GRANTS.get(grant.getClass());
            if (field != null) {
                var value = inputs.field(field);
                // A switch brings the grant in only when true.
                var given = field.equals("diskSnapshots") ? "true" : value.optionalString().orElse("(given)");
                throw InvalidInputException.of(value.path(), given, "a choice the flat layer can build: it needs "
                        + grant.getClass().getSimpleName() + ", a custom role the typed API keeps once per stack as the stack's child, "
                        + "and a Construct has no stack to keep it in (the typed API in a Java program has)");
            }
        }
    }

    private static Map<String, Preset> aws() {
        var aws = new LinkedHashMap<String, Preset>();
        aws.put("externalDns", new Preset(List.of("zoneIds"), v -> AwsControllers.externalDns(v.strings("zoneIds", "a Route 53 hosted zone id"))));
        aws.put("certManager", new Preset(List.of("zoneIds"), v -> AwsControllers.certManager(v.strings("zoneIds", "a Route 53 hosted zone id"))));
        aws.put("externalSecrets", new Preset(List.of("secretArns"),
                v -> AwsControllers.externalSecrets(v.strings("secretArns", "a Secrets Manager secret's ARN"))));
        aws.put("clusterAutoscaler", new Preset(List.of("clusterName"), v -> AwsControllers.clusterAutoscaler(eksClusterName(v,
                "the EKS cluster's name, whose node groups' tags the autoscaler may change"))));
        aws.put("ebsCsi", new Preset(List.of("kmsKeyArn"), v -> v.optional("kmsKeyArn").map(AwsControllers::ebsCsiDriver)
                .orElseGet(AwsControllers::ebsCsiDriver)));
        aws.put("efsCsi", new Preset(List.of("fileSystemArns"), v -> v.inputs().field("fileSystemArns").absent() ? AwsControllers.efsCsiDriver()
                : AwsControllers.efsCsiDriver(v.strings("fileSystemArns", "an EFS file system's ARN"))));
        aws.put("vpcCni", new Preset(List.of(), v -> AwsControllers.vpcCni()));
        aws.put("mountpointS3Csi", new Preset(List.of("bucketNames", "keyPrefix"), FlatPresets::mountpoint));
        aws.put("loadBalancerController", new Preset(List.of("clusterName"), v -> AwsControllers.awsLoadBalancerController(eksClusterName(v,
                "the EKS cluster's name, which the controller tags its load balancers with"))));
        aws.put("velero", new Preset(List.of("bucketName"), v -> AwsControllers.velero(v.string("bucketName", "the backup bucket's name"))));
        return aws;
    }

    private static Map<String, Preset> gcp() {
        var gcp = new LinkedHashMap<String, Preset>();
        gcp.put("externalDns", new Preset(List.of("project", "zoneNames"), v -> GcpControllers.externalDns(
                project(v, "the managed zones' project"), v.strings("zoneNames", "a Cloud DNS managed zone's own name"))));
        gcp.put("certManager", new Preset(List.of("project", "zoneNames"), v -> GcpControllers.certManager(
                project(v, "the managed zones' project"), v.strings("zoneNames", "a Cloud DNS managed zone's own name"))));
        gcp.put("externalSecrets", new Preset(List.of("project", "secretIds"), v -> GcpControllers.externalSecrets(
                project(v, "the secrets' project"), v.strings("secretIds", "a Secret Manager secret's ID"))));
        gcp.put("velero", new Preset(List.of("bucketName", "diskSnapshots", "project"), v -> {
            var bucket = v.string("bucketName", "the backup bucket's name");
            if (!v.bool("diskSnapshots")) {
                var project = v.inputs().field("project");
                if (!project.absent()) {
                    throw InvalidInputException.of(project.path(), project.optionalString().orElse("(given)"),
                            "left out for velero without diskSnapshots, which grants on the bucket only");
                }
                return GcpControllers.velero(bucket);
            }
            return GcpControllers.veleroWithDiskSnapshots(project(v, "the project whose disks are snapshotted"), bucket);
        }));
        return gcp;
    }

    private static Map<String, Preset> azure() {
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
        azure.put("velero", new Preset(List.of("resourceGroupName", "storageAccountName", "containerName", "diskResourceGroupName"), v -> {
            var group = v.string("resourceGroupName", "the storage account's resource group");
            var account = v.string("storageAccountName", "the storage account's name");
            var container = v.string("containerName", "the backup container's name");
            // Given, Velero also snapshots the managed disks of that group (the AKS node resource group).
            return v.optional("diskResourceGroupName").map(disks -> AzureControllers.veleroWithDiskSnapshots(group, account, container, disks))
                    .orElseGet(() -> AzureControllers.velero(group, account, container));
        }));
        return azure;
    }

    private static String eksClusterName(Values v, String hint) {
        return v.orFromCluster("clusterName", "clusterName", hint);
    }

    private static String project(Values v, String hint) {
        return v.orFromCluster("project", "projectId", hint + " ID or number");
    }

    private static ControllerPreset mountpoint(Values v) {
        var buckets = v.strings("bucketNames", "an S3 bucket name");
        var prefix = v.inputs().field("keyPrefix");
        if (prefix.absent()) {
            return AwsControllers.mountpointS3CsiDriver(buckets);
        }
        if (buckets.size() != 1) {
            throw InvalidInputException.of(prefix.path(), prefix.optionalString().orElse("(given)"),
                    "left out with more than one bucket: a prefix is of the one bucket mounted with --prefix");
        }
        return AwsControllers.mountpointS3CsiDriver(buckets.get(0), prefix.requiredString("the key prefix, e.g. models/"));
    }
}
