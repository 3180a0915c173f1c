package dev.keyless.landingzone;

import dev.keyless.landingzone.config.InvalidConfigException;
import dev.keyless.testkit.ProgramFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad config stops the stack before anything is registered, with one error naming every problem. */
class ConfigProblemsTest {
    private static final String CLUSTERS = """
            platform-kubeconfig: "apiVersion: v1"
            clusters:
              platform:
                cloud: aws
                adopt:
                  clusterName: platform
                  issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                  kubeconfigSecret: platform-kubeconfig
            """;

    private static ProgramFailure failing(String config) {
        var failure = ZoneStack.withConfig(config).runExpectingFailure(LandingZone::stack);
        assertThat(failure.error()).isInstanceOf(InvalidConfigException.class);
        assertThat(failure.registeredBesidesStack()).isEmpty();
        return failure;
    }

    private static java.util.List<String> problems(String config) {
        return ((InvalidConfigException) failing(config).error()).problems();
    }

    @Test
    void tenProblemsAreNamedInOneErrorWithTheirConfigPaths() {
        var failure = failing("""
                clusters:
                  platform:
                    cloud: aws
                    adopt:
                      clusterName: platform
                      issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE/
                      kubeconfigSecret: platform-kubeconfig
                  analytics:
                    cloud: gcp
                    create:
                      location: europe-west1
                      autopilott: true
                platform-kubeconfig: "apiVersion: v1"
                stores:
                  charts:
                    cloud: aws
                  events:
                    cloud: gcp
                    location: EU
                workloads:
                  payments:
                    cluster: platform
                    namespace: Payments
                    serviceAccount: api
                    grants:
                      - store: charts
                        access: rw
                      - store: events
                        access: read
                  billing:
                    cluster: platfrom
                    namespace: billing
                    serviceAccount: api
                  ledger:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                    createNamespace: "yes"
                    grants:
                      - store: charts
                        access: read
                        prefix: "ledger/${aws:username}/"
                  ledger-copy:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                    mechanism: kiam
                """);

        assertThat(failure.message()).isEqualTo("""
                the landing zone's config has 9 problems; nothing was created:
                  - clusters.platform.adopt.issuerUrl: issuerUrl must be an https issuer URL with a host and optional path, and no \
                port, query, fragment, wildcard or trailing '/', as EKS reports it (https://oidc.eks.REGION.amazonaws.com/id/ID): 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE/'
                  - clusters.analytics.create.autopilott: unknown key; expected one of autopilot, clusterName, deletionProtection, \
                location, nodePool, projectId, releaseChannel
                  - workloads.payments.namespace: namespace must be a DNS-1123 label (<= 63 chars, [a-z0-9-], starting and ending with \
                [a-z0-9]): 'Payments'
                  - workloads.payments.grants[0].access: 'rw' is not one of read, readWrite
                  - workloads.billing.cluster: 'platfrom' is not a cluster defined under clusters (defined: platform, analytics)
                  - workloads.ledger.createNamespace: must be true or false, not the string 'yes'
                  - workloads.ledger.grants[0].prefix: prefix must be 1 to 1024 characters with no '*' or '?', no '${' (IAM reads \
                it as a policy variable) and no leading '/' (S3 key prefix): 'ledger/${aws:username}/'
                  - workloads.ledger-copy.mechanism: 'kiam' is not one of irsa, podIdentity
                  - workloads.ledger-copy: binds ServiceAccount shop/api in cluster 'platform', as workloads.ledger does; \
                a ServiceAccount has one identity""");
    }

    @Test
    void theSectionsMustBePresentAndBeMaps() {
        assertThat(problems("stores: {}")).containsExactly(
                "clusters: is required: a map of clusters keyed by a stable name",
                "workloads: is required: a map of workloads keyed by a stable name");
        assertThat(problems("clusters: platform\nworkloads: [a, b]")).containsExactly(
                "clusters: must be a map of clusters keyed by a stable name, not the string 'platform'",
                "workloads: must be a map of workloads keyed by a stable name, not a list");
    }

