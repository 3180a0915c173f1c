package dev.keyless.aws;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ComponentResource;
import dev.keyless.core.CloudBinding;
import dev.keyless.core.IdentityPlan;
import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

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
public final class PodIdentity extends AwsIdentity {
    /** Pod Identity runs on Linux EC2 nodes only. */
    public static final Map<String, String> NODE_SELECTOR = Map.of("kubernetes.io/os", "linux");

    private PodIdentity(Builder builder) {
        super(builder.roleSettings());
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
    AwsBinding checked(dev.keyless.core.BindingRequest request) {
        var binding = AwsBinding.onEks(request, displayName());
        return binding.inAccount(clusterAccountUnlessOtherProvider(binding.eksCluster()));
    }

    @Override
    IdentityPlan plan(AwsBinding binding, GrantDocuments grants) {
        var agent = binding.eksCluster().podIdentityAgent().orElseThrow(() -> InvalidInputException.of("cluster", binding.eksCluster().describe(),
                "a cluster with the eks-pod-identity-agent add-on for EKS Pod Identity "
                        + "(EksClusterArgs.podIdentityAgent(true), or AdoptedEksClusterArgs.podIdentityAgent(true) when the adopted cluster has it)"));
        return owner -> bind(owner, binding, agent, grants);
    }

    private CloudBinding bind(ComponentResource owner, AwsBinding binding, PodIdentityAgent agent, GrantDocuments grants) {
        var role = FederatedRole.create(owner, binding, this.role, Output.of(TrustPolicies.podIdentity()), grants);
        // An association made before IAM has the role's grants can hand out credentials that fail
        // (terraform-provider-aws#34717): it waits for the cluster, the agent and every grant.
        var waitFor = new ArrayList<Resource>(role.attachments());
        waitFor.add(binding.eksCluster().readiness());
        waitFor.addAll(agent.installedBy());
        var association = new PodIdentityAssociation(binding.childName("pod-identity"), PodIdentityAssociationArgs.builder()
                .clusterName(binding.eksCluster().clusterName())
                .namespace(binding.account().namespace())
                .serviceAccount(binding.account().name())
                .roleArn(role.identity().roleArn())
                .build(),
                CustomResourceOptions.merge(this.role.childOptions(owner), CustomResourceOptions.builder().dependsOn(waitFor).build()));
        var ready = new ArrayList<Resource>(role.attachments());
        ready.add(association);
        return new CloudBinding(
                role.identity(),
                Output.of(Map.of()),
                Map.of(),
                POD_ENV,
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
