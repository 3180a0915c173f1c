package dev.keyless.audit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyless.audit.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReaderTest {
    private static final String P = "urn:pulumi:prod::shop::";

    private static Plan updatePlan() throws PlanFormatException {
        return PlanReader.read(Fixtures.text("update-plan.json"));
    }

    private static List<String> names(List<PlanResource> resources) {
        return resources.stream().map(r -> r.type().substring(r.type().lastIndexOf(':') + 1) + " " + r.name()).toList();
    }

    @Test
    void onlyStepsThatChangeSomethingAreJudgedEachUrnOnce() throws PlanFormatException {
        // create, update, update, replace (+ its create-replacement), import, a same step dropping
        // protect; not other same steps, reads or any removal
        assertThat(names(updatePlan().resources())).containsExactly(
                "Secret ci-creds", "RolePolicy reader", "RolePolicy writer", "Role vendor", "BucketV2 assets",
                "BlobContainer charts");
    }

    @Test
    void unchangedAndReadResourcesAreHeldForContextButRemovedOnesAreGone() throws PlanFormatException {
        assertThat(names(updatePlan().held())).containsExactly(
                "Stack shop-prod", "AccessKey ci-key", "Secret ci-creds", "RolePolicy reader", "RolePolicy writer",
                "Role vendor", "StorageAccount shared", "BucketV2 assets", "BucketVersioningV2 assets",
                "BucketPublicAccessBlock assets", "BlobContainer charts");
        assertThat(updatePlan().find(P + "gcp:serviceaccount/key:Key::old-key")).isEmpty();
        assertThat(updatePlan().ofType("aws", "s3", "BucketVersioningV2")).hasSize(1);
    }

    @Test
    void anUpdateIsJudgedByItsNewInputsNotItsOldStateOrStaleOutputs() throws PlanFormatException {
        PlanResource reader = updatePlan().find(P + "aws:iam/rolePolicy:RolePolicy::reader").orElseThrow();
        assertThat(reader.text("policy")).contains("s3:GetObject").doesNotContain("s3:*");
        assertThat(reader.outputs().path("policy").asText()).contains("s3:*"); // the preview's stale outputs
    }

    @Test
    void aReplacementKeepsTheNewStateOfItsLastStepAndIgnoresTheDeletedOne() throws PlanFormatException {
        PlanResource vendor = updatePlan().find(P + "aws:iam/role:Role::vendor").orElseThrow();
        assertThat(vendor.text("name")).isEqualTo("vendor-v2");
        assertThat(vendor.text("assumeRolePolicy")).contains("444455556666").doesNotContain("\"*\"");
    }

    @Test
    void pulumisDefaultsMarkersAreDroppedAtEveryDepth() throws PlanFormatException {
        Plan plan = updatePlan();
        PlanResource versioning = plan.ofType("aws", "s3", "BucketVersioningV2").get(0);
        assertThat(versioning.inputs().has(PlanReader.DEFAULTS_MARKER)).isFalse();
        assertThat(versioning.inputs().path("versioningConfiguration").fieldNames())
                .toIterable().containsExactly("status");
        assertThat(plan.find(P + "aws:iam/role:Role::vendor").orElseThrow().inputs().fieldNames())
                .toIterable().containsExactly("assumeRolePolicy", "name");
    }

    @Test
    void aPropertysDependenciesFallBackToAllDependenciesOnlyWhenNoneAreRecordedByProperty()
            throws PlanFormatException {
        String key = Fixtures.urn("aws:iam/accessKey:AccessKey", "k");
        Plan plan = PlanReader.read("{\"steps\":["
                + Fixtures.step("kubernetes:core/v1:Secret", "by-property", "{}",
                        "\"dependencies\":[\"" + key + "\",\"ns\"],\"propertyDependencies\":{\"metadata\":[\"ns\"],\"data\":[\"" + key + "\"]}")
                + "," + Fixtures.step("kubernetes:core/v1:Secret", "no-record", "{}", "\"dependencies\":[\"" + key + "\"]")
                + "]}");
        PlanResource byProperty = plan.resources().get(0);
        assertThat(byProperty.dependenciesOf("data")).containsExactly(key);
        assertThat(byProperty.dependenciesOf("stringData")).isEmpty();
        assertThat(plan.resources().get(1).dependenciesOf("stringData")).containsExactly(key);
    }

    @Test
    void stepOpsSortIntoChangesKeepsAndRemoves() {
        assertThat(List.of("create", "update", "replace", "create-replacement", "import", "import-replacement")
                .stream().map(StepOp::of)).containsOnly(StepOp.CHANGES);
        assertThat(List.of("same", "read", "read-replacement", "refresh").stream().map(StepOp::of))
                .containsOnly(StepOp.KEEPS);
        assertThat(List.of("delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace")
                .stream().map(StepOp::of)).containsOnly(StepOp.REMOVES);
        assertThat(StepOp.of(null)).isEqualTo(StepOp.CHANGES);
        assertThat(StepOp.of("some-future-op")).isEqualTo(StepOp.CHANGES);
    }
}
