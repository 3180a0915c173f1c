package dev.keyless.preview.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AzureBuiltInRoleNamesTest {

    @Test
    void namesTheStorageBlobRolesFromTheirDefinitionIds() {
        assertThat(AzureBuiltInRoleNames.of("/subscriptions/22222222-2222-2222-2222-222222222222/providers/Microsoft.Authorization"
                + "/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe")).contains("Storage Blob Data Contributor");
        assertThat(AzureBuiltInRoleNames.of("2A2B9908-6EA1-4AE2-8E65-A410DF84E7D1")).contains("Storage Blob Data Reader");
    }

    @Test
    void leavesOtherRolesAndUnknownValuesUnnamed() {
        assertThat(AzureBuiltInRoleNames.of("/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c")).isEmpty();
        assertThat(AzureBuiltInRoleNames.of(null)).isEmpty();
    }
}
