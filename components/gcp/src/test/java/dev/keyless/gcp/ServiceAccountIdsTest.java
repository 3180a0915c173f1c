package dev.keyless.gcp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAccountIdsTest {

    static String hash6(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8))).substring(0, 6);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNameThatIsAValidIdIsKept() {
        assertThat(ServiceAccountIds.derive("chartmuseum")).isEqualTo("chartmuseum");
        assertThat(ServiceAccountIds.derive("a".repeat(30))).isEqualTo("a".repeat(30));
    }

    @Test
    void anyOtherNameBecomesAValidIdWithAHashOfItself() {
        for (var name : new String[]{"api", "a".repeat(31), "Shop_API/v2", "9lives", "--", "ünïcödé-wörkload", "x-"}) {
            var id = ServiceAccountIds.derive(name);
            assertThat(id).as(name).matches("[a-z]([-a-z0-9]{4,28}[a-z0-9])").endsWith("-" + hash6(name));
            assertThat(ServiceAccountIds.derive(name)).as("stable").isEqualTo(id);
        }
        assertThat(ServiceAccountIds.derive("Shop_API/v2")).isEqualTo("shop-api-v2-" + hash6("Shop_API/v2"));
        assertThat(ServiceAccountIds.derive("9lives")).isEqualTo("lives-" + hash6("9lives"));
        assertThat(ServiceAccountIds.derive("--")).isEqualTo("sa-" + hash6("--"));
    }

    @Test
    void namesThatDifferOnlyPastTheCutGetDifferentIds() {
        assertThat(ServiceAccountIds.derive("checkout-payments-webhook-receiver-a"))
                .isNotEqualTo(ServiceAccountIds.derive("checkout-payments-webhook-receiver-b"));
    }
}