    @Test
    void aClusterNamesItsCloudAndIsEitherCreatedOrAdopted() {
        assertThat(problems("""
                clusters:
                  a:
                    create: {}
                  b:
                    cloud: oracle
                    create: {}
                  c:
                    cloud: aws
                  d:
                    cloud: gcp
                    create: {}
                    adopt: {}
                  e:
                    cloud: azure
                    create: {}
                    region: westeurope
                  f: on
                workloads: {}
                """)).containsExactly(
                // Pulumi's YAML (yaml.v3) reads on/yes/no as strings; only true/false are booleans.
                "clusters.f: must be a map, not the string 'on'",
                "clusters.a.cloud: is required: one of aws, gcp, azure",
                "clusters.b.cloud: 'oracle' is not one of aws, gcp, azure",
                "clusters.c: needs 'create' (settings of a new cluster) or 'adopt' (the values of an existing one)",
                "clusters.d: takes 'create' or 'adopt', not both",
                "clusters.e.region: unknown key; expected one of adopt, cloud, controllers, create");
    }

    @Test
    void clusterSettingsAreCheckedByTheClusterComponentsOwnRules() {
        assertThat(problems("""
                clusters:
                  eks:
                    cloud: aws
                    create:
                      kubernetesVersion: 1.30
                      nodeGroup:
                        instanceTypes: t3.large
                        minSize: 3
                        desiredSize: two
                        maxSize: 2
                  adopted:
                    cloud: aws
                    adopt:
                      clusterName: shop
                      issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                      kubeconfigSecret: shop-kubeconfig
                  aks:
                    cloud: azure
                    adopt:
                      issuerUrl: https://westeurope.oic.prod-aks.azure.com/tenant/cluster
                workloads: {}
                """)).containsExactly(
                "clusters.eks.create.kubernetesVersion: must be a string, not the number 1.3 (quote it: YAML reads 1.30 as the number 1.3)",
                "clusters.eks.create.nodeGroup.instanceTypes: must be a list of strings, not the string 't3.large'",
                "clusters.eks.create.nodeGroup.desiredSize: must be a whole number, not the string 'two'",
                "clusters.adopted.adopt.kubeconfigSecret: names config key 'shop-kubeconfig', which is not set; "
                        + "set it with pulumi config set --secret shop-kubeconfig ...",
                "clusters.aks.adopt.issuerUrl: issuerUrl must be an AKS OIDC issuer URL exactly as AKS reports it "
                        + "(az aks show --query oidcIssuerProfile.issuerUrl): https://REGION.oic.prod-aks.azure.com/TENANT_ID/ID/ "
                        + "with its trailing '/' (a federated credential's issuer must equal the tokens' iss byte for byte): "
                        + "'https://westeurope.oic.prod-aks.azure.com/tenant/cluster'",
                "clusters.aks.adopt.kubeconfigSecret: is required: the config key that holds the cluster's kubeconfig "
                        + "(pulumi config set --secret KEY ...)");
        assertThat(problems("""
                clusters:
                  eks:
                    cloud: aws
                    create:
                      nodeGroup:
                        minSize: 3
                        desiredSize: 2
                workloads: {}
                """)).singleElement().asString().startsWith("clusters.eks.create.nodeGroup: nodeGroup");
    }

    @Test
    void storesAreCreatedProtectedOrNameAnExistingOne() {
        assertThat(problems(CLUSTERS + """
                stores:
                  Charts:
                    cloud: aws
                  named:
                    cloud: aws
                    bucket: acme-charts
                  missing:
                    cloud: aws
                    create: false
                  bad-name:
                    cloud: aws
                    create: false
                    bucket: acme..charts
                  events:
                    cloud: gcp
                  ledger-store:
                    cloud: azure
                    resourceGroup: payments-rg
                  ledger:
                    cloud: azure
                    versioning: false
                workloads: {}
                """)).containsExactly(
                "stores.Charts: name must be 1 to 55 characters of [a-z0-9.-], starting with a letter or digit, that with Pulumi's "
                        + "auto-name suffix ('-' and 7 random characters) make an S3 bucket name: 3 to 63 characters of [a-z0-9.-], "
                        + "starting and ending with a letter or digit, no '..', not an IP address, not starting with 'xn--', 'sthree-' or "
                        + "'amzn-s3-demo-' and not ending with '-s3alias', '--ol-s3', '.mrap', '--x-s3' or '--table-s3' (S3 bucket name): 'Charts'",
                "stores.named.bucket: names an existing bucket; set create: false to grant on it, or drop bucket to let the landing "
                        + "zone create and auto-name the store",
                "stores.missing.bucket: is required: the name of the existing bucket",
                "stores.bad-name.bucket: bucket must be 3 to 63 characters of [a-z0-9.-], starting and ending with a letter or digit, "
                        + "no '..', not an IP address, not starting with 'xn--', 'sthree-' or 'amzn-s3-demo-' and not ending with "
                        + "'-s3alias', '--ol-s3', '.mrap', '--x-s3' or '--table-s3' (S3 bucket name): 'acme..charts'",
                "stores.events.location: is required: where the bucket lives, e.g. EU or europe-west1",
                "stores.ledger-store: name must be 1 to 16 lowercase letters and digits, so that with Pulumi's auto-name suffix "
                        + "(8 random characters) it makes a storage account name: 3 to 24 lowercase letters and digits (storage account name): "
                        + "'ledger-store'",
                "stores.ledger.versioning: unknown key; expected one of account, cloud, container, create, kind, resourceGroup, retainOnDelete",
                "stores.ledger.resourceGroup: is required: the resource group that holds the storage account");
    }

