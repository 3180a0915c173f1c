package dev.keyless.azure;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoleAssignmentNamesTest {
    private static final String SCOPE = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg"
            + "/providers/Microsoft.Storage/storageAccounts/acct/blobServices/default/containers/charts";

    @Test
    void isAVersion5UuidAsRfc9562Computes() {
        // RFC 9562, appendix A.4: "www.example.com" in the DNS namespace.
        var dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(RoleAssignmentNames.v5(dns, "www.example.com")).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void theSameAssignmentGetsTheSameNameWhateverTheCase() {
        var name = RoleAssignmentNames.of(SCOPE, "44444444-4444-4444-4444-444444444444", BuiltInRoles.STORAGE_BLOB_DATA_READER);

        assertThat(RoleAssignmentNames.of(SCOPE.toUpperCase(), "44444444-4444-4444-4444-444444444444", BuiltInRoles.STORAGE_BLOB_DATA_READER))
                .isEqualTo(name);
        assertThat(UUID.fromString(name).version()).isEqualTo(5);
    }

    @Test
    void anotherScopePrincipalOrRoleGetsAnotherName() {
        var name = RoleAssignmentNames.of(SCOPE, "44444444-4444-4444-4444-444444444444", BuiltInRoles.STORAGE_BLOB_DATA_READER);

        assertThat(RoleAssignmentNames.of(SCOPE + "2", "44444444-4444-4444-4444-444444444444", BuiltInRoles.STORAGE_BLOB_DATA_READER)).isNotEqualTo(name);
        assertThat(RoleAssignmentNames.of(SCOPE, "44444444-4444-4444-4444-444444444445", BuiltInRoles.STORAGE_BLOB_DATA_READER)).isNotEqualTo(name);
        assertThat(RoleAssignmentNames.of(SCOPE, "44444444-4444-4444-4444-444444444444", BuiltInRoles.STORAGE_BLOB_DATA_CONTRIBUTOR)).isNotEqualTo(name);
    }
}
