package dev.keyless.azure;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.containerservice.ManagedClusterArgs;
import com.pulumi.azurenative.containerservice.enums.AgentPoolMode;
import com.pulumi.azurenative.containerservice.enums.OSType;
import com.pulumi.azurenative.containerservice.enums.ResourceIdentityType;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAADProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileWorkloadIdentityArgs;
import com.pulumi.azurenative.containerservice.outputs.ManagedClusterOIDCIssuerProfileResponse;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import dev.keyless.core.OidcClusterComponent;
import dev.keyless.core.TrustDomain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AKS cluster whose OIDC issuer Microsoft Entra ID trusts, secure by default: OIDC issuer and
 * workload identity enabled, a system-assigned cluster identity, local accounts disabled, Entra ID
 * integration with Azure RBAC for Kubernetes authorization, and the identity running
 * {@code pulumi up} granted Azure Kubernetes Service RBAC Cluster Admin on this cluster only, so
 * the Kubernetes provider (which authenticates through {@code kubelogin}) can manage it.
 *
 * <p>Children: {@code NAME-rg} (unless a resource group is given), {@code NAME-cluster},
 * {@code NAME-admin}, {@code NAME-k8s}.
 *
 * @see <a href="https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster">Deploy and configure workload identity on AKS</a>
 * @see <a href="https://learn.microsoft.com/azure/aks/manage-azure-rbac">Use Azure RBAC for Kubernetes authorization</a>
 */
public class AksCluster extends OidcClusterComponent implements AzureOidcCluster {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:azure:AksCluster";

