package dev.keyless.multilang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pulumirpc.Provider.GetSchemaRequest;

import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider jar, started as the engine starts it, answers GetPluginInfo and GetSchema over gRPC. */
class SchemaOverGrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMEL_CASE = "[a-z][a-zA-Z0-9]*";
    private static ProviderProcess provider;
    private static JsonNode schema;

    // Starting the provider jar (and the Java API's program beside it) outlasts the build's default
    // bound per method on a busy machine; nothing here measures time.
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws Exception {
        // GetPluginInfo and GetSchema never call the engine; the address only has to be given.
        provider = ProviderProcess.start("127.0.0.1:1");
        System.out.println("provider jar " + Files.size(ProviderProcess.jar()) + " bytes, port printed after " + provider.startMillis() + " ms");
        schema = JSON.readTree(provider.provider().getSchema(GetSchemaRequest.newBuilder().setVersion(0).build()).getSchema());
    }

    @AfterAll
    static void stop() throws Exception {
        provider.close();
    }

    @Test
    void reportsTheProjectVersion() throws Exception {
        var expected = JSON.readTree(Files.readString(committedSchema())).get("version").asText();
        assertThat(provider.provider().getPluginInfo(Empty.getDefaultInstance()).getVersion())
                .isEqualTo(expected)
                .isEqualTo(schema.get("version").asText())
                .isNotEqualTo("1.0.0");
    }

    @Test
    void schemaIsTheCommittedOne() throws Exception {
        // Regenerate with: java -jar components/multilang/target/keyless-provider.jar schema > components/multilang/schema.json
        assertThat(schema).isEqualTo(JSON.readTree(Files.readString(committedSchema())));
    }

    @Test
    void everyRefResolvesToADeclaredType() {
        var refs = new ArrayList<String>();
        collectRefs(schema, refs);
        assertThat(refs).isNotEmpty();
        for (var ref : refs) {
            assertThat(ref).startsWith("#/types/");
            assertThat(schema.get("types").has(ref.substring("#/types/".length()))).as(ref).isTrue();
        }
    }

    @Test
    void everyRequiredNameIsAProperty() {
        schema.get("resources").fields().forEachRemaining(resource -> {
            var spec = resource.getValue();
            spec.get("requiredInputs").forEach(name -> assertThat(spec.get("inputProperties").has(name.asText())).as(resource.getKey() + " " + name).isTrue());
            spec.get("required").forEach(name -> assertThat(spec.get("properties").has(name.asText())).as(resource.getKey() + " " + name).isTrue());
        });
        schema.get("types").fields().forEachRemaining(type -> type.getValue().get("required")
                .forEach(name -> assertThat(type.getValue().get("properties").has(name.asText())).as(type.getKey() + " " + name).isTrue()));
    }

    @Test
    void tokensAreIndexModuleAndNamesCamelCase() {
        var names = new ArrayList<String>();
        schema.get("resources").fields().forEachRemaining(resource -> {
            assertThat(resource.getKey()).matches("keyless:index:[A-Z][A-Za-z0-9]*");
            resource.getValue().get("inputProperties").fieldNames().forEachRemaining(names::add);
            resource.getValue().get("properties").fieldNames().forEachRemaining(names::add);
        });
        schema.get("types").fields().forEachRemaining(type -> {
            assertThat(type.getKey()).matches("keyless:index:[A-Z][A-Za-z0-9]*");
            type.getValue().get("properties").fieldNames().forEachRemaining(names::add);
        });
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(CAMEL_CASE));
    }

    @Test
    void everyComponentTheProviderConstructsIsInTheSchemaAndEveryPropertyIsDescribed() {
        var resources = new java.util.TreeSet<String>();
        schema.get("resources").fieldNames().forEachRemaining(resources::add);
        assertThat(resources).isEqualTo(FlatComponents.types()).hasSize(6);
        assertThat(schema.get("types").size()).isEqualTo(8);
        var undescribed = new ArrayList<String>();
        schema.get("resources").fields().forEachRemaining(resource -> {
            for (var section : List.of("inputProperties", "properties")) {
                resource.getValue().get(section).fields().forEachRemaining(p -> {
                    if (p.getValue().path("description").asText().isBlank()) {
                        undescribed.add(resource.getKey() + " " + p.getKey());
                    }
                });
            }
        });
        schema.get("types").fields().forEachRemaining(type -> type.getValue().get("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("description").asText().isBlank()) {
                undescribed.add(type.getKey() + " " + p.getKey());
            }
        }));
        assertThat(undescribed).isEmpty();
        // Descriptions of typed options are the typed API's Javadoc.
        assertThat(schema.at("/resources/keyless:index:EksCluster/inputProperties/clusterName/description").asText())
                .startsWith("The EKS cluster's name.");
    }

    @Test
    void kubeconfigIsSecretAndComponentsAreComponents() {
        assertThat(schema.at("/types/keyless:index:ClusterReference/properties/kubeconfig/secret").asBoolean()).isTrue();
        schema.get("resources").forEach(resource -> assertThat(resource.get("isComponent").asBoolean()).isTrue());
    }

    private static Path committedSchema() {
        return Path.of(System.getProperty("keyless.schema.file", "schema.json"));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }
}
