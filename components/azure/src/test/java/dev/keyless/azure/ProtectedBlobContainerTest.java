package dev.keyless.azure;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.keyless.preview.engine.RegisteredResource;
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
        var store = deployment.resource(ProtectedBlobContainer.TYPE, "charts");
        assertThat(deployment.childrenOf(store)).extracting(RegisteredResource::type).containsExactly(
                "azure-native:storage:StorageAccount", "azure-native:storage:BlobServiceProperties", "azure-native:storage:BlobContainer");
        assertThat(store.outputs()).containsOnlyKeys("accountName", "containerName");
    }

    @Test
    void everyChildIsAliasedFromTheUrnItHadBeforeTheComponentExisted() {
        var deployment = SimulatedStack.named("shop").stack("prod").run(ctx -> ProtectedBlobContainer.create("charts", "shop-rg", true));
        var top = "urn:pulumi:prod::shop::";
        var store = deployment.resource(ProtectedBlobContainer.TYPE, "charts");
        var expected = Map.of(
                "azure-native:storage:StorageAccount", top + "azure-native:storage:StorageAccount::charts",
                "azure-native:storage:BlobServiceProperties", top + "azure-native:storage:StorageAccount$azure-native:storage:BlobServiceProperties::charts-blob-service",
                "azure-native:storage:BlobContainer", top + "azure-native:storage:StorageAccount$azure-native:storage:BlobContainer::charts");

        assertThat(store.aliases()).isEmpty();
        assertThat(deployment.childrenOf(store)).hasSize(3).allSatisfy(child -> {
            assertThat(child.urn()).startsWith(store.urn().replace("::charts", "") + "$" + child.type() + "::");
            // The provider SDK adds aliases of its own, from the type's former API versions, all under the new parent.
            assertThat(child.aliases()).filteredOn(alias -> !alias.startsWith(top + ProtectedBlobContainer.TYPE + "$"))
                    .as(child.type()).containsExactly(expected.get(child.type()));
        });
        assertThat(deployment.resource("azure-native:storage:StorageAccount", "charts").retainOnDelete()).isTrue();
        assertThat(deployment.resource("azure-native:storage:BlobContainer", "charts").retainOnDelete()).isTrue();
    }

    @Test
    void aStoreGivenAParentHadNoFormerPlaceAndIsNotAliased() {
        var deployment = SimulatedStack.named("store").run(ctx -> {
            var parent = new ComponentResource("test:index:Parent", "team");
            ProtectedBlobContainer.create("charts", "shop-rg", false, ComponentResourceOptions.builder().parent(parent).build());
        });
        var store = deployment.resource(ProtectedBlobContainer.TYPE, "charts");
        assertThat(store.parentUrn()).isEqualTo(deployment.resource("test:index:Parent", "team").urn());
        assertThat(deployment.childrenOf(store)).hasSize(3).allSatisfy(child -> {
            assertThat(child.aliases()).allMatch(alias -> alias.startsWith(store.urn().replace("::charts", "") + "$"));
            assertThat(child.retainOnDelete()).isFalse();
        });
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
