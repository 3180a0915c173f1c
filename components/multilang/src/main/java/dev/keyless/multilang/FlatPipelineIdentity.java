package dev.keyless.multilang;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.GitHubActions;
import dev.keyless.core.GitLab;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.core.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keyless:index:PipelineIdentity}: the typed {@link PipelineIdentity} for programs in other
 * languages. The CI system is named as a string, each job's subject is a flat object
 * ({@code keyless:index:PipelineSubject}) read into the typed subject builders, and the grants are
 * the same flat list a FederatedServiceAccount takes; every grant is federated into its cloud.
 *
 * <p>The component stands for the CI system's issuer too. The typed API makes a program's shared
 * per-issuer resources (the IAM OIDC provider of GitHub's issuer) children of the stack when the
 * issuer is no resource; a provider constructing a component has no stack of its own, so they are
 * this component's children instead, named after it ({@code NAME-aws-oidc-provider}). The trust
 * and grants are the Java API's.
 *
 * <p>The first PipelineIdentity of a stack for a CI issuer with AWS grants creates the provider,
 * and a later one is refused, naming both, unless it trusts that provider by
 * {@code existingAwsOidcProviderArn} ({@link FlatAwsOidcProviders}).
 */
final class FlatPipelineIdentity extends ComponentResource implements OidcIssuer {
    /** The type token other languages' SDKs construct. */
    static final String TYPE = "keyless:index:PipelineIdentity";
    /** The CI systems {@code provider} may name. */
    static final List<String> PROVIDERS = List.of("gitHubActions", "gitLab");
    /** The fields of a subject, exactly one of which says which jobs it is. */
    static final List<String> SUBJECT_KINDS = List.of("branch", "environment", "pullRequest", "anyBranchMatching");
    /** The input naming an IAM OIDC provider of the CI issuer that another component creates. */
    static final String EXISTING_AWS_OIDC_PROVIDER = FlatAwsOidcProviders.EXISTING;

    private final Map<String, Output<?>> outputs;
    private final OidcIssuer issuer;

    private FlatPipelineIdentity(String name, Checked checked, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.issuer = checked.issuer();
        var args = PipelineIdentityArgs.builder().issuer(this);
        checked.subjects().forEach(args::subject);
        checked.grants().forEach(args::grant);
        checked.awsFederation().ifPresent(args::mechanism);
        var typed = new PipelineIdentity(name, args.build(), ComponentResourceOptions.builder().parent(this).build());
        var exported = new LinkedHashMap<String, Output<?>>();
        exported.put("identities", NameValues.of(typed.identities()));
        exported.put("logins", NameValues.of(typed.logins()));
        exported.put("gitHubActionsSnippet", typed.gitHubActionsSnippet());
        exported.put("gitLabCiSnippet", typed.gitLabCiSnippet());
        this.outputs = Map.copyOf(exported);
        registerOutputs(outputs);
    }

    /** @return the outputs, by the names the schema declares */
    Map<String, Output<?>> outputs() {
        return outputs;
    }

    @Override
    public Output<String> issuerUrl() {
        return issuer.issuerUrl();
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return issuer.plainIssuerUrl();
    }

    @Override
    public String describe() {
        return issuer.describe();
    }

    /**
     * Inputs that passed every check.
     *
     * @param name     the component's name
     * @param issuer   the CI system's issuer
     * @param subjects the jobs trusted, exactly
     * @param grants   what they may do, on any cloud
     * @param awsFederation the AWS mechanism trusting an existing IAM OIDC provider, when given
     */
    record Checked(String name, OidcIssuer issuer, List<Subject> subjects, List<AccessGrant> grants, Optional<IdentityMechanism> awsFederation) {
        /**
         * @param options the component's options as the engine sent them
         * @return the component, its children registered
         */
        FlatPipelineIdentity register(ComponentResourceOptions options) {
            return new FlatPipelineIdentity(name, this, options);
        }
    }

    /**
     * Reads and checks every input, registering nothing.
     *
     * @param name   the component's name
     * @param inputs its flat inputs as the engine sent them
     * @return the checked inputs
     * @throws InvalidInputException naming the flat input's path, e.g. {@code subjects[1].branch}
     */
    static Checked check(String name, FlatValue inputs) {
        dev.keyless.core.Checks.componentName(name);
        var providerValue = inputs.field("provider");
        var provider = providerValue.requiredString("one of " + PROVIDERS);
        if (!PROVIDERS.contains(provider)) {
            throw InvalidInputException.of(providerValue.path(), provider, "one of " + PROVIDERS);
        }
        var gitHub = provider.equals("gitHubActions");
        var url = inputs.field("gitLabUrl");
        if (gitHub && !url.absent()) {
            throw InvalidInputException.of(url.path(), url.optionalString().orElse("(given)"), "left out for gitHubActions, whose issuer is GitHub's");
        }
        var issuer = gitHub ? GitHubActions.issuer() : url.optionalString().map(u -> at(url, () -> GitLab.selfHosted(u))).orElseGet(GitLab::issuer);
        var subjects = new ArrayList<Subject>();
        var list = inputs.field("subjects").list("{repository, branch | environment | pullRequest | anyBranchMatching} objects");
        if (list.isEmpty()) {
            throw InvalidInputException.missing(inputs.field("subjects").path(), "at least one subject: the jobs the identity trusts");
        }
        for (var subject : list) {
            subjects.add(subject(subject, gitHub));
        }
        var grants = new ArrayList<AccessGrant>();
        var grantList = inputs.field("grants").list("{kind, resource, access} objects");
        if (grantList.isEmpty()) {
            throw InvalidInputException.missing(inputs.field("grants").path(), "at least one grant: they name the clouds the pipeline logs in to");
        }
        for (var grant : grantList) {
            grants.add(FlatGrant.read(grant, Optional.empty()));
        }
        var awsFederation = FlatAwsOidcProviders.existing(inputs.field(EXISTING_AWS_OIDC_PROVIDER), grants);
        var checked = new Checked(name, issuer, List.copyOf(subjects), List.copyOf(grants), awsFederation);
        // The typed builder's own checks (one mechanism per cloud, at least one subject) before registering.
        var args = PipelineIdentityArgs.builder().issuer(issuer);
        subjects.forEach(args::subject);
        grants.forEach(args::grant);
        awsFederation.ifPresent(args::mechanism);
        args.build();
        if (awsFederation.isEmpty() && grants.stream().anyMatch(FlatAwsOidcProviders::onAws)) {
            FlatAwsOidcProviders.claim(inputs.field(EXISTING_AWS_OIDC_PROVIDER), "PipelineIdentity", name, issuer.plainIssuerUrl().orElseThrow());
        }
        return checked;
    }

    private static Subject subject(FlatValue subject, boolean gitHub) {
        if (subject.absent()) {
            throw InvalidInputException.missing(subject.path(), "a {repository, branch | environment | pullRequest | anyBranchMatching} object");
        }
        var repositoryValue = subject.field("repository");
        var repository = repositoryValue.requiredString(gitHub ? "OWNER/REPOSITORY on GitHub" : "the GitLab project's full path, GROUP/PROJECT");
        var given = SUBJECT_KINDS.stream().filter(kind -> !subject.field(kind).absent()
                && !(kind.equals("pullRequest") && !subject.field(kind).bool(false))).toList();
        if (given.size() != 1) {
            throw InvalidInputException.of(subject.path(), given.isEmpty() ? "none of " + SUBJECT_KINDS : String.join(" and ", given),
                    "exactly one of " + (gitHub ? SUBJECT_KINDS : List.of("branch", "anyBranchMatching")) + ": the jobs it trusts");
        }
        var kind = given.get(0);
        var value = subject.field(kind);
        if (gitHub) {
            var parts = repository.split("/", -1);
            if (parts.length != 2) {
                throw InvalidInputException.of(repositoryValue.path(), repository, "OWNER/REPOSITORY, e.g. acme/shop");
            }
            var repo = at(repositoryValue, () -> GitHubActions.repository(parts[0], parts[1]));
            var repositoryId = subject.field("repositoryId");
            var ownerId = subject.field("ownerId");
            if (!repositoryId.absent() || !ownerId.absent()) {
                var pinned = repo;
                repo = at(repositoryId, () -> pinned.pinnedToIds(
                        number(repositoryId, "the repository's numeric id (repository_id)"), number(ownerId, "the owner's numeric id (repository_owner_id)")));
            }
            var chosen = repo;
            return at(value, () -> switch (kind) {
                case "branch" -> chosen.branch(value.requiredString("a branch name"));
                case "environment" -> chosen.environment(value.requiredString("an environment name"));
                case "pullRequest" -> chosen.pullRequest();
                default -> chosen.anyBranchMatching(value.requiredString("a branch pattern with '*'"));
            });
        }
        for (var gitHubOnly : List.of("environment", "pullRequest", "repositoryId", "ownerId")) {
            if (!subject.field(gitHubOnly).absent()) {
                throw InvalidInputException.of(subject.field(gitHubOnly).path(), "(given)", "left out for gitLab, whose subjects name branches");
            }
        }
        var project = at(repositoryValue, () -> GitLab.project(repository));
        return at(value, () -> kind.equals("branch") ? project.branch(value.requiredString("a branch name"))
                : project.anyBranchMatching(value.requiredString("a branch pattern with '*'")));
    }

    private static long number(FlatValue value, String hint) {
        if (value.absent()) {
            throw InvalidInputException.missing(value.path(), hint + ": repositoryId and ownerId pin together");
        }
        return value.whole(0);
    }

    // The typed builders name their own arguments (owner, branch); the user wrote subjects[1].branch.
    private static <T> T at(FlatValue value, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidInputException e) {
            if (e.field().startsWith(value.path())) {
                throw e;
            }
            throw e.at(value.path());
        }
    }
}