    @Test
    void workloadsNameDefinedClustersAndStoresOfTheirOwnCloud() {
        assertThat(problems(CLUSTERS + """
                stores:
                  charts:
                    cloud: aws
                workloads:
                  api:
                    cluster: platform
                    namespace: shop
                    serviceAccount: API
                    team: shop
                    labels:
                      kubernetes.io/team: shop
                      replicas: 2
                    options:
                      roleName: "shop api"
                      roleTitle: api
                    grants:
                      - store: charts
                        access: read
                      - store: charts
                        access: readWrite
                      - store: logs
                        access: read
                      - store: charts
                      - charts
                  worker:
                    namespace: shop
                """)).containsExactly(
                "workloads.api.team: unknown key; expected one of alsoTrustedBy, cluster, createNamespace, grants, labels, mechanism, "
                        + "namespace, options, serviceAccount",
                "workloads.api.serviceAccount: serviceAccount must be a DNS-1123 subdomain (<= 253 chars, dot-separated labels of "
                        + "[a-z0-9-], each starting and ending with [a-z0-9]): 'API'",
                "workloads.api.labels.replicas: must be a string, not the number 2",
                "workloads.api.labels.kubernetes.io/team: label key must be a label key: an optional DNS-1123 subdomain prefix and '/', "
                        + "then a name of <= 63 chars of [A-Za-z0-9-_.] starting and ending with [A-Za-z0-9]; not under the reserved "
                        + "kubernetes.io/ or k8s.io/ prefixes: 'kubernetes.io/team'",
                "workloads.api.grants[4]: must be a map, not the string 'charts'",
                "workloads.api.grants[1].store: 'charts' is granted twice; give one grant per store",
                "workloads.api.grants[2].store: 'logs' is not a store defined under stores (defined: charts)",
                "workloads.api.grants[3].store: 'charts' is granted twice; give one grant per store",
                "workloads.api.grants[3].access: is required: one of read, readWrite",
                "workloads.api.options.roleTitle: unknown key; expected one of managedPolicyArns, maxSessionHours, permissionsBoundary, "
                        + "roleName, rolePath, trustServiceAccountsMatching",
                "workloads.api.options.roleName: roleName must be 1 to 64 characters of [A-Za-z0-9+=,.@_-] (IAM role name): 'shop api'",
                "workloads.worker.cluster: is required: the key of a cluster under clusters",
                "workloads.worker.serviceAccount: is required: the name of the workload's ServiceAccount");
    }

