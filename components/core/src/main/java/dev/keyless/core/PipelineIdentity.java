package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud identities for CI pipelines (GitHub Actions, GitLab CI, any OIDC issuer), with no stored
 * key: the same trust as a {@link FederatedServiceAccount}'s federation, with the CI system's
 * issuer and the jobs' subjects. One identity per cloud the grants name, each made by the cloud's
 * federation (or the mechanism given for it):
 *
 * <ul>
 *   <li>AWS: the IAM OIDC provider for the issuer, one per account shared by the program, and a role
 *       whose trust is {@code StringEquals} on {@code aud = sts.amazonaws.com} and {@code sub};</li>
 *   <li>GCP: the workload identity pool for the issuer and a provider whose attribute condition
 *       admits exactly the subjects (and the pinned claims);</li>
 *   <li>Azure: a user-assigned managed identity with one federated credential per subject
 *       (Entra ID allows 20, counted before anything registers).</li>
 * </ul>
 *
 * <p>What a job needs to log in is exported: {@link #logins()} ({@code aws.roleArn},
 * {@code aws.region}, {@code gcp.workloadIdentityProvider}, {@code gcp.serviceAccount},
 * {@code azure.clientId}, {@code azure.tenantId}, {@code azure.subscriptionId}) and the login steps
 * to paste, {@link #gitHubActionsSnippet()} and {@link #gitLabCiSnippet()}.
 *
 * <p>It lives in core beside {@link FederatedServiceAccount}: it names no cloud, and each cloud
 * module's federation does the cloud side, so a user downloads only the clouds they grant on.
 *
 * <p>Trust is exact by default; a subject built with a wildcard option
 * ({@code anyBranchMatching}) gets an engine warning here, once, for every cloud.
 */
public class PipelineIdentity extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:core:PipelineIdentity";

    @Export(name = "identities", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> identities;
    @Export(name = "logins", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> logins;
    @Export(name = "gitHubActionsSnippet", refs = String.class)
    private final Output<String> gitHubActionsSnippet;
    @Export(name = "gitLabCiSnippet", refs = String.class)
    private final Output<String> gitLabCiSnippet;

    private final Map<Cloud, CloudBinding> bindings;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args what to trust and grant
     */
    public PipelineIdentity(String name, PipelineIdentityArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    what to trust and grant
     * @param options Pulumi options for the component (providers, protect, ...)
     * @throws InvalidInputException before anything is registered, when an input breaks a rule
     */
    public PipelineIdentity(String name, PipelineIdentityArgs args, ComponentResourceOptions options) {
        this(name, args, Planned.of(name, args), options);
    }

    private PipelineIdentity(String name, PipelineIdentityArgs args, List<Planned> plans, ComponentResourceOptions options) {
        super(TYPE, name, checks(plans).gate(options));
        for (var subject : args.subjects()) {
            if (subject.pattern()) {
                EngineWarnings.warn(this, "pipeline identity " + name + " trusts every subject of " + args.issuer().describe()
                        + " matching '" + subject.value() + "' (" + subject.description() + "): anyone who can run such a job gets it");
            }
        }
        var byCloud = new LinkedHashMap<Cloud, CloudBinding>();
        for (var planned : plans) {
            byCloud.put(planned.cloud(), planned.plan().bind(this));
        }
        this.bindings = java.util.Collections.unmodifiableMap(byCloud);
        var identitiesByCloud = new LinkedHashMap<Cloud, WorkloadIdentity>();
        byCloud.forEach((cloud, binding) -> identitiesByCloud.put(cloud, binding.identity()));
        this.identities = IdentitiesByCloud.of(identitiesByCloud);
        var logins = byCloud.entrySet().stream().filter(e -> e.getValue().login().isPresent())
                .map(e -> Map.entry(e.getKey(), e.getValue().login().get())).toList();
        this.logins = loginValues(logins);
        this.gitHubActionsSnippet = PipelineSnippets.gitHubActions(logins.stream().map(Map.Entry::getValue).toList());
        this.gitLabCiSnippet = PipelineSnippets.gitLabCi(name, logins.stream().map(Map.Entry::getValue).toList());
        registerOutputs(Map.of(
                "identities", identities,
                "logins", this.logins,
                "gitHubActionsSnippet", gitHubActionsSnippet,
                "gitLabCiSnippet", gitLabCiSnippet));
    }

    private static DeployTimeCheck checks(List<Planned> plans) {
        var checks = DeployTimeCheck.none();
        for (var planned : plans) {
            checks = checks.and(planned.plan().deployTimeChecks());
        }
        return checks;
    }

    private static Output<Map<String, String>> loginValues(List<Map.Entry<Cloud, PipelineLogin>> logins) {
        var keys = new ArrayList<String>();
        var values = new ArrayList<Output<String>>();
        for (var login : logins) {
            login.getValue().values().forEach((key, value) -> {
                keys.add(login.getKey().name() + "." + key);
                values.add(value);
            });
        }
        return Output.all(values).applyValue(known -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < known.size(); i++) {
                map.put(keys.get(i), known.get(i));
            }
            return map;
        });
    }

    /** @return each identity's export value by cloud name: a role ARN, a principal or service account, a client id */
    public Output<Map<String, String>> identities() {
        return identities;
    }

    /** @return what a job logs in with, keyed {@code CLOUD.NAME}, e.g. {@code aws.roleArn} */
    public Output<Map<String, String>> logins() {
        return logins;
    }

    /** @return the GitHub Actions job lines to paste: {@code permissions: id-token: write} and one login step per cloud */
    public Output<String> gitHubActionsSnippet() {
        return gitHubActionsSnippet;
    }

    /** @return the GitLab CI job to paste: its {@code id_tokens:} (one per cloud, with the cloud's audience) and login script */
    public Output<String> gitLabCiSnippet() {
        return gitLabCiSnippet;
    }

    /**
     * @param cloud a cloud
     * @return the identity on it, when the grants or mechanisms named it
     */
    public Optional<WorkloadIdentity> identity(Cloud cloud) {
        return Optional.ofNullable(bindings.get(cloud)).map(CloudBinding::identity);
    }

    /**
     * @param cloud a cloud
     * @return how a job logs in to it, when its mechanism says
     */
    public Optional<PipelineLogin> login(Cloud cloud) {
        return Optional.ofNullable(bindings.get(cloud)).flatMap(CloudBinding::login);
    }

    /**
     * One cloud's identity, planned before anything registers: the user's mechanism for the cloud
     * or the cloud's federation, with the cloud's grants.
     */
    private record Planned(Cloud cloud, IdentityPlan plan) {
        static List<Planned> of(String name, PipelineIdentityArgs args) {
            var grants = GrantsByCloud.of(name, args.grants(), Optional.empty(), args.mechanisms().keySet());
            var plans = new ArrayList<Planned>();
            for (var cloud : grants.clouds()) {
                var mechanism = args.mechanism(cloud).orElseGet(cloud::federation);
                var request = new BindingRequest(name, args.issuer(), args.subjects(), grants.of(cloud));
                plans.add(new Planned(cloud, mechanism.plan(request)));
            }
            return List.copyOf(plans);
        }
    }
}
