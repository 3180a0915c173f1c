package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A namespace/ServiceAccount is bound once per trust domain, not per cluster key: every GKE
 * cluster of a project shares its workload pool, and one cluster adopted twice its issuer.
 * Refused with the config's other problems, before anything is registered.
 */
class OneBindingPerTrustDomainTest {
    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    private static String gke(String blueProject, String greenProject) {
        return """
                gke-kubeconfig: "apiVersion: v1"
                clusters:
                  blue:
                    cloud: gcp
                    create:
                      projectId: %s
                      location: europe-west1
                  green:
                    cloud: gcp
                    adopt:
                      projectId: %s
                      location: europe-west1
                      clusterName: green
                      kubeconfigSecret: gke-kubeconfig
                workloads:
                  api-blue:
                    cluster: blue
                    namespace: shop
                    serviceAccount: api
                    options:
                      projectNumber: "123456789012"
                  api-green:
                    cluster: green
                    namespace: shop
                    serviceAccount: api
                    options:
                      projectNumber: "123456789012"
                """.formatted(blueProject, greenProject);
    }

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    @Test
    void twoGkeClustersOfOneProjectCannotBothBindAServiceAccount() {
        assertThat(problems(gke("shop-prod-4711", "shop-prod-4711"))).containsExactly(
                "workloads.api-green: binds ServiceAccount shop/api in cluster 'green', as workloads.api-blue does in cluster 'blue', "
                        + "and both are in workload pool 'shop-prod-4711.svc.id.goog'; a ServiceAccount has one identity");
    }

    @Test
    void oneServiceAccountInTwoProjectsIsAccepted() {
        var deployment = ZoneStack.withConfig(gke("shop-prod-4711", "shop-dev-4711")).run(LandingZone::stack);
        assertThat(deployment.find("kubernetes:core/v1:ServiceAccount", "api-blue-sa")).isPresent();
        assertThat(deployment.find("kubernetes:core/v1:ServiceAccount", "api-green-sa")).isPresent();
    }

    @Test
    void oneEksClusterAdoptedTwiceCannotBindAServiceAccountTwice() {
        assertThat(problems("""
                eks-kubeconfig: "apiVersion: v1"
                clusters:
                  green:
                    cloud: aws
                    adopt: {clusterName: green, issuerUrl: "%1$s", kubeconfigSecret: eks-kubeconfig}
                  green-again:
                    cloud: aws
                    adopt: {clusterName: green, issuerUrl: "%1$s", kubeconfigSecret: eks-kubeconfig}
                workloads:
                  api:
                    cluster: green
                    namespace: shop
                    serviceAccount: api
                  api-again:
                    cluster: green-again
                    namespace: shop
                    serviceAccount: api
                """.formatted(ISSUER))).containsExactly(
                "workloads.api-again: binds ServiceAccount shop/api in cluster 'green-again', as workloads.api does in cluster 'green', "
                        + "and both are in OIDC issuer '" + ISSUER + "'; a ServiceAccount has one identity");
    }
}
