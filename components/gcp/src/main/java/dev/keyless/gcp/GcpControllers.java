package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.dns.ManagedZone;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Ready identities for the controllers a GKE cluster runs, each with the ServiceAccount its Helm
 * chart makes by default and the role its upstream project documents, bound on exactly the managed
 * zones or secrets named. On the project only what exists nowhere else: external-dns's zone
 * listing ({@link DnsZoneListing}) and, when named, Velero's disk snapshots ({@link DiskSnapshotAccess}). Each binds through GKE Workload Identity's direct
 * principal (the default), through an impersonated Google service account
 * ({@code ServiceAccountImpersonation}), or through {@link GcpFederation} from a cluster of another
 * cloud.
 *
 * <p>Every preset takes plain names (a project and the zones' or secrets' own names) or, keyed by a
 * stable name, {@code Output}s of full resource names (e.g. a {@code StackReference}'s), checked
 * once known and before anything registers.
 *
 * <pre>{@code
 * new FederatedServiceAccount("external-dns",
 *         GcpControllers.externalDns("shop-prod-4711", List.of("shop-example-com")).args(cluster).build());
 * new FederatedServiceAccount("external-secrets",
 *         GcpControllers.externalSecrets(Map.of("db", shared.output("dbSecret"))).args(cluster).build());
 * }</pre>
 */
public final class GcpControllers {
    private static final String ZONES_RULE = "at least one Cloud DNS managed zone (the controller changes records only in the zones named)";
    private static final String SECRETS_RULE = "at least one Secret Manager secret";

    private GcpControllers() {
    }

    /**
     * external-dns on Cloud DNS: {@code roles/dns.admin} on each managed zone named, as upstream's
     * per-zone Terraform does, and {@link DnsZoneListing} on the project: external-dns lists the
     * project's zones on every sync, a call on the project no zone's policy can allow. Upstream
     * binds {@code roles/dns.reader} on the project for it, which also reads every zone's records;
     * the listing's custom role holds only {@code dns.managedZones.list} (zone names, no records).
     * The zones must be in the project external-dns is given ({@code --google-project}): it lists
     * that project's zones only. Namespace {@code external-dns}, ServiceAccount {@code external-dns}.
     *
     * @param project   the zones' project ID or number
     * @param zoneNames the zones' own names (not their DNS names), e.g. {@code shop-example-com}, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, a zone is given twice, or a name breaks its rule
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/docs/tutorials/gke.md#workload-identity">external-dns v0.22.0, docs/tutorials/gke.md: Workload Identity</a>
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/provider/google/google.go">external-dns v0.22.0, provider/google/google.go: Zones()</a>
     */
    public static ControllerPreset externalDns(String project, List<String> zoneNames) {
        var grants = new ArrayList<GcpGrant>(zones("externalDns", project, zoneNames));
        grants.add(DnsZoneListing.onProject(project));
        return ControllerPreset.of("external-dns", "external-dns", "external-dns", grants);
    }

    /**
     * external-dns on zones named by full resource names known only at deploy, listing the zones
     * of the project given (see {@link #externalDns(String, List)}).
     *
     * @param project   the project external-dns lists the zones of ({@code --google-project}), ID or number
     * @param zoneNames a stable key for each zone's grant, e.g. {@code public}, to its full name
     *                  {@code projects/PROJECT/managedZones/ZONE}, checked once known; at least one
     * @return the preset
     * @throws InvalidInputException when the project breaks its rule, no zone is given, or a key or a known name breaks its rule
     * @see #externalDns(String, List)
     */
    public static ControllerPreset externalDns(String project, Map<String, Output<String>> zoneNames) {
        var grants = new ArrayList<GcpGrant>(keyed("externalDns", zoneNames, ZONES_RULE, DnsZoneAccess::readWrite));
        grants.add(DnsZoneListing.onProject(project));
        return ControllerPreset.of("external-dns", "external-dns", "external-dns", grants);
    }

    /**
     * cert-manager's Cloud DNS DNS-01 solver: {@code roles/dns.admin} on each managed zone named.
     * Upstream binds the role on the project for convenience and lists, for least privilege,
     * {@code dns.resourceRecordSets.*}, {@code dns.changes.*} and {@code dns.managedZones.list};
     * the first two are in {@code roles/dns.admin} on the zone. The listing is needed only to find
     * a challenge's zone: set {@code hostedZoneName} in the issuer's {@code cloudDNS} solver and
     * cert-manager uses that zone without listing. Namespace {@code cert-manager}, ServiceAccount
     * {@code cert-manager}.
     *
     * @param project   the zones' project ID or number
     * @param zoneNames the zones' own names, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, a zone is given twice, or a name breaks its rule
     * @see <a href="https://cert-manager.io/v1.19-docs/configuration/acme/dns01/google/">cert-manager v1.19 docs, Google CloudDNS: Set up a Service Account</a>
     * @see <a href="https://github.com/cert-manager/cert-manager/blob/v1.19.0/pkg/issuer/acme/dns/clouddns/clouddns.go">cert-manager v1.19.0 clouddns.go: a hostedZoneName set skips the zone listing</a>
     */
    public static ControllerPreset certManager(String project, List<String> zoneNames) {
        return ControllerPreset.of("cert-manager", "cert-manager", "cert-manager", zones("certManager", project, zoneNames));
    }

    /**
     * cert-manager on zones named by full resource names known only at deploy.
     *
     * @param zoneNames a stable key for each zone's grant to its full name, checked once known; at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, or a key or a known name breaks its rule
     * @see #certManager(String, List)
     */
    public static ControllerPreset certManager(Map<String, Output<String>> zoneNames) {
        return ControllerPreset.of("cert-manager", "cert-manager", "cert-manager",
                keyed("certManager", zoneNames, ZONES_RULE, DnsZoneAccess::readWrite));
    }

    /**
     * external-secrets reading Secret Manager: {@code roles/secretmanager.secretAccessor} on each
     * secret named, as upstream's per-secret example does (its project-wide binding would let
     * anyone who can write an {@code ExternalSecret} read every secret of the project). Namespace
     * {@code external-secrets}, ServiceAccount {@code external-secrets}.
     *
     * @param project   the secrets' project ID or number
     * @param secretIds the secrets' IDs, e.g. {@code db-password}, at least one
     * @return the preset
     * @throws InvalidInputException when no secret is given, a secret is given twice, or a name breaks its rule
     * @see <a href="https://github.com/external-secrets/external-secrets/blob/v2.9.0/docs/provider/google-secrets-manager.md">external-secrets v2.9.0, docs/provider/google-secrets-manager.md</a>
     */
    public static ControllerPreset externalSecrets(String project, List<String> secretIds) {
        var checkedProject = GcpResourceNames.requireProject("project", project);
        var grants = Checks.atLeastOneEachOnce("externalSecrets", secretIds, SECRETS_RULE + " ID").stream()
                .map(id -> SecretAccess.readOnly("projects/" + checkedProject + "/secrets/" + GcpResourceNames.requireSecretId("secretId", id)))
                .toList();
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets", grants);
    }

    /**
     * external-secrets on secrets named by full resource names known only at deploy.
     *
     * @param secretNames a stable key for each secret's grant, e.g. {@code db}, to its full name
     *                    {@code projects/PROJECT/secrets/SECRET_ID}, checked once known; at least one
     * @return the preset
     * @throws InvalidInputException when no secret is given, or a key or a known name breaks its rule
     * @see #externalSecrets(String, List)
     */
    public static ControllerPreset externalSecrets(Map<String, Output<String>> secretNames) {
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets",
                keyed("externalSecrets", secretNames, SECRETS_RULE, SecretAccess::readOnly));
    }

    /**
     * Velero's object store on Cloud Storage: {@code roles/storage.objectUser} on the one bucket
     * named ({@link GcsAccess#readWrite(String)}: create, get, list, overwrite and delete objects,
     * the {@code storage.objects.*} permissions upstream lists; upstream binds
     * {@code objectAdmin}, whose further object ACL rights Velero does not use). Enough for
     * backups of resources and of volumes through Velero's file-system uploader; for Compute
     * Engine disk snapshots use {@link #veleroWithDiskSnapshots}. Upstream's
     * {@code iam.serviceAccounts.signBlob} serves only the CLI's {@code velero backup download}
     * and {@code describe} (signed URLs) and is left out. Namespace {@code velero}, ServiceAccount
     * {@code velero-server} (the velero chart names it {@code RELEASE-server}).
     *
     * @param bucketName the backup bucket
     * @return the preset
     * @throws InvalidInputException when the bucket name breaks Cloud Storage's rules
     * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-gcp/blob/v1.13.2/README.md#set-permissions-for-velero">velero-plugin-for-gcp v1.13.2, README: Set permissions for Velero</a>
     * @see <a href="https://github.com/vmware-tanzu/helm-charts/blob/velero-12.1.0/charts/velero/templates/_helpers.tpl">velero chart 12.1.0: the server ServiceAccount's name</a>
     */
    public static ControllerPreset velero(String bucketName) {
        return veleroPreset(List.of(GcsAccess.readWrite(bucketName)));
    }

    /**
     * Velero's object store on a bucket named by an {@code Output} (e.g. a StackReference's).
     *
     * @param key        a stable name for the grant's child, e.g. {@code backups}
     * @param bucketName the bucket's name, checked once known
     * @return the preset
     * @see #velero(String)
     */
    public static ControllerPreset velero(String key, Output<String> bucketName) {
        return veleroPreset(List.of(GcsAccess.readWrite(key, bucketName)));
    }

    /**
     * Velero with Compute Engine disk snapshots: the bucket as {@link #velero(String)} does, and
     * {@link DiskSnapshotAccess} on the project, the one project-wide grant keyless makes that
     * changes anything, which warns when bound: upstream's custom role cannot be narrowed to named disks.
     *
     * @param project    the project whose disks are snapshotted
     * @param bucketName the backup bucket
     * @return the preset
     * @throws InvalidInputException when the project or the bucket name breaks its rule
     * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-gcp/blob/v1.13.2/README.md#create-custom-role-with-permissions-for-the-velero-gsa">velero-plugin-for-gcp v1.13.2, README: the custom role</a>
     */
    public static ControllerPreset veleroWithDiskSnapshots(String project, String bucketName) {
        return veleroPreset(List.of(GcsAccess.readWrite(bucketName), DiskSnapshotAccess.onProject(project)));
    }

    /**
     * external-dns on managed zones this stack manages, listing the zones of the project given
     * (see {@link #externalDns(String, List)}).
     *
     * @param project the project external-dns lists the zones of ({@code --google-project}), ID or number
     * @param zones   the zones, at least one, each once
     * @return the preset
     * @throws InvalidInputException when the project breaks its rule, or no zone is given or one twice
     */
    public static ControllerPreset externalDns(String project, ManagedZone... zones) {
        var grants = new ArrayList<GcpGrant>(resources("externalDns", zones, ZONES_RULE).stream().map(DnsZoneAccess::readWrite).toList());
        grants.add(DnsZoneListing.onProject(project));
        return ControllerPreset.of("external-dns", "external-dns", "external-dns", grants);
    }

    /**
     * cert-manager on managed zones this stack manages.
     *
     * @param zones the zones, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no zone is given or one twice
     * @see #certManager(String, List)
     */
    public static ControllerPreset certManager(ManagedZone... zones) {
        return ControllerPreset.of("cert-manager", "cert-manager", "cert-manager",
                resources("certManager", zones, ZONES_RULE).stream().map(DnsZoneAccess::readWrite).toList());
    }

    /**
     * external-secrets on secrets this stack manages.
     *
     * @param secrets the secrets, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no secret is given or one twice
     * @see #externalSecrets(String, List)
     */
    public static ControllerPreset externalSecrets(Secret... secrets) {
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets",
                resources("externalSecrets", secrets, SECRETS_RULE).stream().map(SecretAccess::readOnly).toList());
    }

    /**
     * Velero's object store on a bucket this stack manages; see {@link #velero(String)}.
     *
     * @param bucket the backup bucket
     * @return the preset
     */
    public static ControllerPreset velero(Bucket bucket) {
        return veleroPreset(List.of(GcsAccess.readWrite(bucket)));
    }

    /**
     * Velero with disk snapshots, its bucket one this stack manages; see {@link #veleroWithDiskSnapshots(String, String)}.
     *
     * @param project the project whose disks are snapshotted
     * @param bucket  the backup bucket
     * @return the preset
     * @throws InvalidInputException when the project breaks its rule
     */
    public static ControllerPreset veleroWithDiskSnapshots(String project, Bucket bucket) {
        return veleroPreset(List.of(GcsAccess.readWrite(bucket), DiskSnapshotAccess.onProject(project)));
    }

    /**
     * Velero with disk snapshots, its bucket named by an {@code Output} (e.g. a StackReference's).
     * The project stays a plain value: its custom role is one per project in the program.
     *
     * @param project    the project whose disks are snapshotted
     * @param key        a stable name for the bucket's grant, e.g. {@code backups}
     * @param bucketName the bucket's name, checked once known
     * @return the preset
     * @throws InvalidInputException when the project or the key breaks its rule
     * @see #veleroWithDiskSnapshots(String, String)
     */
    public static ControllerPreset veleroWithDiskSnapshots(String project, String key, Output<String> bucketName) {
        return veleroPreset(List.of(GcsAccess.readWrite(key, bucketName), DiskSnapshotAccess.onProject(project)));
    }

    // The varargs form of the core rule: at least one, each once.
    private static <R extends Resource> List<R> resources(String field, R[] values, String rule) {
        return Checks.atLeastOneResourceEachOnce(field, Arrays.asList(Checks.notNull(field, values, rule)), rule);
    }

    private static ControllerPreset veleroPreset(List<GcpGrant> grants) {
        return ControllerPreset.of("velero", "velero", "velero-server", grants);
    }

    private static List<DnsZoneAccess> zones(String field, String project, List<String> zoneNames) {
        var checkedProject = GcpResourceNames.requireProject("project", project);
        return Checks.atLeastOneEachOnce(field, zoneNames, ZONES_RULE + " name").stream()
                .map(zone -> DnsZoneAccess.readWrite("projects/" + checkedProject + "/managedZones/"
                        + GcpResourceNames.requireManagedZoneId("zoneName", zone)))
                .toList();
    }

    private static <G> List<G> keyed(String field, Map<String, Output<String>> names, String rule,
                                     BiFunction<String, Output<String>, G> grant) {
        Checks.notNull(field, names, rule);
        if (names.isEmpty()) {
            throw InvalidInputException.of(field, names, rule);
        }
        // Sorted by key: a Map.of's order is not stable between runs, the grants' order should be.
        return names.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> grant.apply(e.getKey(), e.getValue())).toList();
    }

}
