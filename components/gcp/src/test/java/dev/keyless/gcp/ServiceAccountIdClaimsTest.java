package dev.keyless.gcp;

import com.pulumi.core.Output;
import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One Google service account per id in a project, whichever components create them. */
class ServiceAccountIdClaimsTest {
    private static final String ACCOUNT = "gcp:serviceaccount/account:Account";

    private static FederatedServiceAccount impersonating(String name, OidcCluster cluster, ServiceAccountImpersonation mechanism) {
        return new FederatedServiceAccount(name, FederatedServiceAccountArgs.builder()
                .cluster(cluster).namespace("shop").name(name).identity(mechanism).build());
    }

    private static ServiceAccountImpersonation withId(String accountId) {
        return ServiceAccountImpersonation.builder().accountId(accountId).build();
    }

    private static AdoptedGkeCluster adoptedIn(String name, Output<String> project) {
        return new AdoptedGkeCluster(name, AdoptedGkeClusterArgs.builder().projectId(project).location("europe-west1")
                .clusterName(name).kubeconfig("{\"apiVersion\":\"v1\"}").build());
    }

    @Test
    void anExplicitAccountIdUsedTwiceInAProjectIsRefusedNamingBoth() {
        var failure = SimulatedStack.named("ids").runExpectingFailure(ctx -> {
            var cluster = TestClusters.adopted("green");
            impersonating("api", cluster, withId("shop-sa"));
            impersonating("web", cluster, withId("shop-sa"));
        });

        assertThat(failure.error()).isInstanceOf(InvalidInputException.class);
        assertThat(failure.message()).isEqualTo("accountId must be a Google service account id no other component of this program uses "
                + "in project 'shop-prod-4711', but 'api' and 'web' both use it: 'shop-sa'");
        assertThat(failure.deployment().ofType(ACCOUNT)).extracting(r -> r.name()).containsExactly("api-gsa");
        assertThat(failure.deployment().find(FederatedServiceAccount.TYPE, "web")).isEmpty();
    }

    @Test
    void anExplicitIdEqualToAnotherWorkloadsDerivedIdIsRefused() {
        var failure = SimulatedStack.named("ids").runExpectingFailure(ctx -> {
            var cluster = TestClusters.adopted("green");
            impersonating("reports", cluster, ServiceAccountImpersonation.defaults());
            impersonating("web", cluster, withId("reports"));
        });

        assertThat(failure.message()).isEqualTo("accountId must be a Google service account id no other component of this program uses "
                + "in project 'shop-prod-4711', but 'reports' and 'web' both use it: 'reports'");
    }

    @Test
    void aWorkloadNamedLikeAClustersNodeAccountIsRefusedWhicheverComesFirst() {
        var stack = SimulatedStack.named("ids").config("gcp:project", TestClusters.PROJECT).config("gcp:region", "europe-west1");
        var workloadSecond = stack.runExpectingFailure(ctx -> {
            var cluster = new GkeCluster("platform", GkeClusterArgs.builder().build());
            impersonating("platform-nodes", cluster, ServiceAccountImpersonation.defaults());
        });
        assertThat(workloadSecond.message()).isEqualTo("accountId (from the component's name) must be a Google service account id no other "
                + "component of this program uses in project 'shop-prod-4711', but 'platform' and 'platform-nodes' both use it: 'platform-nodes'");

        var clusterSecond = stack.runExpectingFailure(ctx -> {
            impersonating("platform-nodes", TestClusters.adopted("green"), ServiceAccountImpersonation.defaults());
            new GkeCluster("platform", GkeClusterArgs.builder().build());
        });
        assertThat(clusterSecond.message()).isEqualTo("node service account id (from the cluster's name) must be a Google service account id "
                + "no other component of this program uses in project 'shop-prod-4711', but 'platform-nodes' and 'platform' both use it: 'platform-nodes'");
        assertThat(clusterSecond.deployment().find(GkeCluster.TYPE, "platform")).as("the cluster registers nothing").isEmpty();
    }

    @Test
    void aProjectFromAnotherStackIsCheckedOnceKnown() {
        var failure = SimulatedStack.named("ids").runExpectingFailure(ctx -> {
            impersonating("api", adoptedIn("green", Output.of(TestClusters.PROJECT)), withId("shop-sa"));
            impersonating("web", adoptedIn("blue", Output.of(TestClusters.PROJECT)), withId("shop-sa"));
        });

        assertThat(failure.message()).isEqualTo("accountId must be a Google service account id no other component of this program uses "
                + "in project 'shop-prod-4711', but 'api' and 'web' both use it: 'shop-sa'");
    }

    @Test
    void oneIdInTwoProjectsAndOneExistingAccountSharedAreAccepted() {
        var deployment = SimulatedStack.named("ids").config("gcp:region", "europe-west1").run(ctx -> {
            impersonating("api", TestClusters.adopted("green"), withId("shop-sa"));
            var other = new GkeCluster("other", GkeClusterArgs.builder().projectId("shop-dev-4711").build());
            impersonating("web", other, withId("shop-sa"));
            var existing = ServiceAccountImpersonation.builder().existingServiceAccount("charts@shop-prod-4711.iam.gserviceaccount.com").build();
            impersonating("reader-a", TestClusters.adopted("blue"), existing);
            impersonating("reader-b", TestClusters.adopted("red"), existing);
        });

        assertThat(deployment.errors()).isEmpty();
        assertThat(deployment.ofType(ACCOUNT)).extracting(r -> r.name() + " " + r.input("accountId").orElseThrow() + " " + r.input("project").orElseThrow())
                .containsExactlyInAnyOrder("api-gsa shop-sa shop-prod-4711", "web-gsa shop-sa shop-dev-4711",
                        "other-nodes-sa other-nodes shop-dev-4711");
    }
}
