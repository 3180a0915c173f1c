package dev.keyless.azure;

import com.pulumi.azurenative.containerregistry.Registry;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;

import java.util.List;

/**
 * Image pulls ({@link #pull}: AcrPull) or pushes and pulls ({@link #push}: AcrPush) on one Azure
 * container registry: a role assignment to the workload's managed identity scoped to the registry
 * ({@code .../providers/Microsoft.ContainerRegistry/registries/R}), never its resource group or the
 * subscription. Neither role can delete images or change the registry.
 *
 * <pre>{@code
 * ContainerRegistryAccess.pull(registry)                   // a Registry this stack manages
 * ContainerRegistryAccess.push("build-rg", "shopimages")    // an existing registry, by names
 * ContainerRegistryAccess.pull("images", group, name)      // another stack's registry, keyed "images"
 * }</pre>
 *
 * @see <a href="https://learn.microsoft.com/azure/container-registry/container-registry-roles">Azure Container Registry roles and permissions</a>
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers#acrpull">AcrPull and AcrPush</a>
 */
public final class ContainerRegistryAccess extends ScopedRoleGrant {
    private static final Role PULL = new Role(BuiltInRoles.ACR_PULL, "acr-pull", "Image pull");
    private static final Role PUSH = new Role(BuiltInRoles.ACR_PUSH, "acr-push", "Image push and pull");

    private final boolean push;

    private ContainerRegistryAccess(java.util.function.Supplier<Output<String>> scopeId, String label, boolean push, DeployTimeCheck checks) {
        super(GrantScope.REGISTRY, scopeId, label, push ? PUSH : PULL, checks);
        this.push = push;
    }

    /**
     * @param registry a registry this stack manages
     * @return pulling its images
     */
    public static ContainerRegistryAccess pull(Registry registry) {
        return ofRegistry(registry, false);
    }

    /**
     * @param registry a registry this stack manages
     * @return pushing and pulling its images
     */
    public static ContainerRegistryAccess push(Registry registry) {
        return ofRegistry(registry, true);
    }

    /**
     * @param resourceGroupName the registry's resource group
     * @param registryName      the registry
     * @return pulling an existing registry's images, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static ContainerRegistryAccess pull(String resourceGroupName, String registryName) {
        return ofNames(resourceGroupName, registryName, false);
    }

    /**
     * @param resourceGroupName the registry's resource group
     * @param registryName      the registry
     * @return pushing and pulling an existing registry's images, in the deploying subscription
     * @throws InvalidInputException when a name breaks Azure's rules
     */
    public static ContainerRegistryAccess push(String resourceGroupName, String registryName) {
        return ofNames(resourceGroupName, registryName, true);
    }

    /**
     * An existing registry named by values known only at deploy time, checked once known by the
     * rules and messages of {@link #pull(String, String)} before anything registers; the child is
     * {@code NAME-grant-KEY-acr-pull}.
     *
     * @param key               a stable name for the registry, e.g. {@code images}; see {@link GrantKeys#RULE}
     * @param resourceGroupName the registry's resource group
     * @param registryName      the registry
     * @return pulling its images, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static ContainerRegistryAccess pull(String key, Output<String> resourceGroupName, Output<String> registryName) {
        return ofOutputs(key, resourceGroupName, registryName, false);
    }

    /**
     * As {@link #pull(String, Output, Output)}, pushing too; the child is {@code NAME-grant-KEY-acr-push}.
     *
     * @param key               a stable name for the registry; see {@link GrantKeys#RULE}
     * @param resourceGroupName the registry's resource group
     * @param registryName      the registry
     * @return pushing and pulling its images, in the deploying subscription
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE} or a name is null
     */
    public static ContainerRegistryAccess push(String key, Output<String> resourceGroupName, Output<String> registryName) {
        return ofOutputs(key, resourceGroupName, registryName, true);
    }

    private static ContainerRegistryAccess ofRegistry(Registry registry, boolean push) {
        Checks.notNull("registry", registry, "a container Registry");
        return new ContainerRegistryAccess(registry::id, registry.pulumiResourceName(), push, DeployTimeCheck.none());
    }

    private static ContainerRegistryAccess ofNames(String resourceGroupName, String registryName, boolean push) {
        requireNames(resourceGroupName, registryName);
        // Registry names are unique across Azure: the name alone keys the grant.
        return new ContainerRegistryAccess(inDeployingSubscription(GrantScope.REGISTRY, resourceGroupName, registryName), registryName, push,
                DeployTimeCheck.none());
    }

    private static ContainerRegistryAccess ofOutputs(String key, Output<String> resourceGroupName, Output<String> registryName, boolean push) {
        GrantKeys.require(key);
        Checks.notNull("resourceGroupName", resourceGroupName, "the registry's resource group");
        Checks.notNull("registryName", registryName, "the registry");
        var names = Output.tuple(resourceGroupName, registryName).applyValue(t -> requireNames(t.t1, t.t2));
        return new ContainerRegistryAccess(inDeployingSubscription(GrantScope.REGISTRY, names), key, push, DeployTimeCheck.of(names));
    }

    private static List<String> requireNames(String resourceGroupName, String registryName) {
        AzureNames.requireResourceGroupName("resourceGroupName", resourceGroupName);
        RegistryNames.requireRegistryName("registryName", registryName);
        return List.of(resourceGroupName, registryName);
    }

    /** @return whether the grant allows pushes */
    public boolean pushes() {
        return push;
    }
}
