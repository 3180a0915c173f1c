package dev.keyless.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one {@code sub} a cloud identity trusts in an issuer's tokens: a Kubernetes ServiceAccount's
 * ({@code system:serviceaccount:NS:NAME}), a CI job's ({@code repo:ORG/REPO:environment:NAME}),
 * or any issuer's. Built by typed factories ({@link #of(ServiceAccountRef)}, {@link GitHubActions},
 * {@link GitLab}) that check the names, never from a free string of the user's.
 *
 * @param value          the exact {@code sub} claim, or a pattern whose {@code *} matches any
 *                       characters when {@code pattern} is set
 * @param description    what the subject is, for messages and tags, e.g. {@code reports/exporter}
 *                       or {@code GitHub repository acme/shop, environment production}
 * @param key            a short stable name of the subject among an identity's subjects, used in
 *                       child names ({@code NAME-credential-KEY}): {@code [a-z0-9-]}
 * @param serviceAccount the ServiceAccount, when the subject is one (what native mechanisms bind)
 * @param pattern        whether {@code value} holds a {@code *} wildcard: only a named option of
 *                       the factories sets it, and every mechanism that accepts it warns
 * @param requiredClaims further claims the token must carry with exactly these values (e.g.
 *                       GitHub's {@code repository_id}), checked by clouds that can check them
 *                       and refused by the others
 */
public record Subject(String value, String description, String key, Optional<ServiceAccountRef> serviceAccount,
                      boolean pattern, Map<String, String> requiredClaims) {

    /** Checks the fields and copies the claims. */
    public Subject {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        if (!pattern && value.contains("*")) {
            // Under AWS StringEquals a '*' is literal, under GCP's CEL and Azure's match too: a
            // subject holding one is a mistake unless asked for as a pattern.
            throw InvalidInputException.of("subject", value, "free of '*' unless built with a named wildcard option");
        }
        requiredClaims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requiredClaims));
    }

    /**
     * @param account the ServiceAccount
     * @return its subject, {@code system:serviceaccount:NS:NAME}, described as {@code NS/NAME}
     */
    public static Subject of(ServiceAccountRef account) {
        return new Subject(account.subject(), account.namespace() + "/" + account.name(),
                account.namespace() + "-" + account.name(), Optional.of(account), false, Map.of());
    }

    /**
     * @param claim the claim's name, e.g. {@code repository_id}
     * @param value its exact value
     * @return this subject, also requiring the claim
     */
    public Subject requiringClaim(String claim, String value) {
        var claims = new LinkedHashMap<>(requiredClaims);
        claims.put(claim, value);
        return new Subject(this.value, description, key, serviceAccount, pattern, claims);
    }
}
