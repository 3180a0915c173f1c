package dev.keyless.core;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One ServiceAccount with identities on two clouds: its cluster's own, and a federation of its issuer. */
class CrossCloudBindingTest {
    private static final String FEDERATED = "other:https://stub.example/c#system:serviceaccount:shop:api";

    private static FederatedServiceAccountArgs.Builder api() {
        return FederatedServiceAccountArgs.builder().cluster(new StubCloud.Cluster("c")).namespace("shop").name("api");
    }

    @Test
    void eachGrantGoesToItsOwnCloudsIdentityAndBothAreExported() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                api().grant(new StubCloud.ForeignGrant()).grant(new StubCloud.Grant("charts")).build()));

        assertThat(deployment.find("test:index:Identity", "api-identity")).isPresent();
        assertThat(deployment.find("test:index:BucketMember", "api-grant-charts")).isPresent();
        assertThat(deployment.find("test:index:FederatedIdentity", "api-federated")).isPresent();
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("identity", "stub-identity")
                .containsEntry("identities", Map.of("stub", "stub-identity", "other", FEDERATED))
                .containsEntry("podEnv", Map.of("STUB", "1", "OTHER_IDENTITY", FEDERATED, "OTHER_TOKEN_FILE", "/var/run/secrets/other/token"))
                .containsEntry("podLabels", Map.of("stub.example/use", "true"))
                .containsEntry("nodeSelector", Map.of("os", "linux"));
    }

    @Test
    void grantsOfAnotherCloudOnlyMakeNoIdentityOnTheClustersOwnCloud() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                api().grant(new StubCloud.ForeignGrant()).build()));

        assertThat(deployment.find("test:index:Identity", "api-identity")).isEmpty();
        assertThat(deployment.resource(FederatedServiceAccount.TYPE, "api").outputs())
                .containsEntry("identity", FEDERATED)
                .containsEntry("identities", Map.of("other", FEDERATED))
                .containsEntry("podLabels", Map.of())
                .containsEntry("nodeSelector", Map.of());
    }

    @Test
    void aMechanismGivenForACloudWithoutGrantsStillMakesItsIdentity() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                api().grant(new StubCloud.Grant("charts")).mechanism(new StubCloud.Federation()).build()));

        assertThat(deployment.find("test:index:Identity", "api-identity")).isPresent();
        assertThat(deployment.find("test:index:FederatedIdentity", "api-federated")).isPresent();
    }

    @Test
    void theConfigurationFileIsAConfigMapInTheNamespaceReadyBeforeTheServiceAccount() {
        var deployment = SimulatedStack.named("core").run(ctx -> new FederatedServiceAccount("api",
                api().grant(new StubCloud.ForeignGrant()).build()));
        var graph = ResourceGraph.of(deployment);
        var configMap = deployment.resource("kubernetes:core/v1:ConfigMap", "api-other-config");
        var sa = deployment.resource("kubernetes:core/v1:ServiceAccount", "api-sa");

        assertThat(configMap.input("metadata.name")).contains("api-other");
        assertThat(configMap.input("metadata.namespace")).contains("shop");
        assertThat(configMap.input("data")).contains(Map.of("config.json", "{\"identity\":\"" + FEDERATED + "\"}"));
        assertThat(graph.parentOf(configMap).name()).isEqualTo("api");
        assertThat(graph.waitsFor(configMap, deployment.resource("kubernetes:core/v1:Namespace", "c-ns-shop"))).isTrue();
        assertThat(graph.waitsFor(sa, configMap)).isTrue();
        assertThat(graph.waitsFor(sa, deployment.resource("test:index:FederatedIdentity", "api-federated"))).isTrue();
    }

    @Test
    void podTemplateGetsTheServiceAccountEveryNeedAndKeepsTheUsersOwn() {
        var deployment = SimulatedStack.named("core").run(ctx -> {
            var account = new FederatedServiceAccount("api", api().grant(new StubCloud.ForeignGrant()).grant(new StubCloud.Grant("charts")).build());
            var template = PodTemplateSpecArgs.builder()
                    .metadata(ObjectMetaArgs.builder().labels(Map.of("app", "api")).build())
                    .spec(PodSpecArgs.builder().containers(ContainerArgs.builder().name("app").image("example/api:1")
                            .env(EnvVarArgs.builder().name("LOG_LEVEL").value("info").build()).build()).build())
                    .build();
            new Deployment("api", DeploymentArgs.builder()
                    .metadata(ObjectMetaArgs.builder().namespace(account.namespace()).build())
                    .spec(DeploymentSpecArgs.builder()
                            .selector(LabelSelectorArgs.builder().matchLabels(Map.of("app", "api")).build())
                            .template(account.podTemplate(template))
                            .build())
                    .build(), CustomResourceOptions.builder().provider(new StubCloud.Cluster("other-c").kubernetesProvider()).build());
        });
        var pod = deployment.resource("kubernetes:apps/v1:Deployment", "api");

        assertThat(pod.input("spec.template.metadata.labels")).contains(Map.of("app", "api", "stub.example/use", "true"));
        assertThat(pod.input("spec.template.spec.serviceAccountName")).contains("api");
        assertThat(pod.input("spec.template.spec.nodeSelector")).contains(Map.of("os", "linux"));
        assertThat(pod.input("spec.template.spec.volumes")).contains(List.of(
                Map.of("name", "other-token", "projected", Map.of("sources", List.of(Map.of("serviceAccountToken",
                        Map.of("audience", "other.example", "expirationSeconds", 3600.0, "path", "token"))))),
                Map.of("name", "other-config", "configMap", Map.of("name", "api-other"))));
        assertThat(pod.input("spec.template.spec.containers.0.env")).contains(List.of(
                Map.of("name", "LOG_LEVEL", "value", "info"),
                Map.of("name", "STUB", "value", "1"),
                Map.of("name", "OTHER_IDENTITY", "value", FEDERATED),
                Map.of("name", "OTHER_TOKEN_FILE", "value", "/var/run/secrets/other/token")));
        assertThat(pod.input("spec.template.spec.containers.0.volumeMounts")).contains(List.of(
                Map.of("name", "other-token", "mountPath", "/var/run/secrets/other", "readOnly", true),
                Map.of("name", "other-config", "mountPath", "/etc/other", "readOnly", true)));
    }

    @Test
    void aPodSpecThatSetsAVariableTheIdentitiesSetIsRefusedNotOverwritten() {
        var failure = SimulatedStack.named("core").runExpectingFailure(ctx -> {
            var account = new FederatedServiceAccount("api", api().grant(new StubCloud.ForeignGrant()).build());
            var spec = PodSpecArgs.builder().containers(ContainerArgs.builder().name("app").image("example/api:1")
                    .env(EnvVarArgs.builder().name("OTHER_IDENTITY").value("mine").build()).build()).build();
            new com.pulumi.kubernetes.core.v1.Pod("api", com.pulumi.kubernetes.core.v1.PodArgs.builder()
                    .spec(account.podSpec(spec)).build(),
                    CustomResourceOptions.builder().provider(new StubCloud.Cluster("other-c").kubernetesProvider()).build());
        });

        assertThat(failure.message()).contains(
                "pod spec environment variable must be set by the ServiceAccount's identities, not also by the pod spec: remove it from the spec: 'OTHER_IDENTITY'");
    }

    @Test
    void twoIdentitiesNeedingOneVariableClashNamingBoth() {
        var one = PodNeeds.of(Map.of(), Map.of("REGION", "eu"), Map.of());
        var two = PodNeeds.of(Map.of(), Map.of("REGION", "us"), Map.of());
        assertThatThrownBy(() -> one.merge(two, "IRSA", "Azure federation")).isInstanceOf(InvalidInputException.class).hasMessage(
                "pod needs must be needed by one identity only, but IRSA and Azure federation both set it: 'environment variable REGION'");
        var labelled = PodNeeds.of(Map.of("use", "true"), Map.of(), Map.of());
        assertThat(labelled.merge(PodNeeds.of(Map.of("use", "true"), Map.of(), Map.of()), "a", "b").labels()).isEqualTo(Map.of("use", "true"));
        assertThatThrownBy(() -> labelled.merge(PodNeeds.of(Map.of("use", "false"), Map.of(), Map.of()), "a", "b"))
                .hasMessage("pod needs must be needed by one identity only, but a and b both set it: 'pod label use (true and false)'");
    }

    @Test
    void oneMechanismPerCloud() {
        assertThatThrownBy(() -> FederatedServiceAccountArgs.builder().mechanism(new StubCloud.Federation()).mechanism(new StubCloud.Federation()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("mechanism must be one mechanism per cloud, but Other has other federation already: 'other federation'");
    }

    @Test
    void issuersMustBeHttpsUrls() {
        assertThat(OidcIssuer.requireHttps("issuer", "https://token.actions.githubusercontent.com")).isEqualTo("https://token.actions.githubusercontent.com");
        for (var bad : List.of("http://issuer.example", "issuer.example", "https://", "https://issuer.example/?a=b", "https://issuer.example/#x")) {
            assertThatThrownBy(() -> OidcIssuer.requireHttps("issuer", bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("issuer must be an https URL with a host");
        }
    }
}
