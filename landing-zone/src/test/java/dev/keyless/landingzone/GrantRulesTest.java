package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's rules on a workload's grants, checked while the config is read for grants on
 * stores the config names: each is one config problem at its key, and nothing registers.
 */
class GrantRulesTest {
    private static final String CLUSTER = """
            eks-kubeconfig: "apiVersion: v1"
            clusters:
              eks-1:
                cloud: aws
                adopt:
                  clusterName: eks-1
                  issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/00000000000000000000000000000001
                  kubeconfigSecret: eks-kubeconfig
            """;
    // 20 grants fit the role's inline policy (10,240 characters), 21 spill into a managed policy;
    // 140 fill the inline policy and all 10 managed policies a role may have, 141 need an 11th.
    private static final int INLINE_ONLY = 20;
    private static final int PASSING = 140;
    private static final String OVERFLOW = "workloads.api: grants of shop/api must be at most 10240 characters in the role's inline "
            + "policy and 6144 in each of its attached managed policies, at most 10 of them (IAM's quotas; use fewer or shorter "
            + "grants, split the workload, or raise managedPolicyQuota when the account's quota was raised): '70043 characters "
            + "(at preview, names not yet known counted at their longest), needing 11 customer-managed policies besides 0 other "
            + "managed policies'";

    private static List<String> problems(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return ((InvalidConfigException) failure.error()).problems();
    }

    // Existing buckets with long names, each granted read-write on a long prefix: each grant adds
    // its statements to the role's grant policies.
    private static String existingS3Grants(int count) {
        var stores = IntStream.rangeClosed(1, count).mapToObj(i -> """
                  reports-%d:
                    cloud: aws
                    create: false
                    bucket: shop-reports-archive-of-the-finance-department-%02d
                """.formatted(i, i)).collect(Collectors.joining("", "stores:\n", ""));
        var grants = IntStream.rangeClosed(1, count).mapToObj(i -> """
                      - store: reports-%d
                        access: readWrite
                        prefix: monthly/exports/finance/department/%02d/
                """.formatted(i, i)).collect(Collectors.joining());
        return CLUSTER + stores + """
                workloads:
                  api:
                    cluster: eks-1
                    namespace: shop
                    serviceAccount: api
                    grants:
                """ + grants;
    }

    @Test
    void existingS3GrantsPastEveryPolicyQuotaAreOneProblemAtTheWorkload() {
        assertThat(ZoneStack.withConfig(existingS3Grants(INLINE_ONLY)).run(LandingZone::stack)
                .find("aws:iam/policy:Policy", "api-grants-2")).isEmpty();
        assertThat(ZoneStack.withConfig(existingS3Grants(INLINE_ONLY + 1)).run(LandingZone::stack)
                .find("aws:iam/policy:Policy", "api-grants-2")).isPresent();
        assertThat(ZoneStack.withConfig(existingS3Grants(PASSING)).run(LandingZone::stack)
                .ofType("aws:iam/policy:Policy")).hasSize(10);

        assertThat(problems(existingS3Grants(PASSING + 1))).containsExactly(OVERFLOW);
    }

    @Test
    void oneStorageAccountInTwoResourceGroupsIsRefusedAtTheSecondGrant() {
        var config = """
                aks-kubeconfig: "apiVersion: v1"
                clusters:
                  aks-1:
                    cloud: azure
                    adopt:
                      issuerUrl: https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/3f1c2b9e-5d4a-4c8b-9e7f-000000000001/
                      kubeconfigSecret: aks-kubeconfig
                      resourceGroup: platform-rg
                stores:
                  reports:
                    cloud: azure
                    create: false
                    resourceGroup: reports-rg
                    account: reportsacct
                    container: monthly
                  archive:
                    cloud: azure
                    create: false
                    resourceGroup: archive-rg
                    account: reportsacct
                    container: yearly
                workloads:
                  api:
                    cluster: aks-1
                    namespace: shop
                    serviceAccount: api
                    grants:
                      - store: reports
                        access: read
                      - store: archive
                        access: read
                """;

        assertThat(problems(config)).containsExactly("workloads.api.grants[1]: grants[1] must be a container of storage account "
                + "'reportsacct' in its one resource group 'reports-rg', as grants[0] names it "
                + "(storage account names are unique across Azure): 'archive-rg'");
    }
}
