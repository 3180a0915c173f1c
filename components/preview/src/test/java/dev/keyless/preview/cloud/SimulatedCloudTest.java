package dev.keyless.preview.cloud;

import com.google.common.collect.ImmutableMap;
import com.pulumi.test.Mocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedCloudTest {

    /** A cloud the defaults do not know, as a new one would be added. */
    private static final class ExampleSimulation implements ProviderSimulation {
        static final String PROJECT = "example-project-000000";

        @Override
        public String packageName() {
            return "example";
        }

        @Override
        public SimulatedResource create(String type, String name, Map<String, Object> inputs) {
            return new SimulatedResource("projects/" + PROJECT + "/things/" + name, Map.of("project", PROJECT));
        }

        @Override
        public Optional<Map<String, Object>> invoke(String token, Map<String, Object> args) {
            return Optional.of(Map.of("project", PROJECT));
        }
    }

    @Test
    void answersEachPackageFromItsOwnSimulation() throws Exception {
        var cloud = new SimulatedCloud(List.of(new ExampleSimulation(), new KubernetesSimulation()));

        var thing = cloud.newResourceAsync(new Mocks.ResourceArgs("example:index/thing:Thing", "a", Map.of(), "", "")).get();
        var project = cloud.callAsync(new Mocks.CallArgs("example:index/getProject:getProject", ImmutableMap.of(), "")).get();
        var unknownPackage = cloud.newResourceAsync(new Mocks.ResourceArgs("aws:s3/bucketV2:BucketV2", "b",
                Map.of("bucket", "kept"), "", "")).get();

        assertThat(thing.id).contains("projects/example-project-000000/things/a");
        assertThat(project).containsEntry("project", ExampleSimulation.PROJECT);
        assertThat(unknownPackage.id).as("a package nobody simulates").contains("b-id");
        assertThat(unknownPackage.state).isEqualTo(Map.of("bucket", "kept"));
    }

    @Test
    void defaultsSimulateAwsGcpAzureAndKubernetes() {
        assertThat(SimulatedCloud.defaultSimulations(Map.of("aws:region", "eu-west-1")))
                .extracting(ProviderSimulation::packageName).containsExactly("aws", "gcp", "azure-native", "kubernetes");
    }

    @Test
    void refusesTwoSimulationsOfOnePackage() {
        assertThatThrownBy(() -> new SimulatedCloud(List.of(new KubernetesSimulation(), new KubernetesSimulation())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("providers must simulate each package once: 'kubernetes' is simulated twice");
    }
}
