package dev.keyless.core;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public half of a cluster's ServiceAccount token signing key, as the JSON Web Key the cluster's
 * JWKS publishes: RSA ({@code RS256}) or ECDSA on P-256, P-384 or P-521 ({@code ES256},
 * {@code ES384}, {@code ES512}), {@code use} {@code sig}.
 *
 * <p>The {@code kid} is derived as the API server derives the {@code kid} header of the tokens it
 * signs: the SHA-256 of the key's DER SubjectPublicKeyInfo, base64url without padding
 * ({@code keyIDFromPublicKey} in
 * https://github.com/kubernetes/kubernetes/blob/v1.29.3/pkg/serviceaccount/jwt.go:
 * {@code x509.MarshalPKIXPublicKey}, {@code sha256}, {@code base64.RawURLEncoding}). A JWKS with any
 * other {@code kid} would not match the tokens, and clouds would refuse them.
 *
 * <p>Only a public key is accepted: a private key must never enter the program, its state or its
 * plan, and a message refusing one never quotes it.
 *
 * @param keyId the derived {@code kid}
 * @param jwk   the JSON Web Key, members in the order Kubernetes writes them
 */
public record ServiceAccountSigningKey(String keyId, Map<String, String> jwk) {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----", Pattern.DOTALL);
    private static final String RULE = "a PEM public key ('-----BEGIN PUBLIC KEY-----', RSA or ECDSA on P-256, P-384 or P-521), "
            + "the cluster's --service-account-key-file";

    /** Copies the key. */
    public ServiceAccountSigningKey {
        Checks.notNull("keyId", keyId, "the key's kid");
        jwk = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jwk));
    }

    /**
     * @param field the field or config path, for messages
     * @param pem   one PEM block holding the public key ({@code openssl pkey -in sa.key -pubout})
     * @return the key with its derived {@code kid}
     * @throws InvalidInputException when the PEM holds a private key, several blocks, or no public
     *     key of a supported kind
     */
    public static ServiceAccountSigningKey fromPem(String field, String pem) {
        if (pem == null || pem.isBlank()) {
            throw InvalidInputException.missing(field, "give the cluster's public ServiceAccount signing key as PEM");
        }
        var matcher = PEM.matcher(pem);
        var blocks = 0;
        String type = null;
        String body = null;
        while (matcher.find()) {
            blocks++;
            if (matcher.group(1).contains("PRIVATE KEY")) {
                // Never quote it: the message would carry the key into logs and CI output.
                throw InvalidInputException.of(field, "a PEM " + matcher.group(1) + " (not shown)",
                        "the public key only: a private key must never enter the program or its state; "
                                + "give its public half (openssl pkey -in sa.key -pubout)");
            }
            type = matcher.group(1);
            body = matcher.group(2);
        }
        if (blocks != 1) {
            throw InvalidInputException.of(field, shortened(pem), RULE + (blocks > 1 ? ", one key per entry" : ""));
        }
        if (!"PUBLIC KEY".equals(type)) {
            throw InvalidInputException.of(field, "a PEM " + type, RULE);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, shortened(pem), RULE);
        }
        return fromDer(field, der, pem);
    }

    private static ServiceAccountSigningKey fromDer(String field, byte[] der, String pem) {
        for (var algorithm : new String[] {"RSA", "EC"}) {
            try {
                var key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return of(field, key, pem);
            } catch (GeneralSecurityException e) {
                // Not a key of this algorithm: try the next one.
            }
        }
        throw InvalidInputException.of(field, shortened(pem), RULE);
    }

    private static ServiceAccountSigningKey of(String field, PublicKey key, String pem) {
        var kid = keyIdOf(key);
        var jwk = new LinkedHashMap<String, String>();
        jwk.put("use", "sig");
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("kid", kid);
            jwk.put("alg", "RS256");
            jwk.put("n", base64Url(unsigned(rsa.getModulus())));
            jwk.put("e", base64Url(unsigned(rsa.getPublicExponent())));
        } else if (key instanceof ECPublicKey ec) {
            var curve = Curve.of(ec);
            if (curve == null) {
                throw InvalidInputException.of(field, shortened(pem), RULE);
            }
            jwk.put("kty", "EC");
            jwk.put("kid", kid);
            jwk.put("crv", curve.name);
            jwk.put("alg", curve.algorithm);
            jwk.put("x", base64Url(fixed(ec.getW().getAffineX(), curve.bytes)));
            jwk.put("y", base64Url(fixed(ec.getW().getAffineY(), curve.bytes)));
        } else {
            throw InvalidInputException.of(field, shortened(pem), RULE);
        }
        return new ServiceAccountSigningKey(kid, jwk);
    }

    /**
     * @param key a public key
     * @return its {@code kid} as Kubernetes derives it: SHA-256 of the DER SubjectPublicKeyInfo, base64url, no padding
     */
    public static String keyIdOf(PublicKey key) {
        try {
            // getEncoded() of a JDK public key is its X.509 SubjectPublicKeyInfo, as Go's MarshalPKIXPublicKey.
            return base64Url(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // RFC 7518 6.3.1: n and e are unsigned big-endian, without a sign byte.
    private static byte[] unsigned(BigInteger value) {
        var bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    // RFC 7518 6.2.1.2: x and y are the full coordinate length of the curve, left-padded with zeros.
    private static byte[] fixed(BigInteger value, int length) {
        var bytes = unsigned(value);
        var out = new byte[length];
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }

    private static String shortened(String pem) {
        var flat = pem.strip().replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }

    private enum Curve {
        P256("P-256", "ES256", 32, "secp256r1"), P384("P-384", "ES384", 48, "secp384r1"), P521("P-521", "ES512", 66, "secp521r1");

        private final String name;
        private final String algorithm;
        private final int bytes;
        private final String standardName;

        Curve(String name, String algorithm, int bytes, String standardName) {
            this.name = name;
            this.algorithm = algorithm;
            this.bytes = bytes;
            this.standardName = standardName;
        }

        // JOSE names only the NIST prime curves (RFC 7518 6.2.1.1): the key's curve must be one of
        // them exactly, not merely of the same size.
        static Curve of(ECPublicKey key) {
            for (var curve : values()) {
                if (curve.matches(key.getParams())) {
                    return curve;
                }
            }
            return null;
        }

        private boolean matches(java.security.spec.ECParameterSpec params) {
            try {
                var parameters = java.security.AlgorithmParameters.getInstance("EC");
                parameters.init(new java.security.spec.ECGenParameterSpec(standardName));
                var standard = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
                return standard.getCurve().equals(params.getCurve()) && standard.getOrder().equals(params.getOrder())
                        && standard.getGenerator().equals(params.getGenerator());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }
}
