package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.kms.CryptoKey;
import com.pulumi.gcp.kms.CryptoKeyArgs;
import com.pulumi.gcp.kms.KeyRing;
import com.pulumi.gcp.kms.KeyRingArgs;
import dev.keyless.core.InvalidInputException;
import dev.keyless.testkit.ResourceGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keyless.gcp.GrantDeployments.API_PRINCIPAL;
import static dev.keyless.gcp.GrantDeployments.deploy;
import static dev.keyless.gcp.GrantDeployments.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cloud KMS roles on one key, never its key ring or project. */
class KmsKeyAccessTest {
    private static final String MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
    private static final String ORDERS = "projects/shop-prod-4711/locations/europe-west1/keyRings/shop/cryptoKeys/orders";
    private static final String CHILD = "api-grant-shop-prod-4711.europe-west1.shop.orders-cloudkms-";

    @Test
    void eachVariantGrantsItsRoleOnTheOneKey() {
        var deployment = deploy(ctx -> List.of(KmsKeyAccess.encryptDecrypt(ORDERS), KmsKeyAccess.encryptOnly(ORDERS), KmsKeyAccess.decryptOnly(ORDERS)));

        assertThat(deployment.resource(MEMBER, CHILD + "cryptokeyencrypterdecrypter").inputs()).isEqualTo(Map.of(
                "cryptoKeyId", ORDERS, "role", "roles/cloudkms.cryptoKeyEncrypterDecrypter", "member", API_PRINCIPAL));
        assertThat(deployment.resource(MEMBER, CHILD + "cryptokeyencrypter").inputs()).isEqualTo(Map.of(
                "cryptoKeyId", ORDERS, "role", "roles/cloudkms.cryptoKeyEncrypter", "member", API_PRINCIPAL));
        assertThat(deployment.resource(MEMBER, CHILD + "cryptokeydecrypter").inputs()).isEqualTo(Map.of(
                "cryptoKeyId", ORDERS, "role", "roles/cloudkms.cryptoKeyDecrypter", "member", API_PRINCIPAL));
        assertThat(deployment.ofType(MEMBER)).hasSize(3);
    }

    @Test
    void aManagedKeyIsNamedByItsIdAndGrantedAfterItExists() {
        var deployment = deploy(ctx -> {
            var ring = new KeyRing("shop", KeyRingArgs.builder().name("shop").location("europe-west1").build());
            return List.of(KmsKeyAccess.decryptOnly(new CryptoKey("orders", CryptoKeyArgs.builder().name("orders").keyRing(ring.id()).build())));
        });
        var member = deployment.resource(MEMBER, "api-grant-orders-cloudkms-cryptokeydecrypter");

        assertThat(member.input("cryptoKeyId")).contains("projects/example-project/locations/europe-west1/keyRings/shop/cryptoKeys/orders");
        assertThat(ResourceGraph.of(deployment).waitsFor(member, deployment.resource("gcp:kms/cryptoKey:CryptoKey", "orders"))).isTrue();
    }

    @Test
    void aKeyFromAnotherStackIsKeyedByTheGivenKey() {
        var member = deploy(ctx -> List.of(KmsKeyAccess.encryptDecrypt("orders", Output.of(ORDERS))))
                .resource(MEMBER, "api-grant-orders-cloudkms-cryptokeyencrypterdecrypter");

        assertThat(member.input("cryptoKeyId")).contains(ORDERS);
    }

    @Test
    void aKeyRingAKeyVersionOrAWildcardIsRefused() {
        for (var name : List.of("projects/shop-prod-4711/locations/europe-west1/keyRings/shop",
                ORDERS + "/cryptoKeyVersions/1", "projects/shop-prod-4711/locations/europe-west1/keyRings/shop/cryptoKeys/*",
                "europe-west1/shop/orders", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")) {
            assertThatThrownBy(() -> KmsKeyAccess.encryptDecrypt(name)).as(name).isInstanceOf(InvalidInputException.class)
                    .hasMessage("key must be " + GcpResourceNames.CRYPTO_KEY_RULE + ": '" + name + "'");
        }
    }

    @Test
    void aKeyNameFromAnotherStackBreakingTheRuleIsRefusedBeforeTheGrantRegisters() {
        var failure = failing(List.of(KmsKeyAccess.decryptOnly("orders", Output.of(ORDERS + "/cryptoKeyVersions/1"))));

        assertThat(failure.message()).isEqualTo("key must be " + GcpResourceNames.CRYPTO_KEY_RULE + ": '" + ORDERS + "/cryptoKeyVersions/1'");
        assertThat(failure.deployment().ofType(MEMBER)).isEmpty();
    }

    @Test
    void describesItselfForMessages() {
        assertThat(KmsKeyAccess.encryptOnly(ORDERS).describe()).isEqualTo("Cloud KMS roles/cloudkms.cryptoKeyEncrypter on " + ORDERS);
    }
}
