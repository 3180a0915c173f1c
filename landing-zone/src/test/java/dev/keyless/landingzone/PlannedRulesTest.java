package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the components check only when they plan or claim, checked while the config is read:
 * each refusal at the config key it is about, beside the valid boundary.
 */
class PlannedRulesTest {
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String EKS_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/";
    private static final String IDENTITY = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/team"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop";

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    private static void accepted(String config) {
        ZoneStack.withConfig(config).run(LandingZone::stack);
    }

    private static String aksClusters(int count, boolean resourceGroup) {
        return "aks-kubeconfig: \"apiVersion: v1\"\nclusters:\n" + IntStream.rangeClosed(1, count).mapToObj(i -> """
                  aks-%d:
                    cloud: azure
                    adopt:
                      issuerUrl: https://westeurope.oic.prod-aks.azure.com/%s/3f1c2b9e-5d4a-4c8b-9e7f-%012d/
                      kubeconfigSecret: aks-kubeconfig
                %s""".formatted(i, TENANT, i, resourceGroup ? "      resourceGroup: platform-rg\n" : "")).collect(Collectors.joining());
    }

    private static String eksClusters(int count) {
        return "eks-kubeconfig: \"apiVersion: v1\"\nclusters:\n" + IntStream.rangeClosed(1, count).mapToObj(i -> """
                  eks-%d:
                    cloud: aws
                    adopt:
                      clusterName: eks-%d
                      issuerUrl: %s%032d
                      kubeconfigSecret: eks-kubeconfig
                """.formatted(i, i, EKS_ISSUER, i)).collect(Collectors.joining());
    }

