package dev.keyless.landingzone.config;

import dev.keyless.core.AccessGrant;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.GitHubActions;
import dev.keyless.core.GitLab;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcIssuer;
import dev.keyless.core.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code pipelines} section: each CI pipeline's issuer ({@code github}, {@code gitlab} or
 * any issuer's https URL), the jobs it trusts, built from typed names (a GitHub repository's
 * branches, environments and pull requests, a GitLab project's branches, or a generic issuer's exact
 * subjects), and its grants on the stores. Each pipeline's identities are planned on every cloud its
 * grants name, as {@code PipelineIdentity} will plan them, so the clouds' rules (Entra's 20
 * credentials, subjects a cloud cannot check) are config problems too.
 */
final class PipelineReader {
    private static final List<String> KEYS = List.of("issuer", "url", "repository", "branches", "environments", "pullRequest",
            "allowBranchPatterns", "repositoryId", "ownerId", "subjects", "grants");
    private static final List<String> ISSUERS = List.of("github", "gitlab");

    private final GrantReader grantReader;
    private final Map<String, PipelineSpec> pipelines = new LinkedHashMap<>();

    PipelineReader(GrantReader grantReader) {
        this.grantReader = grantReader;
    }

    Map<String, PipelineSpec> read() {
        return pipelines;
    }

    void read(String key, ConfigNode pipeline) {
        var problems = pipeline.problems();
        var mark = problems.count();
        if (!WorkloadReader.KEY.matcher(key).matches()) {
            problems.add(pipeline.path(), "the key must be " + WorkloadReader.KEY_RULE);
        }
        pipeline.allowOnly(KEYS);
        var issuerName = pipeline.requiredText("issuer", "github, gitlab, or the https URL of any OIDC issuer");
        Optional<OidcIssuer> issuer = Optional.empty();
        List<Subject> subjects = List.of();
        if (issuerName.isPresent()) {
            var name = issuerName.get();
            if (name.equals("github")) {
                issuer = Optional.of(GitHubActions.issuer());
                subjects = gitHub(pipeline);
            } else if (name.equals("gitlab")) {
                issuer = pipeline.text("url").map(url -> problems.attempt(pipeline.path("url"), () -> GitLab.selfHosted(url)))
                        .or(() -> Optional.of(GitLab.issuer()));
                issuer = issuer.filter(java.util.Objects::nonNull);
                subjects = gitLab(pipeline);
            } else if (name.startsWith("https://")) {
                issuer = Optional.ofNullable(problems.attempt(pipeline.path("issuer"), () -> OidcIssuer.of(name)));
                subjects = exact(pipeline);
            } else {
                problems.add(pipeline.path("issuer"), "'" + name + "' is not one of " + String.join(", ", ISSUERS) + ", or an https issuer URL");
            }
        }
        var read = grantReader.read(pipeline);
        if (read.isEmpty() && problems.count() == mark) {
            problems.add(pipeline.path("grants"), "is required: at least one grant; the grants name the clouds the pipeline logs in to");
        }
        if (problems.count() == mark && issuer.isPresent()) {
            var planned = read.stream().map(GrantReader.Read::planned).flatMap(Optional::stream).toList();
            plan(key, pipeline, issuer.get(), subjects, planned, grantReader.federations(grants(read), Optional.empty()));
        }
        if (problems.count() == mark && issuer.isPresent()) {
            pipelines.put(key, new PipelineSpec(key, issuer.get(), subjects, grants(read), grantReader.federations(grants(read), Optional.empty())));
        }
    }

    // Each cloud's identity planned as PipelineIdentity plans it: the cloud's federation (the default
    // unless the grants' stores need another) with the issuer, the subjects and that cloud's grants.
    private static List<GrantSpec> grants(List<GrantReader.Read> read) {
        return read.stream().map(GrantReader.Read::grant).toList();
    }

    private void plan(String key, ConfigNode pipeline, OidcIssuer issuer, List<Subject> subjects, List<AccessGrant> grants,
                             Map<dev.keyless.core.Cloud, java.util.function.Supplier<dev.keyless.core.IdentityMechanism>> federations) {
        var byCloud = new LinkedHashMap<dev.keyless.core.Cloud, List<AccessGrant>>();
        grants.forEach(grant -> byCloud.computeIfAbsent(grant.cloud(), cloud -> new ArrayList<>()).add(grant));
        byCloud.forEach((cloud, cloudGrants) -> {
            try {
                var federation = grantReader.plannedFederation(cloud, federations);
                federation.plan(new BindingRequest(key, issuer, subjects, cloudGrants));
            } catch (InvalidInputException refusal) {
                var at = refusal.field().startsWith("grants[") ? pipeline.path() + "." + refusal.field()
                        : pipeline.has(refusal.field()) ? pipeline.path(refusal.field()) : pipeline.path();
                pipeline.problems().add(at, refusal.getMessage());
            }
        });
    }

