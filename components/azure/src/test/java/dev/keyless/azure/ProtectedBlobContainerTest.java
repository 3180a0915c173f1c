package dev.keyless.azure;

import com.pulumi.core.Output;
import dev.keyless.testkit.SimulatedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The protected container admits no key and keeps its blobs; its name must auto-name an account. */
class ProtectedBlobContainerTest {

    @Test
    void admitsNoKeyKeepsVersionsAndIsRetained() {
        var deployment = SimulatedStack.named("store").run(ctx -> ProtectedBlobContainer.create("charts", Output.of("shop-rg"), true));
        var account = deployment.resource("azure-native:storage:StorageAccount", "charts");
        var container = deployment.resource("azure-native:storage:BlobContainer", "charts");

        assertThat(account.inputs())
                .containsEntry("allowSharedKeyAccess", false)
                .containsEntry("allowBlobPublicAccess", false)
                .containsEntry("minimumTlsVersion", "TLS1_2");
        assertThat(account.retainOnDelete()).isTrue();
        assertThat(container.retainOnDelete()).isTrue();
        assertThat(container.inputs()).containsEntry("publicAccess", "None");
        assertThat(deployment.resource("azure-native:storage:BlobServiceProperties", "charts-blob-service").inputs())
                .containsEntry("isVersioningEnabled", true)
                .containsEntry("deleteRetentionPolicy", Map.of("enabled", true, "days", (double) ProtectedBlobContainer.SOFT_DELETE_DAYS));
    }

    @Test
    void namesThatCannotAutoNameAnAccountAreRefusedBeforeRegistration() {
        for (var name : List.of("Charts", "chart-store", "c".repeat(17), "")) {
            var failure = SimulatedStack.named("store").runExpectingFailure(ctx -> ProtectedBlobContainer.create(name, Output.of("shop-rg"), true));
            assertThat(failure.message()).as(name).isEqualTo("name must be " + StorageNames.AUTONAMED_ACCOUNT_RULE + ": '" + name + "'");
            assertThat(failure.registeredBesidesStack()).isEmpty();
        }
        assertThat(SimulatedStack.named("store").runExpectingFailure(ctx -> ProtectedBlobContainer.create("charts", (Output<String>) null, true)).message())
                .isEqualTo("resourceGroupName must be the resource group that holds the account, not null: 'null'");
    }
}
