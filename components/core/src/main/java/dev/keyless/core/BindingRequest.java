package dev.keyless.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * What an {@link IdentityMechanism} binds: the subjects of one issuer's tokens, with their grants of
 * the mechanism's cloud. For a {@link FederatedServiceAccount} the issuer is its cluster and the
 * subject its ServiceAccount; for a {@link PipelineIdentity} a CI system's issuer and the jobs'
 * subjects. Federations plan from the issuer and the subjects alone; native mechanisms bind a
 * ServiceAccount in their own cluster ({@link #cluster()}, {@link #account()}) and refuse anything else.
 *
 * <p>No two {@link ResourceGrant}s of one request have the same {@link ResourceGrant#key()}: each
 * would be the child {@code baseName-grant-KEY}, and the engine refuses a second resource of one
 * name only at deploy. Checked here, once for every cloud, before any mechanism plans or registers.
 *
 * @param baseName the prefix of the children's names ({@code baseName + "-role"}), the component's name
 * @param issuer   the issuer whose tokens the identity trusts
 * @param subjects the subjects it trusts, at least one, each value and key once
 * @param grants   the grants of the mechanism's cloud (a mechanism called directly checks they are its own)
 */
public record BindingRequest(String baseName, OidcIssuer issuer, List<Subject> subjects, List<AccessGrant> grants) {

    /**
     * Copies the lists.
     *
     * @throws InvalidInputException naming both grants when two resource grants have one key, or a
     *     subject given twice
     */
    public BindingRequest {
        Checks.notNull("issuer", issuer, "an OIDC issuer");
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) {
            throw InvalidInputException.missing("subjects", "an identity trusts at least one subject");
        }
        var values = new HashSet<String>();
        var keys = new HashSet<String>();
        for (int i = 0; i < subjects.size(); i++) {
            var subject = subjects.get(i);
            if (!values.add(subject.value()) || !keys.add(subject.key())) {
                throw InvalidInputException.of("subjects[" + i + "]", subject.value(), "a subject (and key '" + subject.key() + "') given once");
            }
        }
        grants = List.copyOf(grants);
        requireDistinctGrantKeys(baseName, grants, java.util.stream.IntStream.range(0, grants.size()).boxed().toList());
    }

    /**
     * A ServiceAccount in a cluster: the cluster is the issuer and the ServiceAccount the one subject.
     *
     * @param baseName the prefix of the children's names
     * @param account  the ServiceAccount
     * @param cluster  the cluster
     * @param grants   the grants of the mechanism's cloud
     */
    public BindingRequest(String baseName, ServiceAccountRef account, OidcCluster cluster, List<AccessGrant> grants) {
        this(baseName, cluster, List.of(Subject.of(account)), grants);
    }

    /**
     * @return the issuer as a cluster, for mechanisms that bind a ServiceAccount in it
     * @throws InvalidInputException when the issuer is not a cluster (a CI system's)
     */
    public OidcCluster cluster() {
        if (issuer instanceof OidcCluster cluster) {
            return cluster;
        }
        throw InvalidInputException.of("issuer", issuer.describe(), "a Kubernetes cluster (an OidcCluster) for a mechanism that binds "
                + "a ServiceAccount in it: other issuers get their clouds' federation (AwsFederation, GcpFederation, AzureFederation)");
    }

    /**
     * @return the one subject as a ServiceAccount, for mechanisms that bind a ServiceAccount
     * @throws InvalidInputException when there are several subjects or the subject is not a ServiceAccount
     */
    public ServiceAccountRef account() {
        var only = subject();
        return only.serviceAccount().orElseThrow(() -> InvalidInputException.of("subject", only.value(),
                "a Kubernetes ServiceAccount (system:serviceaccount:NS:NAME) for a mechanism that binds one: "
                        + "other subjects get their clouds' federation (AwsFederation, GcpFederation, AzureFederation)"));
    }

    /**
     * @return the one subject, for mechanisms that trust exactly one
     * @throws InvalidInputException when there are several
     */
    public Subject subject() {
        if (subjects.size() != 1) {
            throw InvalidInputException.of("subjects", subjects.stream().map(Subject::value).toList().toString(),
                    "exactly one subject for a mechanism that trusts one");
        }
        return subjects.get(0);
    }

    /** @return the subjects' descriptions, for messages and tags: {@code NS/NAME} for a ServiceAccount */
    public String describeSubjects() {
        return String.join(", ", subjects.stream().map(Subject::description).toList());
    }

    /**
     * @param role the child's role, e.g. {@code role} or {@code grants}
     * @return the child's name, {@code baseName-role}
     */
    public String childName(String role) {
        return ChildNames.of(baseName, role);
    }

    /**
     * @param positions each grant's position in the user's list, for the message
     */
    static void requireDistinctGrantKeys(String baseName, List<AccessGrant> grants, List<Integer> positions) {
        var firstWithKey = new HashMap<String, Integer>();
        for (int i = 0; i < grants.size(); i++) {
            if (!(grants.get(i) instanceof ResourceGrant<?> grant)) {
                continue;
            }
            var earlier = firstWithKey.putIfAbsent(grant.key(), i);
            if (earlier != null) {
                throw InvalidInputException.of("grants[" + positions.get(i) + "]", grant.describe(),
                        "a grant other than grants[" + positions.get(earlier) + "] (" + grants.get(earlier).describe()
                                + "): both would be the child '" + GrantContext.childName(baseName, grant.key()) + "'");
            }
        }
    }
}
