package dev.keyless.benchmarks.scale;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.gcp.iam.WorkloadIdentityPool;
import com.pulumi.gcp.iam.WorkloadIdentityPoolArgs;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProvider;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProviderArgs;
import com.pulumi.gcp.iam.inputs.WorkloadIdentityPoolProviderOidcArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketIAMMemberConditionArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The federated paths written by hand: the same cloud and Kubernetes resources keyless registers
 * for a workload whose one grant is on another cloud than its cluster's, with the same policies
 * and conditions as text, and none of its checks.
 */
final class RawFederatedWorkloads {
    static final String PROJECT_NUMBER = "123456789012";
    /** The pool keyless names after the EKS issuer. */
    static final String POOL_ID = "keyless-bbd88d245748";
    static final String GKE_ISSUER = "https://container.googleapis.com/v1/projects/" + GkeWorkloads.PROJECT
            + "/locations/europe-west1/clusters/" + App.CLUSTER;
    private static final String BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private static final String LIST_PREFIX = "api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\")";

    private RawFederatedWorkloads() {
    }

    /** @return the one workload identity pool for the EKS issuer */
    static WorkloadIdentityPool gcpPool() {
        return new WorkloadIdentityPool(App.CLUSTER + "-gcp-pool", WorkloadIdentityPoolArgs.builder()
                .project(GkeWorkloads.PROJECT)
                .workloadIdentityPoolId(POOL_ID)
                .displayName("keyless " + POOL_ID)
                .description("Workloads whose tokens adopted EKS cluster '" + App.CLUSTER + "' issues; one provider per ServiceAccount")
                .build());
    }

