package dev.keyless.examples.selfhosted;

import dev.keyless.testkit.Json;
import dev.keyless.testkit.ResourceGraph;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its Pulumi.dev.yaml configures it. */
class SelfHostedIssuerTest {
    private static final String ISSUER = "https://k3s-lab-issuer.s3.eu-west-1.amazonaws.com";
    private static final String HOST_PATH = "k3s-lab-issuer.s3.eu-west-1.amazonaws.com";

    @Test
    void theRoleTrustsExactlyTheExporterThroughThePublishedIssuer() {
        var deployment = SimulatedStack.fromProject(Path.of(""), "dev").run(App::stack);

        var trust = deployment.resource("aws:iam/role:Role", "exporter-role").input("assumeRolePolicy").orElseThrow();
        assertThat(Json.parse(trust)).isEqualTo(Json.parse("""
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow",
                   "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/%1$s"},
                   "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringEquals": {"%1$s:sub": "system:serviceaccount:reports:exporter", "%1$s:aud": "sts.amazonaws.com"}}}}
                """.formatted(HOST_PATH)));
        assertThat(deployment.ofType("aws:s3/bucketObjectv2:BucketObjectv2")).extracting(r -> r.input("key").orElseThrow())
                .containsExactlyInAnyOrder(".well-known/openid-configuration", "openid/v1/jwks");
        assertThat(ResourceGraph.of(deployment).waitsForTransitively(
                deployment.resource("kubernetes:core/v1:ServiceAccount", "exporter-sa"),
                deployment.resource("aws:s3/bucketObjectv2:BucketObjectv2", "issuer-jwks"))).isTrue();
        assertThat(deployment.resource("pulumi:pulumi:Stack", "self-hosted-issuer-dev").outputs().get("apiServerArguments"))
                .isEqualTo(List.of("--service-account-issuer=" + ISSUER,
                        "--service-account-jwks-uri=" + ISSUER + "/openid/v1/jwks", "--api-audiences=" + ISSUER));
    }
}
