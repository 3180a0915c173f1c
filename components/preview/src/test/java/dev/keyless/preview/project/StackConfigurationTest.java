package dev.keyless.preview.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigurationTest {
    @TempDir
    Path directory;

    @Test
    void givesTheProgramItsConfigurationAsThePulumiCliWould() throws Exception {
        write("Pulumi.yaml", "name: shop\nruntime: java\n");
        write("Pulumi.dev.yaml", """
                config:
                  aws:region: eu-west-1
                  bucketName: orders
                  shop:replicas: 3
                  shop:debug: true
                  shop:tags:
                    team: checkout
                  shop:zones: [a, b]
                """);

        var settings = StackConfiguration.read(PulumiProject.read(directory), "dev");

        assertThat(settings.project()).isEqualTo("shop");
        assertThat(settings.stack()).isEqualTo("dev");
        assertThat(settings.organization()).isEqualTo("organization");
        assertThat(settings.config())
                .containsEntry("aws:region", "eu-west-1")
                .containsEntry("shop:bucketName", "orders")
                .containsEntry("shop:replicas", "3")
                .containsEntry("shop:debug", "true")
                .containsEntry("shop:tags", "{\"team\":\"checkout\"}")
                .containsEntry("shop:zones", "[\"a\",\"b\"]")
                .hasSize(6);
        assertThat(settings.secretKeys()).isEmpty();
    }

    @Test
    void passesAPlaceholderForEncryptedValuesAndMarksThemSecret() throws Exception {
        write("Pulumi.yaml", "name: shop\nruntime: java\n");
        write("Pulumi.dev.yaml", """
                config:
                  shop:dbPassword:
                    secure: v1:abc:def
                  shop:credentials:
                    user: admin
                    token:
                      secure: v1:ghi:jkl
                """);

        var settings = StackConfiguration.read(PulumiProject.read(directory), "dev");

        assertThat(settings.config())
                .containsEntry("shop:dbPassword", StackConfiguration.ENCRYPTED_PLACEHOLDER)
                .containsEntry("shop:credentials",
                        "{\"user\":\"admin\",\"token\":\"" + StackConfiguration.ENCRYPTED_PLACEHOLDER + "\"}");
        assertThat(settings.secretKeys()).containsExactlyInAnyOrder("shop:dbPassword", "shop:credentials");
    }

    @Test
    void startsFromTheProjectsDefaultsInEveryFormPulumiAcceptsAndLetsTheStackOverrideThem() throws Exception {
        write("Pulumi.yaml", """
                name: shop
                runtime: java
                config:
                  aws:region: us-east-1
                  team: checkout
                  replicas:
                    type: integer
                    default: 2
                  kubernetes:namespace:
                    value: shop
                  shop:tags:
                    value:
                      owner: checkout
                  shop:zones: [a, b]
                  apiToken:
                    type: string
                    secret: true
                  shop:limits:
                    cpu: 500m
                """);
        write("Pulumi.dev.yaml", """
                config:
                  aws:region: eu-west-1
                  shop:replicas: 3
                """);

        var settings = StackConfiguration.read(PulumiProject.read(directory), "dev");

        assertThat(settings.config()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "aws:region", "eu-west-1",
                "shop:team", "checkout",
                "shop:replicas", "3",
                "kubernetes:namespace", "shop",
                "shop:tags", "{\"owner\":\"checkout\"}",
                "shop:zones", "[\"a\",\"b\"]",
                "shop:limits", "{\"cpu\":\"500m\"}"));
        assertThat(StackConfiguration.read(PulumiProject.read(directory), "staging").config())
                .containsEntry("aws:region", "us-east-1")
                .containsEntry("shop:replicas", "2");
    }

    @Test
    void refusesAProjectKeyWithBothAValueAndADefault() throws Exception {
        write("Pulumi.yaml", "name: shop\nruntime: java\nconfig:\n  team:\n    value: a\n    default: b\n");

        assertThatThrownBy(() -> StackConfiguration.read(PulumiProject.read(directory), "dev"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageEndingWith("Pulumi.yaml: a config key takes 'value' or 'default', not both");
    }

    @Test
    void namesTheEscEnvironmentsAStackImportsInEitherForm() throws Exception {
        write("Pulumi.yaml", "name: shop\nruntime: java\n");
        write("Pulumi.dev.yaml", "environment:\n  - shop/dev\n  - aws/sandbox\nconfig:\n  team: payments\n");
        write("Pulumi.prod.yaml", "environment:\n  imports:\n    - shop/prod\n");
        var project = PulumiProject.read(directory);

        assertThat(EscEnvironments.of(project, "dev")).containsExactly("shop/dev", "aws/sandbox");
        assertThat(EscEnvironments.of(project, "prod")).containsExactly("shop/prod");
        assertThat(EscEnvironments.of(project, "staging")).isEmpty();
        assertThat(StackConfiguration.read(project, "dev").config()).containsOnlyKeys("shop:team");
    }

    @Test
    void treatsAMissingStackFileAsAStackWithoutConfiguration() throws Exception {
        write("Pulumi.yaml", "name: shop\nruntime: java\n");

        var settings = StackConfiguration.read(PulumiProject.read(directory), "staging");

        assertThat(settings.config()).isEmpty();
        assertThat(settings.stack()).isEqualTo("staging");
    }

    @Test
    void readsTheRuntimeOptionsOfTheProject() throws Exception {
        write("Pulumi.yaml", """
                name: shop
                runtime:
                  name: java
                  options:
                    binary: target/shop.jar
                """);

        var project = PulumiProject.read(directory);

        assertThat(project.name()).isEqualTo("shop");
        assertThat(project.runtime()).isEqualTo("java");
        assertThat(project.binary()).contains("target/shop.jar");
        assertThat(project.programDirectory()).isEqualTo(directory);
    }

    @Test
    void readsStackFilesFromTheFolderStackConfigDirNames() throws Exception {
        write("Pulumi.yaml", "name: zone\nruntime: java\nmain: program/\nstackConfigDir: program/stacks\n");
        java.nio.file.Files.createDirectories(directory.resolve("program/stacks"));
        write("program/stacks/Pulumi.prod.yaml", "config:\n  zone:size: large\n");
        write("Pulumi.prod.yaml", "config:\n  zone:size: ignored\n");

        var project = PulumiProject.read(directory);

        assertThat(project.programDirectory()).isEqualTo(directory.resolve("program/"));
        assertThat(StackConfiguration.stackFile(project, "prod")).isEqualTo(directory.resolve("program/stacks/Pulumi.prod.yaml"));
        assertThat(StackConfiguration.read(project, "prod").config()).containsEntry("zone:size", "large");
    }

    @Test
    void namesTheMissingProjectFile() {
        assertThatThrownBy(() -> PulumiProject.read(directory))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining(directory.resolve("Pulumi.yaml").toString());
    }

    @Test
    void refusesProjectsInOtherLanguages() throws Exception {
        write("Pulumi.yaml", "name: site\nruntime: nodejs\n");

        assertThatThrownBy(() -> PulumiProject.read(directory))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("runtime 'nodejs'");
    }

    @Test
    void resolvesAliasesAndMergeKeysAndRefusesADuplicateKeyAsThePulumiCliDoes() throws Exception {
        write("Pulumi.yaml", "name: shop\nruntime: java\n");
        write("Pulumi.dev.yaml", """
                config:
                  shop:defaults: &defaults
                    cluster: platform
                    namespace: shop
                  shop:api:
                    <<: *defaults
                    serviceAccount: api
                  shop:region: &region eu-west-1
                  shop:copy: *region
                """);

        var settings = StackConfiguration.read(PulumiProject.read(directory), "dev");

        assertThat(settings.config())
                .containsEntry("shop:api", "{\"serviceAccount\":\"api\",\"cluster\":\"platform\",\"namespace\":\"shop\"}")
                .containsEntry("shop:copy", "eu-west-1");

        write("Pulumi.prod.yaml", "config:\n  shop:size: 2\n  shop:size: 3\n");
        assertThatThrownBy(() -> StackConfiguration.read(PulumiProject.read(directory), "prod"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage("cannot read " + directory.resolve("Pulumi.prod.yaml")
                        + ": line 3: mapping key \"shop:size\" already defined at line 2 (Pulumi refuses a key written twice)");
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(directory.resolve(file), text);
    }
}
