package dev.keyless.audit.rules;

import dev.keyless.audit.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KL032: pushing to every image repository of an account, project or resource group, which lets
 * one workload replace the images all others run: {@code ecr:PutImage}, the layer uploads,
 * {@code BatchDeleteImage}, {@code DeleteRepository} or {@code SetRepositoryPolicy} (so
 * {@code ecr:*}) on {@code *} or {@code repository/*}; a {@code roles/artifactregistry.*} role
 * other than {@code reader} or {@code viewer} (writer, repoAdmin, admin, createOnPush…) on a
 * project, folder or organization; AcrPush assigned above one registry. The registry login
 * {@code ecr:GetAuthorizationToken}, which names no repository, is not a push. keyless EcrAccess,
 * ArtifactRegistryAccess and ContainerRegistryAccess name the repository or registry.
 */
public final class WideRegistryAccessRule extends OverWideGrantRule {

    public WideRegistryAccessRule() {
        super(List.of(AwsAccountWideAccess.of("ecr", "repository/keyless-audit/probe", "ecr:PutImage",
                        "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage",
                        "ecr:DeleteRepository", "ecr:SetRepositoryPolicy")),
                new GcpProjectWideRole(Set.of("roles/artifactregistry."),
                        Set.of("roles/artifactregistry.reader", "roles/artifactregistry.viewer")),
                new AzureAboveResourceRole(Map.of(AzureRoles.ACR_PUSH, "AcrPush"),
                        "/providers/microsoft.containerregistry/registries/"));
    }

    @Override public String id() { return "KL032"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Push to every image repository of an account, project or resource group"; }
    @Override public String fix() {
        return "Grant push on the one repository or registry (keyless EcrAccess, ArtifactRegistryAccess, ContainerRegistryAccess)";
    }
}
