package dev.keyless.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer documents of a self-managed cluster, and every refusal of their input. */
class IssuerDocumentsTest {
    private static final String ISSUER = "https://k3s-issuer.s3.eu-west-1.amazonaws.com";

    @Test
    void anRsaKeyBecomesTheJwkKubernetesPublishesWithTheKidOpensslDerives() {
        var key = ServiceAccountSigningKey.fromPem("serviceAccountPublicKeys[0]", TestSigningKeys.RSA_PUBLIC);

        assertThat(key.keyId()).isEqualTo(TestSigningKeys.RSA_KID);
        assertThat(key.jwk()).containsExactly(
                Map.entry("use", "sig"), Map.entry("kty", "RSA"), Map.entry("kid", TestSigningKeys.RSA_KID),
                Map.entry("alg", "RS256"), Map.entry("n", TestSigningKeys.RSA_N), Map.entry("e", "AQAB"));
    }

    @Test
    void anEcdsaP256KeyBecomesAnEs256JwkWithFullLengthCoordinates() {
        var key = ServiceAccountSigningKey.fromPem("key", TestSigningKeys.EC_PUBLIC);

        assertThat(key.jwk()).containsExactly(
                Map.entry("use", "sig"), Map.entry("kty", "EC"), Map.entry("kid", TestSigningKeys.EC_KID),
                Map.entry("crv", "P-256"), Map.entry("alg", "ES256"),
                Map.entry("x", TestSigningKeys.EC_X), Map.entry("y", TestSigningKeys.EC_Y));
    }

    @Test
    void theDocumentsAreExactlyWhatTheApiServerWouldServe() {
        var documents = new IssuerDocuments(ISSUER, IssuerJwks.fromPublicKeys("keys",
                List.of(TestSigningKeys.RSA_PUBLIC, TestSigningKeys.EC_PUBLIC)));

        assertThat(documents.discoveryJson()).isEqualTo("{\"issuer\":\"" + ISSUER + "\","
                + "\"jwks_uri\":\"" + ISSUER + "/openid/v1/jwks\","
                + "\"response_types_supported\":[\"id_token\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"ES256\",\"RS256\"]}");
        assertThat(documents.jwksJson()).isEqualTo("{\"keys\":["
                + "{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":\"" + TestSigningKeys.RSA_KID + "\",\"alg\":\"RS256\",\"n\":\"" + TestSigningKeys.RSA_N + "\",\"e\":\"AQAB\"},"
                + "{\"use\":\"sig\",\"kty\":\"EC\",\"kid\":\"" + TestSigningKeys.EC_KID + "\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"x\":\"" + TestSigningKeys.EC_X + "\",\"y\":\"" + TestSigningKeys.EC_Y + "\"}]}");
    }

    @Test
    void theApiServerFlagsNameTheIssuerItsKeySetAndTheIssuerAsTheOnlyApiAudience() {
        var documents = new IssuerDocuments(ISSUER, IssuerJwks.fromPublicKeys("keys", List.of(TestSigningKeys.RSA_PUBLIC)));

        assertThat(documents.apiServerFlags().arguments()).containsExactly(
                "--service-account-issuer=" + ISSUER,
                "--service-account-jwks-uri=" + ISSUER + "/openid/v1/jwks",
                "--api-audiences=" + ISSUER);
    }

    @Test
    void aJwksTheUserHasIsPublishedAsGiven() {
        var jwks = IssuerJwks.fromJson("jwks", "{\"keys\":[{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":\"abc\",\"alg\":\"RS256\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");

        assertThat(jwks.keyIds()).containsExactly("abc");
        assertThat(jwks.toJson()).isEqualTo("{\"keys\":[{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":\"abc\",\"alg\":\"RS256\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");
    }

