package dev.keyless.audit.rules;

import dev.keyless.audit.plan.Plan;
import dev.keyless.audit.plan.PlanResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which static credentials a value was built from, following the plan's recorded data flow
 * ({@code propertyDependencies}) back through every resource in between. A value built from a
 * resource is unknown in a preview as long as that resource does not exist, so this is how a
 * Secret filled from a same-stack access key is seen at all.
 */
final class CredentialSources {
    private CredentialSources() {
    }

    /**
     * Whether the resource mints a static credential: every output of an IAM access key (its id,
     * secret, SMTP password) and of a Google service-account key (its private key) is one.
     */
    static boolean mintsCredential(PlanResource resource) {
        return resource.isType("aws", "iam", "AccessKey") || resource.isType("gcp", "serviceaccount", "Key");
    }

    /**
     * Whether the resource's keys or connection strings are what an invoke built from it returns:
     * Azure resources whose {@code list*Keys} / {@code list*ConnectionStrings} functions
     * (e.g. {@code azure-native:storage:listStorageAccountKeys}) hand out shared keys. The invoke
     * leaves no step in the plan; its result depends on the resource its arguments came from
     * (pulumi-java since 1.x: pulumi/pulumi-java#1583, #1591), so that resource is what a value
     * built from the keys depends on. Its name and endpoints flow the same way, so rules pair
     * this with the value's name.
     */
    static boolean handsOutKeys(PlanResource resource) {
        return resource.isType("azure-native", "storage", "StorageAccount")
                || resource.isType("azure-native", "servicebus", "Namespace")
                || resource.isType("azure-native", "eventhub", "Namespace")
                || resource.isType("azure-native", "documentdb", "DatabaseAccount")
                || resource.isType("azure-native", "cache", "Redis");
    }

    /**
     * How {@code property} of {@code resource} came from credential-minting resources: one line
     * per path, {@code Type name} of the minting resource, and {@code through Type name} when the
     * value came by way of another resource (a Secret, a secret store). Empty when it did not.
     */
    static List<String> mintedInto(PlanResource resource, String property, Plan plan) {
        List<String> paths = new ArrayList<>();
        for (String urn : resource.dependenciesOf(property)) {
            Optional<PlanResource> direct = plan.find(urn);
            if (direct.isEmpty()) {
                continue;
            }
            for (PlanResource source : minters(direct.get(), plan, new HashSet<>())) {
                paths.add(describe(source) + (source == direct.get() ? "" : " through " + describe(direct.get())));
            }
        }
        return paths;
    }

    /** The key-handing Azure resources {@code property} was built from, directly. */
    static List<PlanResource> keyHandersOf(PlanResource resource, String property, Plan plan) {
        return resource.dependenciesOf(property).stream().map(plan::find).flatMap(Optional::stream)
                .filter(CredentialSources::handsOutKeys).toList();
    }

    /** {@code Type name} of a resource ({@code AccessKey ci}), for findings. */
    static String describe(PlanResource resource) {
        return resource.type().substring(resource.type().lastIndexOf(':') + 1) + " " + resource.name();
    }

    private static Set<PlanResource> minters(PlanResource resource, Plan plan, Set<String> visited) {
        Set<PlanResource> found = new LinkedHashSet<>();
        if (!visited.add(resource.urn())) {
            return found;
        }
        if (mintsCredential(resource)) {
            found.add(resource);
            return found;
        }
        // By data only, as for the value judged; a bare dependsOn carries nothing.
        Set<String> inputs = new LinkedHashSet<>();
        if (resource.propertyDependencies().isEmpty()) {
            inputs.addAll(resource.dependencies());
        } else {
            resource.propertyDependencies().values().forEach(inputs::addAll);
        }
        for (String urn : inputs) {
            plan.find(urn).ifPresent(upstream -> found.addAll(minters(upstream, plan, visited)));
        }
        return found;
    }
}
