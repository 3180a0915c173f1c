package dev.keyless.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "kube-system", "team-42", "x23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsDns1123Labels(String namespace) {
        assertThat(KubernetesNames.requireLabel("namespace", namespace)).isEqualTo(namespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Kube", "-a", "a-", "a.b", "a_b", "x234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsOtherNamespaces(String namespace) {
        assertThatThrownBy(() -> KubernetesNames.requireLabel("namespace", namespace))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("namespace must be " + KubernetesNames.LABEL_RULE + ": '" + namespace + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "api.v2", "my-app.team-1.example"})
    void acceptsDns1123Subdomains(String name) {
        assertThat(KubernetesNames.requireSubdomain("serviceAccountName", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".api", "api.", "a..b", "API", "agent-*", "a_b"})
    void rejectsOtherServiceAccountNames(String name) {
        assertThatThrownBy(() -> KubernetesNames.requireSubdomain("serviceAccountName", name))
                .hasMessage("serviceAccountName must be " + KubernetesNames.SUBDOMAIN_RULE + ": '" + name + "'");
    }

    @Test
    void subdomainsAreAtMost253Characters() {
        var longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(longest).hasSize(253);
        assertThat(KubernetesNames.requireSubdomain("serviceAccountName", longest)).isEqualTo(longest);
        assertThatThrownBy(() -> KubernetesNames.requireSubdomain("serviceAccountName", longest + "d"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSubjectIsWhatKubernetesPutsInTokens() {
        assertThat(new ServiceAccountRef("shop", "api").subject()).isEqualTo("system:serviceaccount:shop:api");
    }
}
