package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.artifactregistry.Repository;
import com.pulumi.gcp.artifactregistry.RepositoryIamMember;
import com.pulumi.gcp.artifactregistry.RepositoryIamMemberArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.InvalidInputException;

/**
 * Least-privilege access to one Artifact Registry repository: one
 * {@code gcp.artifactregistry.RepositoryIamMember} on the repository, naming the workload's
 * principal, with {@code roles/artifactregistry.reader} (pull images and download artifacts) or
 * {@code roles/artifactregistry.writer} (also push and tag). No repository administration; never a
 * project-level binding.
 *
 * <pre>{@code
 * ArtifactRegistryAccess.readOnly("projects/shop-prod-4711/locations/europe-west1/repositories/images")
 * ArtifactRegistryAccess.readWrite(images)                // a gcp.artifactregistry.Repository this stack manages
 * ArtifactRegistryAccess.readOnly("images", shared.output("imagesRepository"))
 * }</pre>
 *
 * @see <a href="https://cloud.google.com/artifact-registry/docs/access-control">Artifact Registry access control with IAM</a>
 * @see <a href="https://cloud.google.com/iam/docs/roles-permissions/artifactregistry">Artifact Registry roles and permissions</a>
 */
public final class ArtifactRegistryAccess extends RoleOnResourceGrant {
    /** Read and download artifacts (pull images). */
    public static final String READ_ROLE = "roles/artifactregistry.reader";
    /** Read and write artifacts (pull and push images). */
    public static final String WRITE_ROLE = "roles/artifactregistry.writer";
    private static final String MANAGED = "a gcp.artifactregistry.Repository";

    private ArtifactRegistryAccess(GrantTarget repository, String role) {
        super(repository, role, "Artifact Registry");
    }

    /**
     * @param repositoryName the repository's resource name, {@code projects/P/locations/L/repositories/R}
     * @return pull access to it
     * @throws InvalidInputException when the name is not one repository's resource name
     */
    public static ArtifactRegistryAccess readOnly(String repositoryName) {
        return new ArtifactRegistryAccess(plain(repositoryName), READ_ROLE);
    }

    /**
     * @param repository a repository this stack manages
     * @return pull access to it
     */
    public static ArtifactRegistryAccess readOnly(Repository repository) {
        return new ArtifactRegistryAccess(GrantTarget.managed("repository", repository, MANAGED), READ_ROLE);
    }

    /**
     * @param key            a stable name for the grant's child, e.g. {@code images}
     * @param repositoryName the repository's resource name, e.g. a StackReference output; checked once known
     * @return pull access to it
     */
    public static ArtifactRegistryAccess readOnly(String key, Output<String> repositoryName) {
        return new ArtifactRegistryAccess(fromOutput(key, repositoryName), READ_ROLE);
    }

    /**
     * @param repositoryName the repository's resource name, {@code projects/P/locations/L/repositories/R}
     * @return pull and push access to it
     * @throws InvalidInputException when the name is not one repository's resource name
     */
    public static ArtifactRegistryAccess readWrite(String repositoryName) {
        return new ArtifactRegistryAccess(plain(repositoryName), WRITE_ROLE);
    }

    /**
     * @param repository a repository this stack manages
     * @return pull and push access to it
     */
    public static ArtifactRegistryAccess readWrite(Repository repository) {
        return new ArtifactRegistryAccess(GrantTarget.managed("repository", repository, MANAGED), WRITE_ROLE);
    }

    /**
     * @param key            a stable name for the grant's child
     * @param repositoryName the repository's resource name, e.g. a StackReference output; checked once known
     * @return pull and push access to it
     */
    public static ArtifactRegistryAccess readWrite(String key, Output<String> repositoryName) {
        return new ArtifactRegistryAccess(fromOutput(key, repositoryName), WRITE_ROLE);
    }

    @Override
    Resource register(String childName, Output<String> repository, String role, Output<String> member, CustomResourceOptions options) {
        return new RepositoryIamMember(childName, RepositoryIamMemberArgs.builder()
                .repository(repository).role(role).member(member).build(), options);
    }

    private static GrantTarget plain(String repositoryName) {
        return GrantTarget.plain("repository", repositoryName, v -> GcpResourceNames.requireRepository("repository", v));
    }

    private static GrantTarget fromOutput(String key, Output<String> repositoryName) {
        return GrantTarget.fromOutput(key, "repositoryName", repositoryName,
                v -> GcpResourceNames.requireRepository("repository", v), "an Artifact Registry repository's resource name");
    }
}
