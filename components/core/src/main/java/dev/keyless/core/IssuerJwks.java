package dev.keyless.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Web Key Set a self-managed cluster's issuer publishes: the public keys its API server
 * signs ServiceAccount tokens with, each with the {@code kid} the tokens carry and {@code use}
 * {@code sig}. Built from the public key PEMs (the {@code kid} derived as Kubernetes derives it,
 * {@link ServiceAccountSigningKey}) or taken from a JWKS the user has, e.g.
 * {@code kubectl get --raw /openid/v1/jwks}, which is checked as strictly.
 *
 * @param keys each key's members, in order; never a private member
 */
public record IssuerJwks(List<Map<String, Object>> keys) {
    private static final ObjectMapper JSON = new ObjectMapper();
    // RFC 7518 6.2.2, 6.3.2 and 6.4: the members only a private or symmetric key has.
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Set<String> KEY_TYPES = Set.of("RSA", "EC");

    /** Copies the keys. */
    public IssuerJwks {
        keys = keys.stream().map(key -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key))).toList();
    }

    /**
     * @param field the field or config path, for messages
     * @param pems  the public keys the API server verifies tokens with (its {@code --service-account-key-file}s):
     *              more than one while a signing key is rotated
     * @return the key set
     * @throws InvalidInputException when there is no key, a PEM is not a public key, or two are the same key
     */
    public static IssuerJwks fromPublicKeys(String field, List<String> pems) {
        if (pems == null || pems.isEmpty()) {
            throw InvalidInputException.missing(field, "give at least one public ServiceAccount signing key (PEM)");
        }
        var keys = new ArrayList<Map<String, Object>>();
        var kids = new HashSet<String>();
        for (int i = 0; i < pems.size(); i++) {
            var key = ServiceAccountSigningKey.fromPem(field + "[" + i + "]", pems.get(i));
            if (!kids.add(key.keyId())) {
                throw InvalidInputException.of(field + "[" + i + "]", "kid " + key.keyId(), "a key not given before: it is the same public key as an earlier entry");
            }
            keys.add(new LinkedHashMap<>(key.jwk()));
        }
        return new IssuerJwks(keys);
    }

    /**
     * @param field the field or config path, for messages
     * @param json  a JWKS, {@code {"keys":[...]}}
     * @return the key set, its keys as given
     * @throws InvalidInputException when it is not such a JWKS, has no key, or a key has no {@code kid},
     *     no {@code use} (or one other than {@code sig}), private members, or a type other than RSA or EC
     */
    public static IssuerJwks fromJson(String field, String json) {
        if (json == null || json.isBlank()) {
            throw InvalidInputException.missing(field, "give the cluster's JWKS (kubectl get --raw /openid/v1/jwks)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of(field, "text that is not JSON", "a JWKS, {\"keys\":[...]}");
        }
        var array = root == null ? null : root.get("keys");
        if (array == null || !array.isArray()) {
            throw InvalidInputException.of(field, "a JSON document without a 'keys' array", "a JWKS, {\"keys\":[...]}");
        }
        if (array.isEmpty()) {
            throw InvalidInputException.of(field, "{\"keys\":[]}", "a JWKS with at least one key: with none, no token of the cluster validates");
        }
        var keys = new ArrayList<Map<String, Object>>();
        var kids = new HashSet<String>();
        for (int i = 0; i < array.size(); i++) {
            var keyField = field + ".keys[" + i + "]";
            var key = array.get(i);
            if (!(key instanceof ObjectNode object)) {
                throw InvalidInputException.of(keyField, key, "a JSON Web Key object");
            }
            var privateMember = PRIVATE_MEMBERS.stream().filter(object::has).findFirst();
            if (privateMember.isPresent()) {
                // Never quote it: the value is key material.
                throw InvalidInputException.of(keyField, "a key with the private member '" + privateMember.get() + "' (not shown)",
                        "a public key only: a private key must never enter the program or its state");
            }
            var kid = text(object, "kid");
            if (kid == null || kid.isEmpty()) {
                throw InvalidInputException.of(keyField + ".kid", kid, "set: the API server's tokens name their key by kid, and a key without one matches none");
            }
            if (!kids.add(kid)) {
                throw InvalidInputException.of(keyField + ".kid", kid, "unique within the key set");
            }
            var use = text(object, "use");
            if (!"sig".equals(use)) {
                throw InvalidInputException.of(keyField + ".use", use, "'sig': the key verifies token signatures");
            }
            var type = text(object, "kty");
            if (!KEY_TYPES.contains(type)) {
                throw InvalidInputException.of(keyField + ".kty", type, "RSA or EC, the key types the API server signs with");
            }
            keys.add(JSON.convertValue(object, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        return new IssuerJwks(keys);
    }

    /** @return the keys' {@code kid}s, in order */
    public List<String> keyIds() {
        return keys.stream().map(key -> String.valueOf(key.get("kid"))).toList();
    }

    /** @return the key set as the issuer serves it, {@code {"keys":[...]}} */
    public String toJson() {
        return IssuerDocuments.write(Map.of("keys", keys));
    }

    private static String text(ObjectNode object, String member) {
        var value = object.get(member);
        return value == null || !value.isTextual() ? (value == null ? null : value.toString()) : value.asText();
    }
}
