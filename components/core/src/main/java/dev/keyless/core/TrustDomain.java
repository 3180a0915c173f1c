package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * Where a cloud tells one workload from another: the scope in which the subject
 * {@code system:serviceaccount:NS:SA} names exactly one workload. Two clusters in one trust domain
 * are one place to the cloud, so one {@code namespace/ServiceAccount} there is one subject,
 * whichever cluster object it is bound through (see {@link OidcCluster#trustDomain()}).
 *
 * @param kind       what the domain is, for messages, e.g. {@code workload pool} or {@code OIDC issuer}
 * @param plainValue the domain when it is known before anything is registered (a plain project id
 *                   or issuer URL), so a clash is refused before registration
 * @param value      the domain, known at the latest at deploy time
 */
public record TrustDomain(String kind, Optional<String> plainValue, Output<String> value) {

    /** Checks the parts. */
    public TrustDomain {
        Checks.notNull("kind", kind, "what the trust domain is");
        Checks.notNull("plainValue", plainValue, "the domain when known, or empty");
        Checks.notNull("value", value, "the domain");
    }

    /**
     * @param kind  what the domain is, e.g. {@code workload pool}
     * @param value the domain, e.g. {@code shop-prod.svc.id.goog}
     * @return a domain known before anything is registered
     */
    public static TrustDomain known(String kind, String value) {
        Checks.notNull("value", value, "the trust domain");
        return new TrustDomain(kind, Optional.of(value), Output.of(value));
    }

    /**
     * @param kind  what the domain is, e.g. {@code OIDC issuer}
     * @param value the domain, e.g. a StackReference output or a created cluster's issuer
     * @return a domain known only at deploy time: clashes are checked once it is known
     */
    public static TrustDomain onceKnown(String kind, Output<String> value) {
        return new TrustDomain(kind, Optional.empty(), value);
    }

    /**
     * @param plain       the domain when known before registration, if it is
     * @param kind        what the domain is
     * @param onceKnown   the domain at deploy time
     * @return a known domain when {@code plain} is present, otherwise one known at deploy time
     */
    public static TrustDomain of(String kind, Optional<String> plain, Output<String> onceKnown) {
        return plain.map(v -> known(kind, v)).orElseGet(() -> onceKnown(kind, onceKnown));
    }

    /**
     * @param domainValue the domain's value
     * @return the domain as messages name it, e.g. {@code workload pool 'shop-prod.svc.id.goog'}
     */
    public String describe(String domainValue) {
        return kind + " '" + domainValue + "'";
    }
}
