package dev.keyless.aws;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.BindingRequest;
import dev.keyless.core.CloudIdentity;
import dev.keyless.core.IdentityMechanism;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.ServiceAccountRef;
import dev.keyless.core.StorageGrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EKS Pod Identity: an IAM role that the EKS Auth service ({@code pods.eks.amazonaws.com}) assumes
 * with {@code sts:AssumeRole} and {@code sts:TagSession}, and a Pod Identity association naming
 * the cluster, namespace and ServiceAccount. The ServiceAccount needs no annotation; the cluster
 * needs the {@code eks-pod-identity-agent} add-on, and pods run on Linux EC2 nodes only (not
 * Fargate, not Windows).
 *
 * <p>The role's trust names no cluster, so one role can serve several clusters; the session tags
 * ({@code kubernetes-namespace}, {@code kubernetes-service-account}, {@code eks-cluster-name})
 * allow attribute-based conditions.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html">EKS Pod Identity</a>
 */
public final class PodIdentity implements IdentityMechanism {
    /** Pod Identity runs on Linux EC2 nodes only. */
    public static final Map<String, String> NODE_SELECTOR = Map.of("kubernetes.io/os", "linux");

    private final RoleSettings role;

    private PodIdentity(Builder builder) {
        this.role = builder.roleSettings();
    }

    /** @return Pod Identity with a new role and default options */
    public static PodIdentity defaults() {
        return builder().build();
    }

    /** @return a builder for Pod Identity with options */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String displayName() {
        return "EKS Pod Identity";
    }

    @Override
    public void validate(String baseName, ServiceAccountRef account, List<StorageGrant> grants, OidcCluster cluster) {
        var eks = AwsBindingChecks.requireEks(cluster, displayName());
        if (eks.podIdentityAgent().isEmpty()) {
            throw InvalidInputException.of("cluster", eks.describe(),
                    "a cluster with the eks-pod-identity-agent add-on for EKS Pod Identity "
                            + "(EksClusterArgs.podIdentityAgent(true), or AdoptedEksClusterArgs.podIdentityAgent(true) when the adopted cluster has it)");
        }
        AwsBindingChecks.requireAwsGrants(grants, displayName());
        role.validate(baseName + "-role");
    }

    @Override
    public CloudIdentity bind(BindingRequest request) {
        var cluster = (AwsOidcCluster) request.cluster();
        var binding = FederatedRole.create(request, role, Output.of(TrustPolicies.podIdentity()));
        // An association made before IAM has the role's grants can hand out credentials that fail
        // (terraform-provider-aws#34717): it waits for the agent and for every grant.
        var waitFor = new ArrayList<Resource>(binding.attachments());
        cluster.podIdentityAgent().ifPresent(waitFor::add);
        var association = new PodIdentityAssociation(request.childName("pod-identity"), PodIdentityAssociationArgs.builder()
                .clusterName(cluster.clusterName())
                .namespace(request.account().namespace())
                .serviceAccount(request.account().name())
                .roleArn(binding.roleArn())
                .build(),
                CustomResourceOptions.builder().parent(request.owner()).dependsOn(waitFor).build());
        var ready = new ArrayList<Resource>(binding.attachments());
        ready.add(association);
        return new CloudIdentity(
                binding.roleArn(),
                Output.of(Map.of()),
                Map.of(),
                IrsaIdentity.POD_ENV,
                NODE_SELECTOR,
                ready);
    }

    /** Builds a {@link PodIdentity}. */
    public static final class Builder extends RoleSettings.Builder<Builder> {
        private Builder() {
        }

        /** @return the mechanism */
        public PodIdentity build() {
            return new PodIdentity(this);
        }
    }
}
