package dev.keyless.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a {@link PipelineIdentity} trusts and grants: one issuer, its subjects, grants of any cloud. */
public final class PipelineIdentityArgs {
    private final OidcIssuer issuer;
    private final List<Subject> subjects;
    private final List<AccessGrant> grants;
    private final Map<Cloud, IdentityMechanism> mechanisms;

    private PipelineIdentityArgs(Builder builder) {
        this.issuer = builder.issuer;
        this.subjects = List.copyOf(builder.subjects);
        this.grants = List.copyOf(builder.grants);
        this.mechanisms = Collections.unmodifiableMap(new LinkedHashMap<>(builder.mechanisms));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the issuer of the jobs' tokens */
    public OidcIssuer issuer() {
        return issuer;
    }

    /** @return the subjects the identities trust, in the user's order */
    public List<Subject> subjects() {
        return subjects;
    }

    /** @return the grants, in the user's order */
    public List<AccessGrant> grants() {
        return grants;
    }

    /** @return the mechanisms the user chose, by cloud */
    public Map<Cloud, IdentityMechanism> mechanisms() {
        return mechanisms;
    }

    /**
     * @param cloud a cloud
     * @return the mechanism the user chose for it, if any
     */
    public Optional<IdentityMechanism> mechanism(Cloud cloud) {
        return Optional.ofNullable(mechanisms.get(cloud));
    }

    /** Builds {@link PipelineIdentityArgs}. */
    public static final class Builder {
        private OidcIssuer issuer;
        private final List<Subject> subjects = new ArrayList<>();
        private final List<AccessGrant> grants = new ArrayList<>();
        private final Map<Cloud, IdentityMechanism> mechanisms = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param issuer {@link GitHubActions#issuer()}, {@link GitLab#issuer()}, {@link GitLab#selfHosted}
         *               or {@link OidcIssuer#of}
         * @return this builder
         */
        public Builder issuer(OidcIssuer issuer) {
            this.issuer = Checks.notNull("issuer", issuer, "an OIDC issuer (GitHubActions.issuer(), GitLab.issuer(), OidcIssuer.of(url))");
            return this;
        }

        /**
         * Adds a subject every identity trusts: on AWS one more {@code sub} value of the role's
         * trust, on GCP one more in the provider's condition, on Azure one more federated credential.
         *
         * @param subject e.g. {@code GitHubActions.repository("acme", "shop").environment("production")}
         * @return this builder
         */
        public Builder subject(Subject subject) {
            subjects.add(Checks.notNull("subject", subject, "a Subject (GitHubActions.repository(..).environment(..), GitLab.project(..).branch(..))"));
            return this;
        }

        /**
         * Adds a grant; its cloud gets an identity.
         *
         * @param grant a grant of any cloud
         * @return this builder
         */
        public Builder grant(AccessGrant grant) {
            grants.add(Checks.notNull("grant", grant, "an AccessGrant"));
            return this;
        }

        /**
         * The mechanism for its cloud, with options (another account's provider, a resource
         * group, an impersonated service account). Defaults to the cloud's federation with
         * default options. One per cloud; a cloud named here gets an identity even without grants.
         *
         * @param mechanism a federation mechanism
         * @return this builder
         */
        public Builder mechanism(IdentityMechanism mechanism) {
            Checks.notNull("mechanism", mechanism, "an IdentityMechanism (AwsFederation, GcpFederation, AzureFederation)");
            if (mechanisms.putIfAbsent(mechanism.cloud(), mechanism) != null) {
                throw InvalidInputException.of("mechanism", mechanism.displayName(),
                        "one mechanism per cloud, but " + mechanism.cloud() + " already has " + mechanisms.get(mechanism.cloud()).displayName());
            }
            return this;
        }

        /**
         * @return the arguments
         * @throws InvalidInputException when the issuer or every subject is missing, or no grant or mechanism names a cloud
         */
        public PipelineIdentityArgs build() {
            if (issuer == null) {
                throw InvalidInputException.missing("issuer", "the issuer of the jobs' tokens, e.g. GitHubActions.issuer()");
            }
            if (subjects.isEmpty()) {
                throw InvalidInputException.missing("subject", "at least one subject, e.g. GitHubActions.repository(\"acme\", \"shop\").environment(\"production\")");
            }
            if (grants.isEmpty() && mechanisms.isEmpty()) {
                throw InvalidInputException.missing("grant", "at least one grant or mechanism: they name the clouds the pipeline logs in to");
            }
            return new PipelineIdentityArgs(this);
        }
    }
}