    /** EKS to GCS: a pool provider trusting one ServiceAccount, its credential file, a prefix-conditioned reader. */
    static void eksToGcs(CustomResourceOptions kubernetes, WorkloadIdentityPool pool, String team) {
        var namespace = namespace(kubernetes, team);
        var providerId = team + "-app";
        var subject = subject(team);
        var provider = new WorkloadIdentityPoolProvider(team + "-gcp-provider", WorkloadIdentityPoolProviderArgs.builder()
                .project(GkeWorkloads.PROJECT)
                .workloadIdentityPoolId(pool.workloadIdentityPoolId())
                .workloadIdentityPoolProviderId(providerId)
                .displayName(providerId)
                .description("Kubernetes ServiceAccount " + team + "/app of adopted EKS cluster '" + App.CLUSTER + "'")
                .attributeMapping(Map.of("google.subject", "assertion.sub"))
                .attributeCondition("assertion.sub == '" + subject + "'")
                .oidc(WorkloadIdentityPoolProviderOidcArgs.builder()
                        .issuerUri(App.ISSUER)
                        .allowedAudiences("https://sts.googleapis.com/workloadIdentityPools/" + POOL_ID + "/providers/" + providerId)
                        .build())
                .build());
        var credentials = new ConfigMap(team + "-gcp-credentials", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("app-gcp-credentials").namespace(namespaceName(namespace)).build())
                .data(Map.of("credentials.json", """
                        {
                          "type" : "external_account",
                          "audience" : "//iam.googleapis.com/projects/%s/locations/global/workloadIdentityPools/%s/providers/%s",
                          "subject_token_type" : "urn:ietf:params:oauth:token-type:jwt",
                          "token_url" : "https://sts.googleapis.com/v1/token",
                          "credential_source" : {
                            "file" : "/var/run/secrets/keyless/gcp/token",
                            "format" : {
                              "type" : "text"
                            }
                          }
                        }""".formatted(PROJECT_NUMBER, POOL_ID, providerId)))
                .build(), kubernetes);
        var prefix = team + "/";
        var reader = new BucketIAMMember(team + "-grant", BucketIAMMemberArgs.builder()
                .bucket(App.BUCKET)
                .role("roles/storage.objectViewer")
                .member("principal://iam.googleapis.com/projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/"
                        + POOL_ID + "/subject/" + subject)
                .condition(BucketIAMMemberConditionArgs.builder()
                        .title("only objects under " + prefix)
                        .expression("resource.name.startsWith(\"projects/_/buckets/" + App.BUCKET + "/objects/" + prefix + "\")"
                                + " || " + LIST_PREFIX + ".startsWith(\"" + prefix + "\")"
                                + " || " + LIST_PREFIX + " == \"" + team + "\"")
                        .build())
                .build(), CustomResourceOptions.builder().dependsOn(provider).build());
        serviceAccount(kubernetes, team, namespace, credentials, reader);
    }

    /** EKS to Blob: a managed identity, its federated credential for the EKS issuer, a container-scoped reader. */
    static void eksToBlob(CustomResourceOptions kubernetes, String team) {
        var namespace = namespace(kubernetes, team);
        var identity = new UserAssignedIdentity(team + "-identity", UserAssignedIdentityArgs.builder()
                .resourceGroupName(AksWorkloads.RESOURCE_GROUP)
                .tags(Map.of("keyless-kubernetes-namespace", team, "keyless-kubernetes-service-account", "app"))
                .build());
        var credential = new FederatedIdentityCredential(team + "-credential", FederatedIdentityCredentialArgs.builder()
                .resourceGroupName(AksWorkloads.RESOURCE_GROUP)
                .resourceName(identity.name())
                .issuer(App.ISSUER)
                .subject(subject(team))
                .audiences(List.of("api://AzureADTokenExchange"))
                .build());
        var assignment = new RoleAssignment(team + "-grant", RoleAssignmentArgs.builder()
                .scope(AksWorkloads.CONTAINER_ID)
                .description("Blob read-only on container " + AksWorkloads.ACCOUNT + "-" + App.BUCKET)
                .roleDefinitionId("/subscriptions/" + AksWorkloads.SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/" + BLOB_DATA_READER)
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .roleAssignmentName(identity.principalId().applyValue(principal -> UUID.nameUUIDFromBytes(
                        (AksWorkloads.CONTAINER_ID + "|" + principal + "|" + BLOB_DATA_READER).getBytes(StandardCharsets.UTF_8)).toString()))
                .build());
        serviceAccount(kubernetes, team, namespace, credential, assignment);
    }

    /** @return the one IAM OIDC provider for the GKE issuer */
    static OpenIdConnectProvider awsProviderForGke() {
        return awsProvider(App.CLUSTER + "-aws-oidc-provider", GKE_ISSUER);
    }

    static OpenIdConnectProvider awsProvider(String name, String issuer) {
        return new OpenIdConnectProvider(name, OpenIdConnectProviderArgs.builder()
                .url(issuer)
                .clientIdLists("sts.amazonaws.com")
                .build());
    }

    /** GKE to S3: a role trusting the one ServiceAccount through the GKE issuer's provider, its inline grant. */
    static void gkeToS3(CustomResourceOptions kubernetes, OpenIdConnectProvider provider, String team) {
        var namespace = namespace(kubernetes, team);
        var grants = awsRole(team, provider, GKE_ISSUER, subject(team),
                "Cloud identity of Kubernetes ServiceAccount " + team + "/app",
                Map.of("keyless/kubernetes-namespace", team, "keyless/kubernetes-service-account", "app"));
        serviceAccount(kubernetes, team, namespace, grants);
    }

    /**
     * A role trusting exactly one subject and the STS audience of the given issuer's provider, and
     * its inline prefix-scoped S3 grant.
     *
     * @param name the role's name and the key prefix it may use
     * @return what whatever uses the role waits for: its grant policy, or the role once it carries it
     */
    static Resource awsRole(String name, OpenIdConnectProvider provider, String issuer, String subject,
                              String description, Map<String, String> tags) {
        var hostPath = issuer.substring("https://".length());
        return RawRoles.register(name, RoleArgs.builder()
                .description(description)
                .tags(tags)
                .assumeRolePolicy(provider.arn().applyValue(arn -> """
                        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"%s"},\
                        "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"%s:sub":"%s",\
                        "%s:aud":"sts.amazonaws.com"}}}}""".formatted(arn, hostPath, subject, hostPath))),
                """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::%s",\
                        "Condition":{"StringLike":{"s3:prefix":["%s/*","%s"]}}},{"Effect":"Allow",\
                        "Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload","s3:ListMultipartUploadParts"],\
                        "Resource":"arn:aws:s3:::%s/%s/*"}]}""".formatted(App.BUCKET, name, name, App.BUCKET, name)).ready();
    }

    private static String subject(String team) {
        return "system:serviceaccount:" + team + ":app";
    }

    private static Namespace namespace(CustomResourceOptions kubernetes, String team) {
        return new Namespace(team + "-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(team).build()).build(), kubernetes);
    }

    private static Output<String> namespaceName(Namespace namespace) {
        return namespace.metadata().applyValue(m -> m.name().orElseThrow());
    }

    /** The ServiceAccount, unannotated: the pod gets the other cloud's token and settings, not the account. */
    private static void serviceAccount(CustomResourceOptions kubernetes, String team, Namespace namespace, Resource... waitsFor) {
        new ServiceAccount(team + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("app").namespace(namespaceName(namespace)).build())
                .automountServiceAccountToken(false)
                .build(), CustomResourceOptions.builder().provider(kubernetes.getProvider().orElseThrow()).dependsOn(waitsFor).build());
    }
}
