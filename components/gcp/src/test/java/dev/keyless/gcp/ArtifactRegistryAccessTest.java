package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.artifactregistry.Repository;
import com.pulumi.gcp.artifactregistry.RepositoryArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ResourceGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.gcp.GrantDeployments.API_PRINCIPAL;
import static dev.keyless.gcp.GrantDeployments.deploy;
import static dev.keyless.gcp.GrantDeployments.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Artifact Registry reader or writer on one repository. */
class ArtifactRegistryAccessTest {
    private static final String MEMBER = "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember";
    private static final String IMAGES = "projects/shop-prod-4711/locations/europe-west1/repositories/images";

    @Test
    void readOnlyGrantsTheReaderAndReadWriteTheWriterRoleOnTheOneRepository() {
        var deployment = deploy(ctx -> List.of(ArtifactRegistryAccess.readOnly(IMAGES),
                ArtifactRegistryAccess.readWrite("projects/shop-prod-4711/locations/europe/repositories/charts")));

        assertThat(deployment.resource(MEMBER, "api-grant-shop-prod-4711.europe-west1.images-artifactregistry-reader").inputs()).isEqualTo(Map.of(
                "repository", IMAGES, "role", "roles/artifactregistry.reader", "member", API_PRINCIPAL));
        assertThat(deployment.resource(MEMBER, "api-grant-shop-prod-4711.europe.charts-artifactregistry-writer").inputs()).isEqualTo(Map.of(
                "repository", "projects/shop-prod-4711/locations/europe/repositories/charts",
                "role", "roles/artifactregistry.writer", "member", API_PRINCIPAL));
    }

    @Test
    void aManagedRepositoryIsNamedByItsIdAndGrantedAfterItExists() {
        var deployment = deploy(ctx -> List.of(ArtifactRegistryAccess.readWrite(new Repository("images",
                RepositoryArgs.builder().repositoryId("images").format("DOCKER").location("europe-west1").build()))));
        var member = deployment.resource(MEMBER, "api-grant-images-artifactregistry-writer");

        assertThat(member.input("repository")).contains("projects/example-project/locations/europe-west1/repositories/images");
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:artifactregistry/repository:Repository", "images"))).isTrue();
    }

    @Test
    void aRepositoryFromAnotherStackIsKeyedByTheGivenKey() {
        assertThat(deploy(ctx -> List.of(ArtifactRegistryAccess.readOnly("images", Output.of(IMAGES))))
                .resource(MEMBER, "api-grant-images-artifactregistry-reader").input("repository")).contains(IMAGES);
    }

    @Test
    void anImageUrlAnEcrArnOrAWildcardIsRefused() {
        for (var name : List.of("europe-west1-docker.pkg.dev/shop-prod-4711/images", "projects/shop-prod-4711/locations/europe-west1/repositories/*",
                "arn:aws:ecr:eu-west-1:111122223333:repository/images", "projects/shop-prod-4711/repositories/images",
                "projects/shop-prod-4711/locations/europe-west1/repositories/Images")) {
            assertThatThrownBy(() -> ArtifactRegistryAccess.readOnly(name)).as(name).isInstanceOf(InvalidInputException.class)
                    .hasMessage("repository must be " + GcpResourceNames.REPOSITORY_RULE + ": '" + name + "'");
        }
    }

    @Test
    void aRepositoryNameFromAnotherStackBreakingTheRuleIsRefusedBeforeTheGrantRegisters() {
        var failure = failing(List.of(ArtifactRegistryAccess.readOnly("images", Output.of("europe-west1-docker.pkg.dev/shop-prod-4711/images"))));

        assertThat(failure.message()).isEqualTo("repository must be " + GcpResourceNames.REPOSITORY_RULE
                + ": 'europe-west1-docker.pkg.dev/shop-prod-4711/images'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }
}
