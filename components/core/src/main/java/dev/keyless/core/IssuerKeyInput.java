package dev.keyless.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys a published issuer's JWKS is made of, as its Args builder collects them: the cluster's
 * public signing keys, or its JWKS as it serves it, never both. One place for every publisher's
 * builder (S3, GCS), so the rule is the same wherever the documents are published.
 */
public final class IssuerKeyInput {
    private final List<String> publicKeys = new ArrayList<>();
    private String jwks;

    /**
     * @param pem a PEM public key, checked when {@link #build()} runs
     * @throws InvalidInputException when it is null
     */
    public void addPublicKey(String pem) {
        publicKeys.add(Checks.notNull("serviceAccountPublicKey", pem, "a PEM public key"));
    }

    /**
     * @param json a JWKS, checked when {@link #build()} runs
     * @throws InvalidInputException when it is null
     */
    public void jwks(String json) {
        this.jwks = Checks.notNull("jwks", json, "a JWKS");
    }

    /**
     * @return the key set
     * @throws InvalidInputException when keys are given both ways, or a key or the JWKS is refused
     */
    public IssuerJwks build() {
        if (jwks != null && !publicKeys.isEmpty()) {
            throw InvalidInputException.conflict("jwks", "serviceAccountPublicKey", "give the keys one way");
        }
        return jwks != null ? IssuerJwks.fromJson("jwks", jwks) : IssuerJwks.fromPublicKeys("serviceAccountPublicKey", publicKeys);
    }
}
