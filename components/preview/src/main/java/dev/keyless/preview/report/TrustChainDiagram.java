package dev.keyless.preview.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyless.preview.engine.RegisteredResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One workload's trust chain as a Mermaid flowchart, read from the resources its
 * {@code keyless:core:FederatedServiceAccount} registered: the token issuer, the OIDC provider,
 * pool or federated credential that trusts it, the cloud identity with the exact subject and
 * audience it accepts, the grants on that identity with their resources, the ServiceAccount, and
 * the pods that run as it. A value only the cloud knows shows as {@code [unknown]}.
 */
final class TrustChainDiagram {
    /** The component every keyless identity is registered under. */
    static final String COMPONENT_TYPE = "keyless:core:FederatedServiceAccount";

    private static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    private static final String AWS_ROLE = "aws:iam/role:Role";
    private static final String AWS_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String AWS_POD_IDENTITY = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
    private static final String GCP_SERVICE_ACCOUNT = "gcp:serviceaccount/account:Account";
    private static final String GCP_WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";
    private static final String GCP_POOL_PROVIDER = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
    // The EKS Auth service is the principal a Pod Identity role trusts.
    private static final String POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com";
    // principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/subject/SUBJECT
    private static final Pattern GCP_PRINCIPAL = Pattern.compile("principal://iam\\.googleapis\\.com/(.*/workloadIdentityPools/[^/]+)/subject/(.+)");
    // serviceAccount:PROJECT.svc.id.goog[NAMESPACE/NAME]
    private static final Pattern GKE_MEMBER = Pattern.compile("serviceAccount:([^\\[]+\\.svc\\.id\\.goog)\\[([^/]+)/([^\\]]+)]");
    private static final List<GrantRenderer> GRANTS = List.of(new GcpIamMemberLine(), new AzureRoleAssignmentLine());

    private final List<RegisteredResource> ordered;
    private final MermaidFlowchart chart = new MermaidFlowchart();
    private final Map<String, String> issuers = new LinkedHashMap<>();
    // Each identity's node, by the cloud (the provider package) it lives in: a grant is drawn from
    // its own cloud's identity only, so one ServiceAccount's identities on several clouds stay apart.
    private final Map<String, List<String>> identities = new LinkedHashMap<>();

    private TrustChainDiagram(List<RegisteredResource> ordered) {
        this.ordered = ordered;
    }

    /**
     * @param ordered  every resource a program registered, in the report's order ({@link TreeOrder})
     * @param workload a {@value #COMPONENT_TYPE} component
     * @return the flowchart's text
     */
    static String of(List<RegisteredResource> ordered, RegisteredResource workload) {
        var diagram = new TrustChainDiagram(ordered);
        diagram.draw(descendants(ordered, workload));
        return diagram.chart.text();
    }

    private void draw(List<RegisteredResource> resources) {
        resources.stream().filter(r -> r.type().equals(AWS_ROLE)).forEach(role -> awsRole(role, resources));
        resources.stream().filter(r -> AzureTypes.is(r.type(), "managedidentity", "UserAssignedIdentity"))
                .forEach(identity -> azureIdentity(identity, resources));
        resources.stream().filter(r -> r.type().equals(GCP_SERVICE_ACCOUNT)).forEach(account -> gcpAccount(account, resources));
        grants(resources);
        serviceAccounts(resources);
    }