    @Test
    void aPrivateKeyIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> ServiceAccountSigningKey.fromPem("serviceAccountPublicKeys[0]", TestSigningKeys.PRIVATE_KEY_PEM))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("serviceAccountPublicKeys[0] must be the public key only: a private key must never enter the program or its state; "
                        + "give its public half (openssl pkey -in sa.key -pubout): 'a PEM RSA PRIVATE KEY (not shown)'")
                .message().doesNotContain("c2VjcmV0");
    }

    @Test
    void aCurveJoseDoesNotNameAndTextThatIsNoKeyAreRefused() {
        var rule = "a PEM public key ('-----BEGIN PUBLIC KEY-----', RSA or ECDSA on P-256, P-384 or P-521), the cluster's --service-account-key-file";
        assertThatThrownBy(() -> ServiceAccountSigningKey.fromPem("key", TestSigningKeys.SECP256K1_PUBLIC))
                .hasMessageStartingWith("key must be " + rule + ": '-----BEGIN PUBLIC KEY-----");
        assertThatThrownBy(() -> ServiceAccountSigningKey.fromPem("key", "ssh-rsa AAAAB3Nza user@host"))
                .hasMessage("key must be " + rule + ": 'ssh-rsa AAAAB3Nza user@host'");
        assertThatThrownBy(() -> ServiceAccountSigningKey.fromPem("key", TestSigningKeys.RSA_PUBLIC + TestSigningKeys.EC_PUBLIC))
                .hasMessageStartingWith("key must be " + rule + ", one key per entry: ");
    }

    @Test
    void theSameKeyTwiceIsRefused() {
        assertThatThrownBy(() -> IssuerJwks.fromPublicKeys("keys", List.of(TestSigningKeys.RSA_PUBLIC, TestSigningKeys.RSA_PUBLIC)))
                .hasMessage("keys[1] must be a key not given before: it is the same public key as an earlier entry: 'kid " + TestSigningKeys.RSA_KID + "'");
    }

    @Test
    void aJwksWithNoKeysAKeyWithoutKidOrUseOrWithPrivateMembersIsRefused() {
        assertThatThrownBy(() -> IssuerJwks.fromJson("jwks", "{\"keys\":[]}"))
                .hasMessage("jwks must be a JWKS with at least one key: with none, no token of the cluster validates: '{\"keys\":[]}'");
        assertThatThrownBy(() -> IssuerJwks.fromJson("jwks", "{\"keys\":[{\"use\":\"sig\",\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}"))
                .hasMessage("jwks.keys[0].kid must be set: the API server's tokens name their key by kid, and a key without one matches none: 'null'");
        assertThatThrownBy(() -> IssuerJwks.fromJson("jwks", "{\"keys\":[{\"kid\":\"a\",\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}"))
                .hasMessage("jwks.keys[0].use must be 'sig': the key verifies token signatures: 'null'");
        assertThatThrownBy(() -> IssuerJwks.fromJson("jwks", "{\"keys\":[{\"kid\":\"a\",\"use\":\"sig\",\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"SECRET\"}]}"))
                .hasMessage("jwks.keys[0] must be a public key only: a private key must never enter the program or its state: "
                        + "'a key with the private member 'd' (not shown)'")
                .message().doesNotContain("SECRET");
        assertThatThrownBy(() -> IssuerJwks.fromJson("jwks", "[1]"))
                .hasMessage("jwks must be a JWKS, {\"keys\":[...]}: 'a JSON document without a 'keys' array'");
    }

    @Test
    void anIssuerEndingInASlashOrOverHttpIsRefused() {
        var jwks = IssuerJwks.fromPublicKeys("keys", List.of(TestSigningKeys.RSA_PUBLIC));
        assertThatThrownBy(() -> new IssuerDocuments(ISSUER + "/", jwks))
                .hasMessage("issuerUrl must be an issuer URL without a trailing '/': the tokens' 'iss' and the documents' URLs are built from it: '" + ISSUER + "/'");
        assertThatThrownBy(() -> new IssuerDocuments("http://issuer.example", jwks))
                .hasMessageStartingWith("issuerUrl must be an https URL");
    }
}
