package dev.keyless.aws;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
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
 * not resources: one inline policy per role keeps a role to one document under IAM's size quota, and
 * statements that outgrow it spill into customer-managed policies attached to the role
 * ({@link GrantPolicySplit}). A role keyless creates carries the inline policy itself
 * ({@link RoleInlineGrants}); an existing role, or one set to {@code grantsInSeparateRolePolicy()},
 * gets it as a separate {@code RolePolicy}.
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
     * @param attachments what holds the role's grants (the role itself when it carries its inline
     *                    policy, else the separate grant policy) and the managed policy attachments:
     *                    a pod can use the role once they exist
     */
    record Binding(IamRoleIdentity identity, List<Resource> attachments) {
    }

    /**
     * @param owner        the component the role is a child of
     * @param request      the workload and its grants
     * @param settings     the role's settings
     * @param trustPolicy  the trust policy, checked by the mechanism
     * @param grants       the grants' policies from {@link #grantDocuments}
     */
    static Binding create(ComponentResource owner, AwsBinding request, RoleSettings settings, Output<String> trustPolicy,
                          GrantDocuments grants) {
        warnAboutWideChoices(owner, request, settings);
        var parent = settings.childOptions(owner);
        var attachments = new ArrayList<Resource>();
        var roleCarriesGrants = settings.existingRoleArn.isEmpty() && !settings.grantsInSeparateRolePolicy;
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
                    : RoleNameClaims.claimInProvidersAccount(name, owner, settings.provider)));
            settings.rolePath.ifPresent(args::path);
            settings.permissionsBoundaryArn.ifPresent(args::permissionsBoundary);
            settings.maxSessionDuration.ifPresent(d -> args.maxSessionDuration((int) d.toSeconds()));
            if (roleCarriesGrants) {
                args.inlinePolicies(RoleInlineGrants.of(grants));
                RoleInlineGrants.warnWhenTooLargeToMove(owner, request.workload(), grants);
            }
            var role = new Role(request.childName("role"), args.build(), parent);
            identity = new IamRoleIdentity(role.arn(), role.name(), Optional.of(role));
            if (roleCarriesGrants) {
                attachments.add(role);
            }
        }
        var roleName = identity.roleName();

        if (!roleCarriesGrants) {
            // Named as earlier versions named it, so a stack set to keep it sees no change.
            grants.inline().ifPresent(policy -> attachments.add(new RolePolicy(request.childName("grants"), RolePolicyArgs.builder()
                    .role(roleName)
                    .policy(policy)
                    .build(), parent)));
        }
        for (int i = 0; i < grants.managed().size(); i++) {
            // Numbered after the inline policy, which is the first: NAME-grants-2, NAME-grants-3, ...
            var name = spilledPolicyName(request, i);
            var policy = new Policy(name, PolicyArgs.builder()
                    .description("Grants of " + request.workload() + " that outgrow its role's inline policy (" + (i + 2) + ")")
                    .policy(grants.managed().get(i))
                    .build(), parent);
            attachments.add(new RolePolicyAttachment(name + "-attachment", RolePolicyAttachmentArgs.builder()
                    .role(roleName)
                    .policyArn(policy.arn())
                    .build(), parent));
        }
        for (var policy : managedPolicies(request, settings)) {
            // Keyed by the policy's name (or the user's key), not its position: reordering must not replace attachments.
            attachments.add(new RolePolicyAttachment(request.childName("managed-" + policy.key()), RolePolicyAttachmentArgs.builder()
                    .role(roleName)
                    .policyArn(policy.arn())
                    .build(), parent));
        }
        return new Binding(identity, attachments);
    }

    /**
     * @return the role's own managed policies, then those its grants carry; one per policy name
     *     (or key), as each is one attachment
     */
    static List<ManagedPolicy> managedPolicies(AwsBinding request, RoleSettings settings) {
        var policies = new java.util.LinkedHashMap<String, ManagedPolicy>();
        settings.managedPolicies.forEach(policy -> policies.putIfAbsent(policy.key(), policy));
        request.grants().forEach(grant -> grant.managedPolicyArns()
                .forEach(arn -> policies.putIfAbsent(Arns.nameOf(arn), new ManagedPolicy(Arns.nameOf(arn), Output.of(arn)))));
        return List.copyOf(policies.values());
    }

    private static String spilledPolicyName(AwsBinding request, int index) {
        return request.childName("grants-" + (index + 2));
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
     * The role's grant policies, laid out by {@code split}, each checked for wildcards and IAM's size
     * quota once every grant's statements are known: a custom grant that cannot give its statements
     * before deploy is checked here only, so the mechanism registers its binding behind these values.
     *
     * @param split the layout decided before anything registers ({@link GrantPolicySplit})
     * @return the documents, failing once known when one breaks a rule; none when there are no statements
     */
    static GrantDocuments grantDocuments(AwsBinding request, RoleSettings settings, GrantPolicySplit split) {
        // A grant made of a managed policy alone (EBS CSI without a key) has no statement: IAM
        // refuses a policy with none, so then the role has no inline policy.
        var noStatements = request.grants().stream().allMatch(g -> g.longestStatements().filter(List::isEmpty).isPresent());
        if (noStatements) {
            return GrantDocuments.none();
        }
        var known = request.grants().stream().map(AwsGrant::knownStatements).toList();
        if (known.stream().allMatch(Optional::isPresent)) {
            // Every name was given as text: the documents are built, and refused, here, before anything registers.
            var documents = documents(request, settings, split, known.stream().map(Optional::orElseThrow).toList());
            return GrantDocuments.known(documents.get(0), documents.subList(1, documents.size()));
        }
        var statementLists = request.grants().stream().map(AwsGrant::statements).toList();
        var documents = Output.all(statementLists).applyValue(lists -> documents(request, settings, split, lists));
        var managed = new ArrayList<Output<String>>();
        for (int i = 0; i < split.managedPolicies(); i++) {
            int document = i + 1;
            managed.add(documents.applyValue(d -> d.get(document)));
        }
        return GrantDocuments.onceKnown(documents.applyValue(d -> d.get(0)), managed);
    }

    // The inline policy first, then the spilled policies in order, each refused when it breaks a rule.
    private static List<String> documents(AwsBinding request, RoleSettings settings, GrantPolicySplit split, List<List<IamStatement>> lists) {
        var statements = new ArrayList<IamStatement>();
        lists.forEach(statements::addAll);
        var laidOut = split.documents(request.workload(), statements);
        var documents = new ArrayList<String>();
        documents.add(InlinePolicy.of(request.workload(), laidOut.get(0), settings.allowWildcardPermissions, false));
        for (int i = 0; i < split.managedPolicies(); i++) {
            InlinePolicy.requireNoWildcards(laidOut.get(i + 1), settings.allowWildcardPermissions);
            documents.add(GrantPolicySplit.managedDocument(request.workload(), spilledPolicyName(request, i), laidOut.get(i + 1)));
        }
        return documents;
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
        request.grants().forEach(grant -> grant.warnings().forEach(warning -> EngineWarnings.warn(owner, warning)));
    }
}
