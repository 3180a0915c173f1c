package dev.keyless.aws;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import dev.keyless.core.EngineWarnings;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM role behind a keyless ServiceAccount, created with its trust policy or taken as it is,
 * holding the grants as one inline policy and any extra managed policies. AWS grants are statements,
 * not resources: one inline policy per role keeps a role to one document under IAM's size quota.
 */
final class FederatedRole {
    /** Tags that tell an auditor which workload a role is for. */
    static final String NAMESPACE_TAG = "keyless/kubernetes-namespace";
    static final String SERVICE_ACCOUNT_TAG = "keyless/kubernetes-service-account";
    /** The tag naming the OIDC subjects of a role that is not a ServiceAccount's (a pipeline's). */
    static final String SUBJECT_TAG = "keyless/oidc-subjects";
    // IAM's limits: https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html (value <= 256),
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (description <= 1000).
    private static final int MAX_TAG_VALUE = 256;
    private static final int MAX_DESCRIPTION = 1000;

    private FederatedRole() {
    }

    /**
     * @param identity    the role
     * @param attachments the grant policy and managed policy attachments: a pod can use the role once they exist
     */
    record Binding(IamRoleIdentity identity, List<Resource> attachments) {
    }

    /**
     * @param owner        the component the role is a child of
     * @param request      the workload and its grants
     * @param settings     the role's settings
     * @param trustPolicy  the trust policy, checked by the mechanism
     * @param inlinePolicy the grants' policy from {@link #inlinePolicy}, empty when there are no grants
     */
    static Binding create(ComponentResource owner, AwsBinding request, RoleSettings settings, Output<String> trustPolicy,
                          Optional<Output<String>> inlinePolicy) {
        warnAboutWideChoices(owner, request, settings);
        var parent = settings.childOptions(owner);
        IamRoleIdentity identity;
        if (settings.existingRoleArn.isPresent()) {
            var arn = settings.existingRoleArn.get();
            identity = new IamRoleIdentity(arn, arn.applyValue(Arns::nameOf), Optional.empty());
        } else {
            var args = RoleArgs.builder()
                    .assumeRolePolicy(trustPolicy)
                    .description(description(request))
                    .tags(tags(request));
            settings.roleName.ifPresent(name -> args.name(request.roleAccountId().isPresent()
                    ? Output.of(name)
                    : RoleNameClaims.claimInProvidersAccount(name, owner, settings.invokeOptions(owner))));
            settings.rolePath.ifPresent(args::path);
            settings.permissionsBoundaryArn.ifPresent(args::permissionsBoundary);
            settings.maxSessionDuration.ifPresent(d -> args.maxSessionDuration((int) d.toSeconds()));
            var role = new Role(request.childName("role"), args.build(), parent);
            identity = new IamRoleIdentity(role.arn(), role.name(), Optional.of(role));
        }
        var roleName = identity.roleName();

        var attachments = new ArrayList<Resource>();
        inlinePolicy.ifPresent(policy -> attachments.add(new RolePolicy(request.childName("grants"), RolePolicyArgs.builder()
                .role(roleName)
                .policy(policy)
                .build(), parent)));
        var attached = new java.util.HashSet<String>();
        for (var policy : managedPolicies(request, settings)) {
            if (!attached.add(policy.key())) {
                continue;
            }
            // Keyed by the policy's name (or the user's key), not its position: reordering must not replace attachments.
            attachments.add(new RolePolicyAttachment(request.childName("managed-" + policy.key()), RolePolicyAttachmentArgs.builder()
                    .role(roleName)
                    .policyArn(policy.arn())
                    .build(), parent));
        }
        return new Binding(identity, attachments);
    }

    // The role's own managed policies, then those its grants carry; one attachment per policy name.
    private static List<ManagedPolicy> managedPolicies(AwsBinding request, RoleSettings settings) {
        var policies = new ArrayList<>(settings.managedPolicies);
        request.grants().forEach(grant -> grant.managedPolicyArns()
                .forEach(arn -> policies.add(new ManagedPolicy(Arns.nameOf(arn), Output.of(arn)))));
        return policies;
    }

    private static String description(AwsBinding request) {
        var account = request.subjects().get(0).serviceAccount();
        if (request.subjects().size() == 1 && account.isPresent()) {
            return "Cloud identity of Kubernetes ServiceAccount " + account.get().namespace() + "/" + account.get().name();
        }
        var text = "Cloud identity of " + request.workload();
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION);
    }

    // A ServiceAccount's role is tagged with its namespace and name; any other subject's with the
    // subjects themselves, in the characters IAM allows in a tag value (at most 256 of them).
    private static Map<String, String> tags(AwsBinding request) {
        var account = request.subjects().get(0).serviceAccount();
        if (request.subjects().size() == 1 && account.isPresent()) {
            return Map.of(NAMESPACE_TAG, account.get().namespace(), SERVICE_ACCOUNT_TAG, account.get().name());
        }
        var value = String.join(" ", request.subjects().stream().map(dev.keyless.core.Subject::value).toList())
                .replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
        return Map.of(SUBJECT_TAG, value.length() <= MAX_TAG_VALUE ? value : value.substring(0, MAX_TAG_VALUE));
    }

    /**
     * The role's one inline policy, checked for wildcards and IAM's size quota once every grant's
     * statements are known: a custom grant that cannot give its statements before deploy is
     * checked here only, so the mechanism registers its binding behind this value.
     *
     * @return the policy, failing once known when it breaks a rule; empty when there are no grants
     */
    static Optional<Output<String>> inlinePolicy(AwsBinding request, RoleSettings settings) {
        // A grant made of a managed policy alone (EBS CSI without a key) has no statement: IAM
        // refuses a policy with none, so then the role has no inline policy.
        var noStatements = request.grants().stream().allMatch(g -> g.longestStatements().filter(List::isEmpty).isPresent());
        if (noStatements) {
            return Optional.empty();
        }
        return Optional.of(permissions(request, settings.allowWildcardPermissions));
    }

    private static Output<String> permissions(AwsBinding request, boolean allowWildcards) {
        var statementLists = request.grants().stream().map(AwsGrant::statements).toList();
        return Output.all(statementLists).applyValue(lists -> {
            var statements = new ArrayList<IamStatement>();
            lists.forEach(statements::addAll);
            return InlinePolicy.of(request.workload(), statements, allowWildcards, false);
        });
    }

    private static void warnAboutWideChoices(ComponentResource owner, AwsBinding request, RoleSettings settings) {
        var workload = request.workload();
        // ARNs from other stacks are known only at deploy time: each warning waits for its value.
        settings.existingRoleArn.ifPresent(role -> role.applyValue(arn -> {
            EngineWarnings.warn(owner, "existing role " + arn + " keeps its own trust policy, "
                    + "which keyless cannot see: make sure it trusts only " + workload);
            return arn;
        }));
        settings.managedPolicies.forEach(policy -> policy.arn().applyValue(arn -> {
            if (BroadManagedPolicies.isBroad(arn)) {
                EngineWarnings.warn(owner, "managed policy " + arn + " gives " + workload + " far more than its grants: prefer a policy naming its resources");
            }
            return arn;
        }));
        if (settings.allowWildcardPermissions) {
            EngineWarnings.warn(owner, "the role of " + workload + " allows wildcard permissions in its grants");
        }
    }
}
