package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.InvalidInputException;
import dev.keyless.preview.engine.Diagnostic;
import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Velero on GCP: its bucket by default; disk snapshots only when named, as one custom role per project, warned. */
class GcpVeleroTest {
    private static final String BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    private static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
    private static final String CUSTOM_ROLE = "gcp:projects/iAMCustomRole:IAMCustomRole";
    private static final String VELERO = TestClusters.principal("velero", "velero-server");
    /** {@code keyless.diskSnapshots_} and 8 hex digits of SHA-256 of "velero/dev", the simulated project and stack. */
    private static final String ROLE_ID = "keyless.diskSnapshots_35ae849a";

    private static RecordedDeployment deploy(dev.keyless.core.ControllerPreset preset) {
        return SimulatedStack.named("velero").run(ctx -> new FederatedServiceAccount("velero", preset.args(TestClusters.adopted("green")).build()));
    }

    @Test
    void theObjectStoreIsObjectUserOnTheOneBucketAndNothingOnTheProject() {
        var deployment = deploy(GcpControllers.velero("shop-backups"));

        assertThat(deployment.ofType(BUCKET_MEMBER)).singleElement().satisfies(member -> assertThat(member.inputs()).isEqualTo(Map.of(
                "bucket", "shop-backups", "role", "roles/storage.objectUser", "member", VELERO)));
        assertThat(deployment.ofType(PROJECT_MEMBER)).isEmpty();
        assertThat(deployment.ofType(CUSTOM_ROLE)).isEmpty();
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).isEmpty();
    }

    @Test
    void diskSnapshotsAreTheDocumentedCustomRoleBoundOnTheProjectAfterTheRoleExistsWithAWarning() {
        var deployment = deploy(GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "shop-backups"));

        var role = deployment.resource(CUSTOM_ROLE, "keyless-disk-snapshots-shop-prod-4711");
        assertThat(role.inputs()).isEqualTo(Map.of(
                "project", "shop-prod-4711",
                "roleId", ROLE_ID,
                "title", "keyless disk snapshots",
                "description", "Compute Engine disk snapshots for Velero, as velero-plugin-for-gcp documents: " + DiskSnapshotAccess.URL,
                "permissions", List.of("compute.disks.get", "compute.disks.create", "compute.disks.createSnapshot", "compute.projects.get",
                        "compute.snapshots.get", "compute.snapshots.create", "compute.snapshots.useReadOnly", "compute.snapshots.delete",
                        "compute.zones.get")));
        var member = deployment.resource(PROJECT_MEMBER, "velero-grant-shop-prod-4711-disk-snapshots");
        assertThat(member.inputs()).isEqualTo(Map.of(
                "project", "shop-prod-4711", "role", "projects/shop-prod-4711/roles/" + ROLE_ID, "member", VELERO));
        var graph = ResourceGraph.of(deployment);
        assertThat(graph.waitsFor(member, role)).isTrue();
        assertThat(graph.parentOf(member).name()).isEqualTo("velero");
        assertThat(deployment.ofType(BUCKET_MEMBER)).hasSize(1);
        assertThat(deployment.diagnostics(Diagnostic.Severity.WARNING)).extracting(Diagnostic::message).containsExactly(
                "velero holds Compute Engine disk and snapshot permissions on all of project 'shop-prod-4711' (custom role "
                        + "projects/shop-prod-4711/roles/" + ROLE_ID + "): Velero snapshots and restores disks it names at run time, "
                        + "so the permissions cannot be narrowed to named disks; see " + DiskSnapshotAccess.URL);
    }

    @Test
    void twoClustersVeleroInOneProjectShareOneCustomRole() {
        var deployment = SimulatedStack.named("velero").run(ctx -> {
            new FederatedServiceAccount("velero-green", GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "green-backups")
                    .args(TestClusters.adopted("green")).build());
            new FederatedServiceAccount("velero-blue", GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "blue-backups")
                    .inNamespace("velero-blue").args(TestClusters.adopted("blue")).build());
        });

        assertThat(deployment.ofType(CUSTOM_ROLE)).hasSize(1);
        assertThat(deployment.ofType(PROJECT_MEMBER)).extracting(r -> r.name()).containsExactlyInAnyOrder(
                "velero-green-grant-shop-prod-4711-disk-snapshots", "velero-blue-grant-shop-prod-4711-disk-snapshots");
    }

    @Test
    void anotherStackInTheProjectGetsItsOwnCustomRole() {
        var prod = SimulatedStack.named("velero").stack("prod").run(ctx -> new FederatedServiceAccount("velero",
                GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "shop-backups").args(TestClusters.adopted("green")).build()));

        assertThat(prod.ofType(CUSTOM_ROLE)).singleElement()
                .satisfies(role -> assertThat(role.input("roleId")).contains("keyless.diskSnapshots_4944eac4"));
        assertThat(prod.resource(PROJECT_MEMBER, "velero-grant-shop-prod-4711-disk-snapshots").input("role"))
                .contains("projects/shop-prod-4711/roles/keyless.diskSnapshots_4944eac4");
    }

    @Test
    void aBucketFromAnotherStackIsKeyedAndCheckedBeforeAnythingRegisters() {
        assertThat(deploy(GcpControllers.velero("backups", Output.of("shop-backups"))).resource(BUCKET_MEMBER, "velero-grant-backups-read-write")
                .input("bucket")).contains("shop-backups");
        var failure = SimulatedStack.named("velero").runExpectingFailure(ctx -> new FederatedServiceAccount("velero",
                GcpControllers.velero("backups", Output.of("Shop_Backups!")).args(TestClusters.adopted("green")).build()));
        assertThat(failure.message()).isEqualTo("bucket must be " + GcsBucketNames.RULE + ": 'Shop_Backups!'");
        assertThat(failure.deployment().ofType(BUCKET_MEMBER)).isEmpty();
    }

    @Test
    void thePresetHoldsUpstreamsPermissionsButTheCliOnlySigning() {
        var preset = GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "shop-backups");
        assertThat(preset.grants().get(1)).isInstanceOf(DiskSnapshotAccess.class);
        var held = new TreeSet<>(DiskSnapshotAccess.PERMISSIONS);
        // roles/storage.objectUser on the bucket holds the storage.objects permissions upstream lists.
        assertThat(((GcsAccess) preset.grants().get(0)).role()).isEqualTo(GcsAccess.WRITE_ROLE);
        held.addAll(List.of("storage.objects.create", "storage.objects.delete", "storage.objects.get", "storage.objects.list"));
        var recorded = GcpControllersTest.recorded("velero");
        // Signed URLs serve only the CLI's download and describe commands, not the server.
        assertThat(recorded.remove("iam.serviceAccounts.signBlob")).isTrue();
        assertThat(held).isEqualTo(recorded);
        assertThat(preset.namespace() + "/" + preset.serviceAccountName()).isEqualTo("velero/velero-server");
    }

    @Test
    void aBadProjectOrBucketIsRefused() {
        assertThatThrownBy(() -> GcpControllers.veleroWithDiskSnapshots("Shop", "shop-backups")).isInstanceOf(InvalidInputException.class)
                .hasMessage("project must be " + GcpResourceNames.PROJECT_ID_RULE + ": 'Shop'");
        assertThatThrownBy(() -> GcpControllers.velero("gs://shop-backups")).isInstanceOf(InvalidInputException.class)
                .hasMessage("bucket must be " + GcsBucketNames.RULE + ": 'gs://shop-backups'");
    }

    @Test
    void diskSnapshotsTakeABucketFromAnotherStackOrThisStacksBucket() {
        var keyed = deploy(GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", "backups", Output.of("shop-backups")));
        assertThat(keyed.resource(BUCKET_MEMBER, "velero-grant-backups-read-write").inputs()).isEqualTo(java.util.Map.of(
                "bucket", "shop-backups", "role", "roles/storage.objectUser", "member", VELERO));
        assertThat(keyed.ofType(PROJECT_MEMBER)).singleElement()
                .satisfies(member -> assertThat(member.input("role")).contains("projects/shop-prod-4711/roles/" + ROLE_ID));

        var managed = SimulatedStack.named("velero").run(ctx -> {
            var bucket = new com.pulumi.gcp.storage.Bucket("backups", com.pulumi.gcp.storage.BucketArgs.builder()
                    .name("shop-backups").location("EU").build());
            new FederatedServiceAccount("velero", GcpControllers.veleroWithDiskSnapshots("shop-prod-4711", bucket)
                    .args(TestClusters.adopted("green")).build());
        });
        assertThat(managed.ofType(BUCKET_MEMBER)).singleElement().satisfies(member -> {
            assertThat(member.input("bucket")).contains("shop-backups");
            assertThat(member.input("role")).contains("roles/storage.objectUser");
        });
        assertThat(managed.ofType(CUSTOM_ROLE)).hasSize(1);
    }
}