    // IRSA: each statement of the trust policy names an OIDC provider and the sub and aud it accepts;
    // Pod Identity: the statement names the EKS Auth service, and the association the ServiceAccount.
    private void awsRole(RegisteredResource role, List<RegisteredResource> resources) {
        var identity = chart.node("IAM role\n" + role.name() + optional(role, "name"));
        identity(role, identity);
        var policy = json(role.inputs().get("assumeRolePolicy"));
        if (policy.isEmpty()) {
            chart.edge(issuer("[unknown]"), identity, "trust policy: [unknown]");
            return;
        }
        for (var statement : statements(policy.get())) {
            var principal = statement.path("Principal");
            var federated = principal.path("Federated").asText("");
            if (!federated.isEmpty()) {
                var host = federated.substring(federated.indexOf("oidc-provider/") + "oidc-provider/".length());
                var provider = chart.node("IAM OIDC provider\n" + federated);
                chart.edge(issuer("https://" + host), provider, "");
                chart.edge(provider, identity, conditions(statement.path("Condition"), host));
            } else if (principal.path("Service").toString().contains(POD_IDENTITY_SERVICE)) {
                var agent = issuer("EKS Auth (" + POD_IDENTITY_SERVICE + ")");
                var associations = resources.stream().filter(r -> r.type().equals(AWS_POD_IDENTITY)).toList();
                if (associations.isEmpty()) {
                    chart.edge(agent, identity, conditions(statement.path("Condition"), ""));
                }
                for (var association : associations) {
                    var node = chart.node("EKS Pod Identity association\n" + association.name()
                            + "\ncluster: " + GrantLine.text(association.inputs().get("clusterName")));
                    chart.edge(agent, node, "");
                    chart.edge(node, identity, "namespace: " + GrantLine.text(association.inputs().get("namespace"))
                            + "\nserviceAccount: " + GrantLine.text(association.inputs().get("serviceAccount")));
                }
            }
        }
    }

    // Entra Workload ID: each federated credential trusts one issuer for one subject and audience list.
    private void azureIdentity(RegisteredResource managedIdentity, List<RegisteredResource> resources) {
        var identity = chart.node("managed identity\n" + managedIdentity.name() + optional(managedIdentity, "resourceName"));
        identity(managedIdentity, identity);
        resources.stream().filter(r -> AzureTypes.is(r.type(), "managedidentity", "FederatedIdentityCredential")).forEach(credential -> {
            var node = chart.node("federated credential\n" + credential.name());
            chart.edge(issuer(GrantLine.text(credential.inputs().get("issuer"))), node, "");
            chart.edge(node, identity, "sub: " + GrantLine.text(credential.inputs().get("subject"))
                    + "\naud: " + GrantLine.text(credential.inputs().get("audiences")));
        });
    }

    // GKE impersonation: the Kubernetes principal of the cluster's pool may act as the Google service account.
    private void gcpAccount(RegisteredResource account, List<RegisteredResource> resources) {
        var identity = chart.node("Google service account\n" + account.name() + optional(account, "accountId"));
        identity(account, identity);
        resources.stream().filter(TrustChainDiagram::workloadIdentityUser)
                .forEach(binding -> pool(binding.inputs().get("member"), "roles/iam.workloadIdentityUser", identity, resources));
    }

    // A grant to a Kubernetes principal directly (GKE Workload Identity without a Google service
    // account): the principal is the identity, and its pool is what trusts the cluster's tokens.
    private String directPrincipal(RegisteredResource grant, List<RegisteredResource> resources) {
        var member = grant.inputs().get("member");
        var identity = chart.node("Kubernetes principal\n" + GrantLine.text(member));
        identity(grant, identity);
        pool(member, "", identity, resources);
        return identity;
    }

    private void identity(RegisteredResource resource, String node) {
        identities.computeIfAbsent(cloudOf(resource.type()), cloud -> new ArrayList<>()).add(node);
    }

    // "aws:iam/role:Role" is AWS's, "azure-native:..." Azure's: the provider package names the cloud.
    private static String cloudOf(String type) {
        var cloud = type.substring(0, Math.max(0, type.indexOf(':')));
        return cloud.equals("azure-native") ? "azure" : cloud;
    }

