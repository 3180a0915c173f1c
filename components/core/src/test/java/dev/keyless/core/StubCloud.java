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

/** A cluster and a mechanism of no real cloud, to test the cloud-neutral Kubernetes side. */
final class StubCloud {
    private StubCloud() {
    }

    static final class Cluster extends ComponentResource implements OidcCluster {
        private final Provider provider;

        Cluster(String name) {
            super("test:index:Cluster", name);
            this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                    CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of());
        }

        @Override
        public Output<String> issuerUrl() {
            return Output.of("https://issuer.example");
        }

        @Override
        public Provider kubernetesProvider() {
            return provider;
        }

        @Override
        public Resource readiness() {
            return this;
        }

        @Override
        public IdentityMechanism defaultIdentity() {
            return new Mechanism();
        }

        @Override
        public String describe() {
            return "stub cluster";
        }
    }

    /** Binds by registering one custom resource and asking for one annotation. */
    static final class Mechanism implements IdentityMechanism {
        final List<String> calls = new ArrayList<>();
        RuntimeException rejectWith;

        @Override
        public String displayName() {
            return "stub";
        }

        @Override
        public void validate(String baseName, ServiceAccountRef account, List<StorageGrant> grants, OidcCluster cluster) {
            calls.add("validate " + baseName + " " + account.subject() + " " + grants.size());
            if (rejectWith != null) {
                throw rejectWith;
            }
        }

        @Override
        public CloudIdentity bind(BindingRequest request) {
            calls.add("bind " + request.childName("identity"));
            var identity = new CustomResource("test:index:Identity", request.childName("identity"), null,
                    CustomResourceOptions.builder().parent(request.owner()).build()) {
            };
            return new CloudIdentity(Output.of("stub-identity"),
                    Output.of(Map.of("stub.example/identity", "stub-identity")),
                    Map.of("stub.example/use", "true"), Map.of("STUB", "1"), Map.of("os", "linux"),
                    List.of(identity));
        }
    }
}