    @Test
    void otherClustersTrustAWorkloadOnlyWhereTheMechanismAllowsIt() {
        assertThat(problems(CLUSTERS + """
                  green:
                    cloud: aws
                    adopt:
                      clusterName: green
                      issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/00000000000000000000000000006EE0
                      kubeconfigSecret: platform-kubeconfig
                  analytics:
                    cloud: gcp
                    create:
                      location: europe-west1
                workloads:
                  api:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                    alsoTrustedBy: [green, platform, analytics, blue]
                  reports:
                    cluster: platform
                    namespace: shop
                    serviceAccount: reports
                    mechanism: podIdentity
                    alsoTrustedBy: [green]
                  loader:
                    cluster: analytics
                    namespace: events
                    serviceAccount: loader
                    alsoTrustedBy: [analytics]
                  green-api:
                    cluster: green
                    namespace: shop
                    serviceAccount: api
                """)).containsExactly(
                "clusters.analytics.create: projectId is required: set it, or the stack's gcp:project config",
                "workloads.api.alsoTrustedBy: 'platform' is the workload's own cluster",
                "workloads.api.alsoTrustedBy: 'analytics' is a gcp cluster; the workload's cluster 'platform' is on aws, "
                        + "and an identity is trusted within its own cloud",
                "workloads.api.alsoTrustedBy: 'blue' is not a cluster defined under clusters (defined: platform, green, analytics)",
                "workloads.reports.mechanism: 'podIdentity' needs the EKS Pod Identity agent on cluster 'platform': "
                        + "set podIdentityAgent: true in its settings (adopted: when it runs there)",
                "workloads.loader.alsoTrustedBy: 'analytics' is the workload's own cluster",
                "workloads.loader.alsoTrustedBy: is not needed on GKE: the principal belongs to the project's workload pool, "
                        + "so the same namespace/ServiceAccount in every cluster of the project already holds the grants",
                "workloads.green-api: binds ServiceAccount shop/api in cluster 'green', as workloads.api does; "
                        + "a ServiceAccount has one identity");
    }

    @Test
    void aBlobGrantTakesNoPrefixBecauseAzureScopesRolesToAContainer() {
        assertThat(problems("""
                aks-kubeconfig: "apiVersion: v1"
                clusters:
                  aks:
                    cloud: azure
                    adopt:
                      issuerUrl: https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/3f1c2b9e-5d4a-4c8b-9e7f-0a1b2c3d4e5f/
                      resourceGroup: payments-rg
                      kubeconfigSecret: aks-kubeconfig
                stores:
                  ledger:
                    cloud: azure
                    resourceGroup: payments-rg
                workloads:
                  writer:
                    cluster: aks
                    namespace: payments
                    serviceAccount: writer
                    grants:
                      - {store: ledger, access: readWrite, prefix: "2026/"}
                """)).containsExactly("workloads.writer.grants[0].prefix: is not supported for Azure Blob grants, which Azure RBAC "
                + "scopes to a container; give the workload a container of its own");
    }

    @Test
    void rulesTheComponentsCheckWhenCreatedAreCheckedBeforeAnythingIs() {
        assertThat(problems(CLUSTERS + """
                  green:
                    cloud: aws
                    adopt:
                      clusterName: green
                      issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/00000000000000000000000000006EE0
                      oidcProviderArn: arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
                      kubeconfigSecret: platform-kubeconfig
                  a-cluster-key-so-long-that-its-iam-role-names-cannot-fit:
                    cloud: aws
                    create: {}
                workloads:
                  Payments_API:
                    cluster: platform
                    namespace: payments
                    serviceAccount: api
                  sidecar:
                    cluster: platform
                    namespace: default
                    serviceAccount: sidecar
                    createNamespace: true
                  shop-api:
                    cluster: platform
                    namespace: shop
                    serviceAccount: api
                  shop-worker:
                    cluster: platform
                    namespace: shop
                    serviceAccount: worker
                    createNamespace: false
                """)).containsExactly(
                "clusters.green.adopt.oidcProviderArn: oidcProviderArn must be the IAM OIDC provider of issuerUrl, ending "
                        + "oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/00000000000000000000000000006EE0: "
                        + "'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'",
                "clusters.a-cluster-key-so-long-that-its-iam-role-names-cannot-fit.create: name must be set explicitly when the "
                        + "auto-name (the logical name plus an 8-character suffix) would exceed 64 characters: "
                        + "'a-cluster-key-so-long-that-its-iam-role-names-cannot-fit-cluster-role'",
                "workloads.Payments_API: the key must be 1 to 40 characters of [a-z0-9-], starting and ending with a letter or digit "
                        + "(it names the workload's identity, role and resources on every cloud)",
                "workloads.sidecar.createNamespace: must be false for 'default': Kubernetes creates and owns its system namespaces "
                        + "[default, kube-node-lease, kube-public, kube-system]",
                "workloads.shop-worker.createNamespace: must be the same for every workload in namespace 'shop' of cluster "
                        + "'platform': workloads.shop-api has true");
    }
}