    private void pool(Object member, String role, String identity, List<RegisteredResource> resources) {
        var text = GrantLine.text(member);
        var principal = GCP_PRINCIPAL.matcher(text);
        var gke = GKE_MEMBER.matcher(text);
        String pool;
        String subject;
        // The pool's own subject (ns/NAMESPACE/sa/NAME) is not the token's sub claim: say which it is.
        if (principal.matches()) {
            pool = principal.group(1);
            subject = "pool subject: " + principal.group(2);
        } else if (gke.matches()) {
            pool = gke.group(1);
            subject = "sub: system:serviceaccount:" + gke.group(2) + ":" + gke.group(3);
        } else {
            pool = "[unknown]";
            subject = "member: " + text;
        }
        var node = chart.node("workload identity pool\n" + pool);
        // A federation's pool trusts a foreign issuer through the workload's own provider, whose
        // condition admits its subject; GKE's pool trusts the cluster's issuer natively.
        var providers = resources.stream().filter(r -> r.type().equals(GCP_POOL_PROVIDER)).toList();
        if (providers.isEmpty()) {
            chart.edge(issuer("GKE cluster's OIDC issuer"), node, "");
        }
        for (var provider : providers) {
            var providerNode = chart.node("workload identity pool provider\n" + GrantLine.text(provider.inputs().get("workloadIdentityPoolProviderId"))
                    + "\ncondition: " + GrantLine.text(provider.inputs().get("attributeCondition")));
            chart.edge(issuer(GrantLine.text(provider.input("oidc.issuerUri").orElse("[unknown]"))), providerNode, "");
            chart.edge(providerNode, node, "aud: " + GrantLine.text(provider.input("oidc.allowedAudiences").orElse("[unknown]")));
        }
        chart.edge(node, identity, (role.isEmpty() ? "" : role + "\n") + subject);
    }

    private void grants(List<RegisteredResource> resources) {
        for (var resource : resources) {
            if (resource.type().equals(AWS_ROLE_POLICY)) {
                grant(resource.type(), permissions(resource.inputs().get("policy")), resource, resources);
            } else if (resource.type().equals(AWS_ROLE)) {
                // A role that carries its policies itself: one node per named inline policy (an
                // empty block, which only clears the role's inline policies, grants nothing).
                for (var inline : inlinePolicies(resource)) {
                    grant("inline policy " + GrantLine.text(inline.get("name")), permissions(inline.get("policy")), resource, resources);
                }
            } else if (!workloadIdentityUser(resource)) {
                GRANTS.stream().filter(renderer -> renderer.recognises(resource.type())).findFirst()
                        .ifPresent(renderer -> grant(resource.type(), renderer.describe(resource).replace("  ", "\n"), resource, resources));
            }
        }
    }

    private static List<Map<?, ?>> inlinePolicies(RegisteredResource role) {
        var named = new ArrayList<Map<?, ?>>();
        if (role.inputs().get("inlinePolicies") instanceof List<?> list) {
            list.stream().filter(item -> item instanceof Map<?, ?> map && map.get("name") != null)
                    .forEach(item -> named.add((Map<?, ?>) item));
        }
        return named;
    }

    private void grant(String heading, String text, RegisteredResource resource, List<RegisteredResource> resources) {
        var node = chart.node(heading + "\n" + resource.name() + "\n" + text);
        var own = identities.getOrDefault(cloudOf(resource.type()), List.of());
        // A GCP grant to a pool's principal itself (GKE Workload Identity, or a federation without a
        // Google service account) has no identity of its own above it: the principal is the identity.
        if (own.isEmpty() && new GcpIamMemberLine().recognises(resource.type())) {
            chart.edge(directPrincipal(resource, resources), node, "granted");
            return;
        }
        own.forEach(identity -> chart.edge(identity, node, "granted"));
    }

    // "Allow s3:GetObject, s3:PutObject on arn:aws:s3:::bucket/*", one line per statement.
    private static String permissions(Object document) {
        var policy = json(document);
        if (policy.isEmpty()) {
            return "policy: " + GrantLine.text(document);
        }
        var lines = new ArrayList<String>();
        for (var statement : statements(policy.get())) {
            lines.add(statement.path("Effect").asText("Allow") + " " + list(statement.path("Action"))
                    + " on " + list(statement.path("Resource")));
        }
        return String.join("\n", lines);
    }

