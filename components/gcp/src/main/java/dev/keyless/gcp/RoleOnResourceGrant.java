package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.DeployTimeCheck;
import dev.keyless.core.GrantContext;

import java.util.List;
import java.util.Locale;

/**
 * A grant of one predefined role on one resource, as one IAM member resource of that resource's
 * type naming the workload's principal: never a project-wide binding. The grants beyond storage
 * ({@link SecretAccess}, {@link KmsKeyAccess}, {@link PubSubAccess}, {@link DnsZoneAccess},
 * {@link ArtifactRegistryAccess}) differ only in the role and in the member resource they register.
 */
abstract class RoleOnResourceGrant implements GcpGrant {
    private final GrantTarget target;
    private final String role;
    private final String service;

    RoleOnResourceGrant(GrantTarget target, String role, String service) {
        this.target = target;
        this.role = role;
        this.service = service;
    }

    /**
     * Registers the member resource.
     *
     * @param childName the child's name
     * @param resource  the resource's full name
     * @param role      the role
     * @param member    the principal's member string
     * @param options   parent, dependencies and aliases
     * @return the member resource
     */
    abstract Resource register(String childName, Output<String> resource, String role, Output<String> member,
                               CustomResourceOptions options);

    /**
     * The label and the role: {@code LABEL-SERVICE-ROLE} with the role's id lower-cased, e.g.
     * {@code shop-prod-4711.db-password-secretmanager-secretaccessor}. No role's suffix ends
     * another's, and a label names one resource of a kind, so the key is injective.
     */
    @Override
    public final String key() {
        return target.label() + "-" + role.substring("roles/".length()).replace('.', '-').toLowerCase(Locale.ROOT);
    }

    @Override
    public final List<Resource> bindTo(GcpPrincipal identity, GrantContext context) {
        return List.of(register(context.childName(this), target.name(), role, identity.iamMember(), context.options(this)));
    }

    @Override
    public final DeployTimeCheck deployTimeChecks() {
        return target.check();
    }

    @Override
    public final String describe() {
        return service + " " + role + " on " + target.display();
    }

    /** @return the predefined role the grant binds */
    public final String role() {
        return role;
    }
}
