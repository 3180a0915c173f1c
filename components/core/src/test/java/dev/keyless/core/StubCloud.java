package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cluster, a mechanism and a grant of no real cloud, to test the cloud-neutral side. */
final class StubCloud {
    /** The stub clusters' own cloud. */
    static final Cloud STUB = new Cloud("stub", "Stub", Mechanism::new);
    /** Another cloud, which federates a stub cluster's issuer. */
    static final Cloud OTHER = new Cloud("other", "Other", Federation::new);

    private StubCloud() {
    }

    static final class Cluster extends ComponentResource implements OidcCluster {
        private final Provider provider;
        private final TrustDomain domain;

        Cluster(String name) {
            this(name, TrustDomain.known("stub issuer", "https://stub.example/" + name));
        }

        /** A cluster whose tokens come from the given issuer, e.g. one cluster adopted twice. */
        Cluster(String name, TrustDomain domain) {
            super("test:index:Cluster", name);
            this.domain = domain;
            this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                    CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of());
        }

        @Override
        public Provider kubernetesProvider() {
            return provider;
        }

        @Override
        public Resource readiness() {
            return provider;
        }

        @Override
        public IdentityMechanism defaultIdentity() {
            return new Mechanism();
        }

        @Override
        public TrustDomain trustDomain() {
            return domain;
        }

        @Override
        public Cloud cloud() {
            return STUB;
        }

        @Override
        public Output<String> issuerUrl() {
            return Output.of("https://stub.example/" + pulumiResourceName());
        }

        @Override
        public String describe() {
            return "stub cluster '" + pulumiResourceName() + "'";
        }
    }

    /** The stub cloud's identity: a principal string, as GCP's is. */
    record Principal(Output<String> exportValue) implements WorkloadIdentity {
    }

    /** Binds by registering one custom resource and asking for one annotation. */
    static final class Mechanism implements IdentityMechanism {
        final List<String> calls = new ArrayList<>();
        RuntimeException rejectWith;
        DeployTimeCheck deployTimeCheck = DeployTimeCheck.none();

        @Override
        public String displayName() {
            return "stub";
        }

        @Override
        public Cloud cloud() {
            return STUB;
        }

        @Override
        public IdentityPlan plan(BindingRequest request) {
            var grants = CloudMatch.grants(request.grants(), Grant.class, "a stub grant", displayName(), "the stub cloud holds only its own");
            calls.add("plan " + request.baseName() + " " + request.account().subject() + " " + grants.size());
            if (rejectWith != null) {
                throw rejectWith;
            }
            return IdentityPlan.of(owner -> {
                calls.add("bind " + request.childName("identity"));
                var identity = new CustomResource("test:index:Identity", request.childName("identity"), null,
                        CustomResourceOptions.builder().parent(owner).build()) {
                };
                var principal = new Principal(Output.of("stub-identity"));
                var ready = new ArrayList<Resource>(List.of(identity));
                var context = new GrantContext(owner, request.baseName(), List.of(identity));
                grants.forEach(grant -> ready.addAll(grant.bindTo(principal, context)));
                return new CloudBinding(principal,
                        Output.of(Map.of("stub.example/identity", "stub-identity")),
                        Map.of("stub.example/use", "true"), Map.of("STUB", "1"), Map.of("os", "linux"),
                        ready);
            }, List.of(), deployTimeCheck);
        }
    }

    /** Opens one named bucket to the principal, as a GCS bucket IAM member would. */
    record Grant(String bucket) implements ResourceGrant<Principal> {
        @Override
        public Cloud cloud() {
            return STUB;
        }

        @Override
        public String key() {
            return bucket;
        }

        @Override
        public List<Resource> bindTo(Principal identity, GrantContext context) {
            var member = new CustomResource("test:index:BucketMember", context.childName(this), null, context.options()) {
            };
            return List.of(member);
        }

        @Override
        public String describe() {
            return "stub access to " + bucket;
        }
    }

    /** The other cloud's identity. */
    record OtherIdentity(Output<String> exportValue) implements WorkloadIdentity {
    }

    /**
     * Federates the cluster's issuer into the other cloud as a real federation does: one
     * resource naming issuer, subject and audience; pods need a projected token, a configuration
     * file and a variable naming the identity.
     */
    static final class Federation implements IdentityMechanism {
        static final String AUDIENCE = "other.example";

        @Override
        public String displayName() {
            return "other federation";
        }

        @Override
        public Cloud cloud() {
            return OTHER;
        }

        @Override
        public IdentityPlan plan(BindingRequest request) {
            var grants = CloudMatch.grants(request.grants(), ForeignGrant.class, "an other grant", displayName(), "it holds only its own");
            return IdentityPlan.of(owner -> {
                var identity = new CustomResource("test:index:FederatedIdentity", request.childName("federated"), null,
                        CustomResourceOptions.builder().parent(owner).build()) {
                };
                var id = request.cluster().issuerUrl().applyValue(issuer -> "other:" + issuer + "#" + request.account().subject());
                var token = new ProjectedToken("other-token", AUDIENCE, "/var/run/secrets/other", "token", 3600);
                var file = new ConfigFile(request.account().name() + "-other", "other-config", "/etc/other", "config.json",
                        id.applyValue(value -> "{\"identity\":\"" + value + "\"}"));
                var env = new java.util.LinkedHashMap<String, Output<String>>();
                env.put("OTHER_IDENTITY", id);
                env.put("OTHER_TOKEN_FILE", Output.of(token.path()));
                return new CloudBinding(new OtherIdentity(id), Output.of(Map.of()),
                        new PodNeeds(Map.of(), env, Map.of(), List.of(token), List.of(file)),
                        List.of(identity));
            }, List.of());
        }
    }

    /** A grant of the other cloud. */
    record ForeignGrant() implements AccessGrant {
        @Override
        public Cloud cloud() {
            return OTHER;
        }

        @Override
        public String describe() {
            return "foreign access";
        }
    }
}