    private static String others(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void anEntraIdentityTrustedByMoreThanTwentyClustersIsRefusedAtAlsoTrustedBy() {
        var workload = """
                workloads:
                  api:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: api
                    alsoTrustedBy: %s
                """;
        accepted(aksClusters(21, true) + workload.formatted(others("aks-", 2, 20)));
        assertThat(problems(aksClusters(21, true) + workload.formatted(others("aks-", 2, 21)))).containsExactly(
                "workloads.api.alsoTrustedBy: federated credentials of managed identity 'api-identity' must be at most 20 "
                        + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
    }

    @Test
    void twentyWorkloadsMayShareAnExistingIdentityAndTheTwentyFirstIsRefusedHoweverItsIdIsCased() {
        var workloads = new StringBuilder("workloads:\n");
        for (int i = 1; i <= 21; i++) {
            workloads.append("""
                      w%d:
                        cluster: aks-1
                        namespace: shop
                        serviceAccount: w%d
                        options: {existingIdentity: "%s"}
                    """.formatted(i, i, i % 2 == 0 ? IDENTITY.toUpperCase(java.util.Locale.ROOT) : IDENTITY));
        }
        var twenty = workloads.substring(0, workloads.indexOf("  w21:"));
        accepted(aksClusters(1, true) + twenty);
        assertThat(problems(aksClusters(1, true) + workloads)).containsExactly(
                "workloads.w21.options.existingIdentity: federated credentials of managed identity 'shop' must be at most 20 "
                        + "(Entra ID's limit per managed identity; trust fewer clusters or use another identity): '21'");
    }

    @Test
    void aCredentialNameTheClusterSuffixMakesTooLongIsRefusedAtCredentialName() {
        var config = aksClusters(2, true) + """
                workloads:
                  api:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: api
                    alsoTrustedBy: [aks-2]
                    options: {credentialName: %s}
                """;
        accepted(config.formatted("c".repeat(114)));
        assertThat(problems(config.formatted("c".repeat(115)))).containsExactly(
                "workloads.api.options.credentialName: credentialName must be 3 to 120 characters of [A-Za-z0-9_-], starting with "
                        + "a letter or digit (federated identity credential name): '" + "c".repeat(115) + "-aks-2'");
    }

    @Test
    void anAdoptedAksClusterWithNoResourceGroupAnywhereIsRefusedAtTheWorkloadsResourceGroup() {
        var workload = """
                workloads:
                  api:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: api
                %s""";
        accepted(aksClusters(1, false) + workload.formatted("    options: {resourceGroup: shop-rg}\n"));
        assertThat(problems(aksClusters(1, false) + workload.formatted(""))).containsExactly(
                "workloads.api.options.resourceGroup: resourceGroup is required: adopted AKS cluster 'aks-1' names no resource group: "
                        + "give resourceGroup in the cluster's adopt settings or options.resourceGroup for the new managed identity");
    }

    @Test
    void optionsThatExcludeEachOtherAreRefusedAtTheOptionThatExcludes() {
        var config = aksClusters(1, true) + """
                  gke:
                    cloud: gcp
                    create: {projectId: acme-prod, location: europe-west1}
                workloads:
                  api:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: api
                    options: {existingIdentity: "%s"}
                  loader:
                    cluster: gke
                    namespace: events
                    serviceAccount: loader
                    mechanism: impersonation
                    options: {existingServiceAccount: loader@acme-prod.iam.gserviceaccount.com}
                """;
        accepted(config.formatted(IDENTITY));
        assertThat(problems(aksClusters(1, true) + """
                  gke:
                    cloud: gcp
                    create: {projectId: acme-prod, location: europe-west1}
                workloads:
                  api:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: api
                    options: {existingIdentity: "%s", identityName: shop-api}
                  loader:
                    cluster: gke
                    namespace: events
                    serviceAccount: loader
                    mechanism: impersonation
                    options: {accountId: event-loader, existingServiceAccount: loader@acme-prod.iam.gserviceaccount.com}
                """.formatted(IDENTITY))).containsExactly(
                "workloads.api.options.existingIdentity: existingIdentity and identityName exclude each other: "
                        + "an existing identity keeps its own name and resource group",
                "workloads.loader.options.existingServiceAccount: existingServiceAccount and accountId exclude each other: "
                        + "an existing service account keeps its own id");
    }

    @Test
    void anIrsaTrustPolicyThatAlsoTrustedByClustersMakeTooLargeIsRefusedThere() {
        var workload = """
                workloads:
                  api:
                    cluster: eks-1
                    namespace: shop
                    serviceAccount: api
                    alsoTrustedBy: %s
                """;
        accepted(eksClusters(5) + workload.formatted(others("eks-", 2, 4)));
        assertThat(problems(eksClusters(5) + workload.formatted(others("eks-", 2, 5)))).containsExactly(
                "workloads.api.alsoTrustedBy: trust policy of shop/api must be at most maxTrustPolicySize = 2048 characters without "
                        + "whitespace (IAM's role trust policy quota; raise the quota and set maxTrustPolicySize, or trust fewer clusters): "
                        + "'2348 characters (upper bound for EKS issuers)'");
    }

    @Test
    void anExistingStoreWithTwoBadNamesReportsBoth() {
        accepted(aksClusters(1, true) + """
                stores:
                  ledger:
                    cloud: azure
                    create: false
                    resourceGroup: payments-rg
                    account: ledgeraccount
                    container: ledger
                workloads: {}
                """);
        assertThat(problems(aksClusters(1, true) + """
                stores:
                  ledger:
                    cloud: azure
                    create: false
                    resourceGroup: payments-rg
                    account: Ledger_Account
                    container: "-ledger"
                workloads: {}
                """)).containsExactly(
                "stores.ledger.account: account must be 3 to 24 lowercase letters and digits (storage account name): 'Ledger_Account'",
                "stores.ledger.container: container must be 3 to 63 characters of [a-z0-9-], starting and ending with a letter "
                        + "or digit, with no two hyphens in a row (blob container name): '-ledger'");
    }

    @Test
    void aResourceGroupWithABadNameIsRefusedWhereverItIsWritten() {
        var config = """
                aks-kubeconfig: "apiVersion: v1"
                clusters:
                  aks:
                    cloud: azure
                    adopt:
                      issuerUrl: https://westeurope.oic.prod-aks.azure.com/%1$s/3f1c2b9e-5d4a-4c8b-9e7f-0a1b2c3d4e5f/
                      resourceGroup: "%2$s"
                      kubeconfigSecret: aks-kubeconfig
                stores:
                  ledger:
                    cloud: azure
                    resourceGroup: "%2$s"
                workloads:
                  api:
                    cluster: aks
                    namespace: shop
                    serviceAccount: api
                    options: {resourceGroup: "%2$s"}
                """;
        accepted(config.formatted(TENANT, "rg-(payments)_1.a"));
        assertThat(problems(config.formatted(TENANT, "bad rg!"))).containsExactly(
                "clusters.aks.adopt.resourceGroup: resourceGroup must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' "
                        + "(Azure resource group name): 'bad rg!'",
                "stores.ledger.resourceGroup: resourceGroup must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' "
                        + "(Azure resource group name): 'bad rg!'",
                "workloads.api.options.resourceGroup: resourceGroup must be 1 to 90 characters of [A-Za-z0-9_.()-], not ending in '.' "
                        + "(Azure resource group name): 'bad rg!'");
    }

    @Test
    void twoIdentitiesWithOneNameInOneResourceGroupAreRefusedAsAzureComparesNames() {
        var config = aksClusters(1, true) + """
                workloads:
                  a:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: a
                    options: {identityName: Payments}
                  b:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: b
                    options: {identityName: %s}
                """;
        accepted(config.formatted("payments-b"));
        assertThat(problems(config.formatted("payments"))).containsExactly(
                "workloads.b.options.identityName: identityName must be a managed identity name no other component of this program "
                        + "uses in resource group 'platform-rg', but 'a' and 'b' both use it: 'payments'");
    }

    @Test
    void twoGoogleServiceAccountsWithOneIdInOneProjectAreRefused() {
        var config = """
                clusters:
                  gke:
                    cloud: gcp
                    create: {projectId: acme-prod, location: europe-west1}
                  other:
                    cloud: gcp
                    create: {projectId: acme-test, location: europe-west1}
                workloads:
                  a:
                    cluster: gke
                    namespace: events
                    serviceAccount: a
                    mechanism: impersonation
                    options: {accountId: event-loader}
                  b:
                    cluster: %s
                    namespace: events
                    serviceAccount: b
                    mechanism: impersonation
                    options: {accountId: event-loader}
                """;
        accepted(config.formatted("other"));
        assertThat(problems(config.formatted("gke"))).containsExactly(
                "workloads.b.options.accountId: accountId must be a Google service account id no other component of this program "
                        + "uses in project 'acme-prod', but 'a' and 'b' both use it: 'event-loader'");
    }

    @Test
    void twoClustersOfOneProjectShareItsWorkloadPoolSoOneServiceAccountNameBindsOnce() {
        var config = """
                clusters:
                  blue:
                    cloud: gcp
                    create: {projectId: acme-prod, location: europe-west1}
                  green:
                    cloud: gcp
                    create: {projectId: %s, location: europe-west4}
                workloads:
                  api-blue:
                    cluster: blue
                    namespace: shop
                    serviceAccount: api
                  api-green:
                    cluster: green
                    namespace: shop
                    serviceAccount: api
                """;
        accepted(config.formatted("acme-test"));
        assertThat(problems(config.formatted("acme-prod"))).containsExactly(
                "workloads.api-green: binds ServiceAccount shop/api in cluster 'green', as workloads.api-blue does in cluster 'blue', "
                        + "and both are in workload pool 'acme-prod.svc.id.goog'; a ServiceAccount has one identity");
    }

    @Test
    void aGcpFederationsRulesAreConfigProblemsAtTheWorkloadAndItsValidBoundaryPasses() {
        var config = "gcp:project: acme-analytics\n" + eksClusters(1) + """
                stores:
                  results:
                    cloud: gcp
                    create: false
                    bucket: acme-results
                workloads:
                  api:
                    cluster: eks-1
                    namespace: shop
                    serviceAccount: %s
                    grants:
                      - store: results
                        access: read
                """;
        // Google maps at most 127 bytes to google.subject: system:serviceaccount:shop: is 27 of them.
        var longest = "a".repeat(63) + "." + "a".repeat(36);
        accepted(config.formatted(longest));
        var name = longest + "a";
        assertThat(problems(config.formatted(name))).containsExactly("workloads.api.grants: namespace and name must be a subject of "
                + "at most 127 bytes, the most Google maps to google.subject (shorten the namespace or ServiceAccount name): "
                + "'system:serviceaccount:shop:" + name + "'");
    }
}