    @Export(name = "clusterName", refs = String.class)
    private final Output<String> clusterName;
    @Export(name = "resourceGroupName", refs = String.class)
    private final Output<String> resourceGroupName;
    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "kubeconfig", refs = String.class)
    private final Output<String> kubeconfig;

    private final Optional<String> plainResourceGroupName;
    private final ManagedCluster cluster;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args what to create
     */
    public AksCluster(String name, AksClusterArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    what to create
     * @param options Pulumi options for the component (an azure-native provider, protect, ...)
     * @throws dev.keyless.core.InvalidInputException before anything is registered, when an input breaks a rule
     */
    public AksCluster(String name, AksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, "AKS cluster", validated(name, args, options));
        this.plainResourceGroupName = args.plainResourceGroupName();
        var child = CustomResourceOptions.builder().parent(this).build();
        var invoke = InvokeOptions.builder().parent(this).build();
        Output<GetClientConfigResult> deployer = AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, invoke);

        this.resourceGroupName = args.resourceGroupName().orElseGet(() -> {
            var group = ResourceGroupArgs.builder();
            args.location().ifPresent(group::location);
            return new ResourceGroup(name + "-rg", group.build(), child).name();
        });

        var pool = args.systemNodePool();
        var clusterArgs = ManagedClusterArgs.builder()
                .resourceGroupName(resourceGroupName)
                .dnsPrefix(args.dnsPrefix().orElse(name))
                .identity(ManagedClusterIdentityArgs.builder().type(ResourceIdentityType.SystemAssigned).build())
                .agentPoolProfiles(ManagedClusterAgentPoolProfileArgs.builder()
                        .name("system")
                        .mode(AgentPoolMode.System)
                        .osType(OSType.Linux)
                        .vmSize(pool.vmSize())
                        .count(pool.count())
                        .enableAutoScaling(true)
                        .minCount(pool.minCount())
                        .maxCount(pool.maxCount())
                        .build())
                // Only Entra identities reach the API server, and Azure RBAC decides what they may do.
                .disableLocalAccounts(true)
                .enableRBAC(true)
                .aadProfile(ManagedClusterAADProfileArgs.builder()
                        .managed(true)
                        .enableAzureRBAC(true)
                        .tenantID(deployer.applyValue(GetClientConfigResult::tenantId))
                        .build())
                .oidcIssuerProfile(ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                .securityProfile(ManagedClusterSecurityProfileArgs.builder()
                        .workloadIdentity(ManagedClusterSecurityProfileWorkloadIdentityArgs.builder().enabled(true).build())
                        .build());
        args.clusterName().ifPresent(clusterArgs::resourceName);
        args.location().ifPresent(clusterArgs::location);
        args.kubernetesVersion().ifPresent(clusterArgs::kubernetesVersion);
        this.cluster = new ManagedCluster(name + "-cluster", clusterArgs.build(), child);
        this.clusterName = cluster.name();
        // Exactly as AKS reports it, trailing '/' included: credentials must name the tokens' iss byte for byte.
        this.issuerUrl = cluster.oidcIssuerProfile().applyValue(profile -> profile
                .map(ManagedClusterOIDCIssuerProfileResponse::issuerURL)
                .filter(url -> !url.isEmpty())
                .orElseThrow(() -> new IllegalStateException("AKS reported no OIDC issuer for " + describe())));

        var admin = grantDeployerClusterAdmin(name, deployer, args.deployerPrincipalType());

        this.kubeconfig = ContainerserviceFunctions.listManagedClusterUserCredentials(ListManagedClusterUserCredentialsArgs.builder()
                        .resourceGroupName(resourceGroupName)
                        .resourceName(cluster.name())
                        .build(), invoke)
                .applyValue(result -> AksKubeconfig.fromListed(
                        result.kubeconfigs().stream().findFirst()
                                .orElseThrow(() -> new IllegalStateException("AKS listed no user kubeconfig for " + describe()))
                                .name(),
                        result.kubeconfigs().get(0).value()))
                .asSecret();
        // The provider's token is only good once the deployer's role assignment exists.
        // Workloads can run once the cluster, its system pool and its issuer exist.
        connect(kubeconfig, List.of(cluster, admin), cluster);

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "resourceGroupName", resourceGroupName,
                "issuerUrl", issuerUrl,
                "kubeconfig", kubeconfig));
    }

    // Cluster Admin on this cluster's scope only: the deployer gains nothing on other clusters.
    private RoleAssignment grantDeployerClusterAdmin(String name, Output<GetClientConfigResult> deployer, String principalType) {
        var scope = cluster.id();
        return new RoleAssignment(name + "-admin", RoleAssignmentArgs.builder()
                .scope(scope)
                .principalId(deployer.applyValue(GetClientConfigResult::objectId))
                .principalType(principalType)
                .roleDefinitionId(deployer.applyValue(d -> BuiltInRoles.definitionId(d.subscriptionId(), BuiltInRoles.AKS_RBAC_CLUSTER_ADMIN)))
                .roleAssignmentName(Output.tuple(scope, deployer)
                        .applyValue(t -> RoleAssignmentNames.of(t.t1, t.t2.objectId(), BuiltInRoles.AKS_RBAC_CLUSTER_ADMIN)))
                .description("Kubernetes cluster admin for the identity that deploys " + describe())
                .build(),
                CustomResourceOptions.builder().parent(this).build());
    }

    /** @return the AKS cluster's name */
    public Output<String> clusterName() {
        return clusterName;
    }

    @Override
    public Optional<Output<String>> resourceGroupName() {
        return Optional.of(resourceGroupName);
    }

    @Override
    public Optional<String> plainResourceGroupName() {
        return plainResourceGroupName;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return Optional.empty();
    }

    /** @return a kubeconfig (secret) that gets Entra tokens with {@code kubelogin}; it holds no credential */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** @return the managed cluster resource, for what keyless does not model (add-ons, extra pools) */
    public ManagedCluster managedCluster() {
        return cluster;
    }

    /**
     * A cluster created here gets an issuer of its own, which no other cluster has: the cluster
     * is its own trust domain, known before anything is registered (its issuer URL is not).
     */
    @Override
    public TrustDomain trustDomain() {
        return ownTrustDomain("AKS cluster");
    }

    // Runs before the component registers itself: bad input must not leave half a stack behind.
    // A resource group from another stack is checked once known, and the component, with every
    // child, registers only after it passed.
    private static ComponentResourceOptions validated(String name, AksClusterArgs args, ComponentResourceOptions options) {
        requireArgs(name, args, "AksClusterArgs").validate(name);
        return args.outputChecks().gate(options);
    }
}