    private static List<Subject> gitHub(ConfigNode pipeline) {
        var problems = pipeline.problems();
        var repository = repositoryPath(pipeline, "OWNER/REPO, e.g. acme/shop")
                .map(path -> problems.attempt(pipeline.path("repository"), () -> GitHubActions.repository(path[0], path[1])));
        if (pipeline.has("repositoryId") || pipeline.has("ownerId")) {
            var repositoryId = pipeline.integer("repositoryId", 0);
            var ownerId = pipeline.integer("ownerId", 0);
            repository = repository.filter(java.util.Objects::nonNull)
                    .map(repo -> problems.attemptIn(pipeline, () -> repo.pinnedToIds(repositoryId, ownerId)));
        }
        var subjects = new ArrayList<Subject>();
        var repo = repository.filter(java.util.Objects::nonNull);
        var patterns = pipeline.bool("allowBranchPatterns", false);
        each(pipeline, "branches", subjects, branch -> repo.map(r -> branch.contains("*") ? r.anyBranchMatching(branch) : r.branch(branch)),
                patterns);
        each(pipeline, "environments", subjects, environment -> repo.map(r -> r.environment(environment)), true);
        if (pipeline.bool("pullRequest", false)) {
            repo.ifPresent(r -> subjects.add(r.pullRequest()));
        }
        requireSubject(pipeline, repo.isPresent(), subjects, "branches, environments or pullRequest: true");
        return subjects;
    }

    private static List<Subject> gitLab(ConfigNode pipeline) {
        var problems = pipeline.problems();
        refuse(pipeline, "environments", "is for github; a GitLab job's subject names its branch");
        refuse(pipeline, "pullRequest", "is for github; a GitLab job's subject names its branch");
        refuse(pipeline, "repositoryId", "is for github");
        refuse(pipeline, "ownerId", "is for github");
        var project = pipeline.requiredText("repository", "the GitLab project's path, GROUP/PROJECT")
                .map(path -> problems.attempt(pipeline.path("repository"), () -> GitLab.project(path)))
                .filter(java.util.Objects::nonNull);
        var subjects = new ArrayList<Subject>();
        each(pipeline, "branches", subjects, branch -> project.map(p -> branch.contains("*") ? p.anyBranchMatching(branch) : p.branch(branch)),
                pipeline.bool("allowBranchPatterns", false));
        requireSubject(pipeline, project.isPresent(), subjects, "branches");
        return subjects;
    }

    // Any OIDC issuer: its tokens' subjects have no format keyless knows, so they are given exactly.
    private static List<Subject> exact(ConfigNode pipeline) {
        for (var key : List.of("url", "repository", "branches", "environments", "pullRequest", "allowBranchPatterns", "repositoryId", "ownerId")) {
            refuse(pipeline, key, "is for github and gitlab; give an issuer URL's jobs as exact subjects");
        }
        var subjects = new ArrayList<Subject>();
        var values = pipeline.textList("subjects").orElse(List.of());
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            var key = "subject-" + (i + 1);
            var subject = pipeline.problems().attempt(pipeline.path("subjects") + "[" + i + "]",
                    () -> new Subject(value, "subject " + value, key, Optional.empty(), false, Map.of()));
            if (subject != null) {
                subjects.add(subject);
            }
        }
        if (!pipeline.has("subjects")) {
            pipeline.problems().add(pipeline.path("subjects"), "is required: the exact 'sub' of the jobs the issuer's tokens name");
        }
        return subjects;
    }

    private static Optional<String[]> repositoryPath(ConfigNode pipeline, String form) {
        return pipeline.requiredText("repository", form).filter(path -> {
            if (path.split("/", -1).length != 2) {
                pipeline.problems().add(pipeline.path("repository"), "'" + path + "' must be " + form);
                return false;
            }
            return true;
        }).map(path -> path.split("/", -1));
    }

    // Each name of a list becomes one subject; a branch with '*' is a pattern only where allowed.
    private static void each(ConfigNode pipeline, String key, List<Subject> subjects, Function<String, Optional<Subject>> subject,
                             boolean patternsAllowed) {
        var values = pipeline.textList(key).orElse(List.of());
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            var path = pipeline.path(key) + "[" + i + "]";
            if (value.contains("*") && !patternsAllowed && key.equals("branches")) {
                pipeline.problems().add(path, "'" + value + "' is a pattern: every branch matching it would get the identity; name the "
                        + "branch, or set allowBranchPatterns: true to trust the pattern (the stack then warns)");
                continue;
            }
            var made = pipeline.problems().attempt(path, () -> subject.apply(value));
            if (made != null) {
                made.ifPresent(subjects::add);
            }
        }
    }

    private static void requireSubject(ConfigNode pipeline, boolean named, List<Subject> subjects, String keys) {
        if (named && subjects.isEmpty() && !pipeline.has("branches") && !pipeline.has("environments")) {
            pipeline.problems().add(pipeline.path(), "needs the jobs it trusts: " + keys);
        }
    }

    private static void refuse(ConfigNode pipeline, String key, String why) {
        if (pipeline.has(key)) {
            pipeline.problems().add(pipeline.path(key), why);
        }
    }
}