    private void serviceAccounts(List<RegisteredResource> resources) {
        for (var account : resources) {
            if (!account.type().equals(SERVICE_ACCOUNT)) {
                continue;
            }
            var node = chart.node("ServiceAccount\n" + GrantLine.text(account.input("metadata.namespace").orElse("default"))
                    + "/" + GrantLine.text(account.input("metadata.name").orElse(account.name()))
                    + cluster(account));
            identities.values().stream().flatMap(List::stream).distinct().forEach(identity -> chart.edge(identity, node, "assumed by"));
            for (var pods : WorkloadPods.of(ordered, account)) {
                chart.edge(node, chart.node(pods.type() + "\n" + pods.name()), "runs");
            }
        }
    }

    // Which cluster: the Kubernetes provider the ServiceAccount is applied with.
    private static String cluster(RegisteredResource account) {
        var urn = account.providerUrn();
        return urn.isEmpty() ? "" : "\nprovider: " + urn.substring(urn.lastIndexOf("::") + 2);
    }

    private String issuer(String url) {
        return issuers.computeIfAbsent(url, key -> chart.node("issuer\n" + key));
    }

    private static boolean workloadIdentityUser(RegisteredResource resource) {
        return resource.type().startsWith("gcp:serviceaccount/") && new GcpIamMemberLine().recognises(resource.type())
                && GCP_WORKLOAD_IDENTITY_USER.equals(resource.inputs().get("role"));
    }

    // "sub: system:serviceaccount:shop:storefront", "aud: sts.amazonaws.com": each condition key's
    // last part after the issuer host, with its operator when it is not an exact match.
    private static String conditions(JsonNode condition, String host) {
        var lines = new ArrayList<String>();
        condition.fields().forEachRemaining(operator -> operator.getValue().fields().forEachRemaining(key -> {
            var name = !host.isEmpty() && key.getKey().startsWith(host + ":") ? key.getKey().substring(host.length() + 1) : key.getKey();
            lines.add(name + (operator.getKey().equals("StringEquals") ? "" : " (" + operator.getKey() + ")")
                    + ": " + list(key.getValue()));
        }));
        return lines.isEmpty() ? "no condition" : String.join("\n", lines);
    }

    private static String list(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        var items = new ArrayList<String>();
        value.forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }

    private static List<JsonNode> statements(JsonNode policy) {
        var statement = policy.path("Statement");
        var all = new ArrayList<JsonNode>();
        if (statement.isArray()) {
            statement.forEach(all::add);
        } else if (statement.isObject()) {
            all.add(statement);
        }
        return all;
    }

    // Only a plain string is read: a secret policy stays unread, an unknown one unknown.
    private static Optional<JsonNode> json(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            var tree = JsonText.mapper().readTree(text);
            return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String optional(RegisteredResource resource, String property) {
        var value = resource.inputs().get(property);
        return value == null ? "" : "\n" + property + ": " + GrantLine.text(value);
    }

    // Parents before children, in the report's order: one pass to index each resource's children, then
    // a walk down from the workload, so a stack of many workloads stays linear in its resources each.
    private static List<RegisteredResource> descendants(List<RegisteredResource> ordered, RegisteredResource parent) {
        var children = new HashMap<String, List<RegisteredResource>>();
        ordered.forEach(r -> children.computeIfAbsent(r.parentUrn(), urn -> new ArrayList<>()).add(r));
        var all = new ArrayList<RegisteredResource>();
        addDescendants(children, parent, all);
        return all;
    }

    private static void addDescendants(Map<String, List<RegisteredResource>> children, RegisteredResource parent,
                                       List<RegisteredResource> all) {
        for (var child : children.getOrDefault(parent.urn(), List.of())) {
            all.add(child);
            addDescendants(children, child, all);
        }
    }
}
