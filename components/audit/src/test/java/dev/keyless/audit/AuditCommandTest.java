package dev.keyless.audit;

import static dev.keyless.audit.Fixtures.planFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int runWithInput(String stdin, String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code = AuditCommand.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void badPlanPrintsEveryFindingAndTheSummaryAndFailsAtTheDefaultHigh() {
        assertThat(run(planFile("bad-plan.json").toString())).isEqualTo(1);
        assertThat(out).isEqualTo(Fixtures.text("bad-plan.expected.txt"));
        assertThat(err).isEmpty();
    }

    @Test
    void anUpdatesPlanIsJudgedByWhatItChangesWithUnchangedResourcesAsContext() {
        // A same-step access key is not this update's finding, the new Secret built from it is; the
        // narrowed policy passes, the widened one and the replaced role's new trust do not; the
        // read account, the deleted key and the replaced role's old trust are not judged; a same
        // step that drops protect is.
        assertThat(run(planFile("update-plan.json").toString())).isEqualTo(1);
        assertThat(out.lines().map(line -> line.substring(0, line.indexOf(". Fix:") < 0 ? line.length() : line.indexOf(". Fix:"))))
                .containsExactly(
                        "critical KL015 urn:pulumi:prod::shop::kubernetes:core/v1:Secret::ci-creds: stringData built from AccessKey ci-key",
                        "high KL009 urn:pulumi:prod::shop::aws:iam/rolePolicy:RolePolicy::writer: Action s3:*, Resource *",
                        "high KL018 urn:pulumi:prod::shop::aws:iam/role:Role::vendor: another account's arn:aws:iam::444455556666:role/deployer without sts:ExternalId",
                        "medium KL014 urn:pulumi:prod::shop::azure-native:storage:BlobContainer::charts: no retainOnDelete or protect",
                        "4 findings: 1 critical, 2 high, 1 medium");
    }

    @Test
    void badPlanFailsAtCriticalBecauseItHoldsStaticKeys() {
        assertThat(run(planFile("bad-plan.json").toString(), "--fail-on", "critical")).isEqualTo(1);
    }

    @Test
    void theControllerPresetsAndACloudStorageIssuerHaveNoFindingAtAnySeverity() {
        // ./preview --json of AwsControllers' external-dns, cert-manager, external-secrets,
        // cluster-autoscaler and EBS CSI driver (with a key) on an adopted EKS cluster, and of a
        // GcsOidcIssuer: their statements on "*" and the issuer bucket's allUsers read are as documented.
        for (String plan : new String[] {"controller-presets-plan.json", "gcs-issuer-plan.json"}) {
            assertThat(run(planFile(plan).toString(), "--fail-on", "low")).isEqualTo(0);
            assertThat(out).isEqualTo("0 findings\n");
        }
    }

    @Test
    void cleanPlanHasNoFindingAtAnySeverity() {
        assertThat(run(planFile("clean-plan.json").toString(), "--fail-on", "low")).isEqualTo(0);
        assertThat(out).isEqualTo("0 findings\n");
    }

    @Test
    void theThresholdDecidesWhetherAMediumFindingFails() throws IOException {
        String plan = write("medium.json", "{\"steps\":[" + Fixtures.step("azure-native:storage:BlobContainer", "c",
                "{\"publicAccess\":\"None\"}", "") + "]}");
        assertThat(run(plan)).isEqualTo(0);
        assertThat(out).isEqualTo("medium KL014 urn:pulumi:dev::t::azure-native:storage:BlobContainer::c: "
                + "no retainOnDelete or protect. Fix: Set publicAccess: None and retainOnDelete (or protect) on the container\n"
                + "1 finding: 1 medium\n");
        assertThat(run(plan, "--fail-on", "high")).isEqualTo(0);
        assertThat(run(plan, "--fail-on", "medium")).isEqualTo(1);
        assertThat(run("--fail-on", "low", plan)).isEqualTo(1);
    }

    @Test
    void readsThePlanFromStandardInputForADash() {
        assertThat(runWithInput(Fixtures.text("bad-plan.json"), "-")).isEqualTo(1);
        assertThat(out).isEqualTo(Fixtures.text("bad-plan.expected.txt"));
    }

    @Test
    void helpPrintsTheUsageAndExitCodes() {
        assertThat(run("x.json", "--help")).isEqualTo(0);
        assertThat(out).startsWith("Usage: keyless-audit PLAN.json [--sarif FILE] [--fail-on low|medium|high|critical]\n")
                .contains("  2  the command line, the plan document or the SARIF file cannot be used\n");
    }

    @Test
    void badUsageExitsTwoWithTheReasonAndTheUsage() {
        List<String> reasons = new ArrayList<>();
        for (String[] args : new String[][] {
                {}, {"--fail-on", "severe", "p.json"}, {"p.json", "--sarif"}, {"p.json", "--quiet"}, {"a.json", "b.json"}}) {
            assertThat(run(args)).isEqualTo(2);
            assertThat(out).isEmpty();
            assertThat(err).contains("Usage: keyless-audit");
            reasons.add(err.lines().findFirst().orElseThrow());
        }
        assertThat(reasons).containsExactly(
                "keyless-audit: no plan given",
                "keyless-audit: --fail-on: 'severe' is not one of low, medium, high, critical",
                "keyless-audit: --sarif needs a value",
                "keyless-audit: unknown option --quiet",
                "keyless-audit: one plan only; got a.json and b.json");
    }

    @Test
    void anUnreadableOrUnfamiliarDocumentExitsTwo() throws IOException {
        String missing = dir.resolve("missing.json").toString();
        assertThat(run(missing)).isEqualTo(2);
        assertThat(err).startsWith("keyless-audit: cannot read " + missing + ": java.nio.file.NoSuchFileException");

        String notJson = write("not.json", "Previewing update (dev):\n");
        assertThat(run(notJson)).isEqualTo(2);
        assertThat(err).startsWith("keyless-audit: " + notJson + ": not JSON: ");

        String noSteps = write("nosteps.json", "{\"resources\":[]}");
        assertThat(run(noSteps)).isEqualTo(2);
        assertThat(err).isEqualTo("keyless-audit: " + noSteps
                + ": no \"steps\" array: not a pulumi preview --json document\n");

        String noUrn = write("nourn.json", "{\"steps\":[{\"op\":\"create\",\"newState\":{\"type\":\"aws:s3/bucketV2:BucketV2\"}}]}");
        assertThat(run(noUrn)).isEqualTo(2);
        assertThat(err).isEqualTo("keyless-audit: " + noUrn + ": steps[0].newState has no text \"urn\" and \"type\"\n");
        assertThat(out).isEmpty();
    }

    @Test
    void stepsWithoutANewStateAreNotResources() throws IOException {
        String deletes = write("delete.json", "{\"steps\":[{\"op\":\"delete\",\"urn\":\"u\",\"oldState\":{}}]}");
        assertThat(run(deletes, "--fail-on", "low")).isEqualTo(0);
        assertThat(out).isEqualTo("0 findings\n");
    }

    @Test
    void anUnwritableSarifFileExitsTwo() {
        String sarif = dir.resolve("no-such-dir").resolve("audit.sarif").toString();
        assertThat(run(planFile("clean-plan.json").toString(), "--sarif", sarif)).isEqualTo(2);
        assertThat(err).startsWith("keyless-audit: cannot write " + sarif + ": java.nio.file.NoSuchFileException");
    }
}
