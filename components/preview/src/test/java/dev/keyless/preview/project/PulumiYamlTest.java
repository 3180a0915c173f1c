package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stack and project files are read as Pulumi's yaml.v3 reads them. */
class PulumiYamlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void anAliasIsItsAnchorsValueNotItsName() throws Exception {
        assertThat(PulumiYaml.parse("""
                region: &region eu-west-1
                copy: *region
                tags: &tags {team: shop}
                more: [*tags, *region]
                """)).isEqualTo(json("""
                {"region": "eu-west-1", "copy": "eu-west-1", "tags": {"team": "shop"},
                 "more": [{"team": "shop"}, "eu-west-1"]}
                """));
    }

    @Test
    void aMergeKeyAddsTheKeysTheMappingLacksAndWrittenKeysWinWhereverTheyStand() throws Exception {
        assertThat(PulumiYaml.parse("""
                base: &base {cluster: platform, namespace: shop}
                other: &other {namespace: other, team: a}
                api:
                  namespace: api
                  <<: *base
                worker:
                  <<: [*other, *base]
                  serviceAccount: worker
                """).toString()).isEqualTo(json("""
                {"base": {"cluster": "platform", "namespace": "shop"},
                 "other": {"namespace": "other", "team": "a"},
                 "api": {"namespace": "api", "cluster": "platform"},
                 "worker": {"serviceAccount": "worker", "namespace": "other", "team": "a", "cluster": "platform"}}
                """).toString());
        assertThat(PulumiYaml.parse("a:\n  <<: {b: 1}\n  c: 2\n")).isEqualTo(json("{\"a\": {\"c\": 2, \"b\": 1}}"));
        assertThat(PulumiYaml.parse("a:\n  '<<': {b: 1}\n")).as("a quoted << is a key").isEqualTo(json("{\"a\": {\"<<\": {\"b\": 1}}}"));
    }

    @Test
    void aMergeOfSomethingOtherThanMapsIsRefused() {
        assertThatThrownBy(() -> PulumiYaml.parse("a: &a [1]\nb:\n  <<: *a\n"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage("line 3: map merge requires map or sequence of maps as the value");
        assertThatThrownBy(() -> PulumiYaml.parse("b:\n  <<: [{c: 1}, 5]\n"))
                .hasMessage("line 2: map merge requires map or sequence of maps as the value");
    }

    @Test
    void aKeyWrittenTwiceInOneMappingIsRefused() throws Exception {
        assertThatThrownBy(() -> PulumiYaml.parse("""
                config:
                  aws:region: eu-west-1
                  shop:size: 2
                  aws:region: us-east-1
                """)).isInstanceOf(ProjectFileException.class)
                .hasMessage("line 4: mapping key \"aws:region\" already defined at line 2 (Pulumi refuses a key written twice)");
        assertThatThrownBy(() -> PulumiYaml.parse("a: {<<: {b: 1}, <<: {c: 2}}\n"))
                .hasMessageContaining("mapping key \"<<\" already defined");
        // The same key in different mappings, or merged over, is no duplicate.
        assertThat(PulumiYaml.parse("a: {x: 1}\nb: {x: 2}\n")).isEqualTo(json("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}"));
    }

    @Test
    void aBillionLaughsStopsAfterAFewThousandNodesWithAClearError() {
        var laughs = new StringBuilder("a0: &a0 lol\n");
        for (int level = 1; level <= 9; level++) {
            laughs.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(("*a" + (level - 1) + ", ").repeat(9)).append("*a").append(level - 1).append("]\n");
        }
        assertThatThrownBy(() -> PulumiYaml.parse(laughs.toString()))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageEndingWith(": document contains excessive aliasing");
    }

    @Test
    void modestReuseOfAnchorsIsAccepted() throws Exception {
        // 150 workloads merging one 5-key map: most of the work is still the file's own.
        var config = new StringBuilder("defaults: &d {cluster: c, mechanism: irsa, a: 1, b: 2, e: 3}\nworkloads:\n");
        for (int i = 0; i < 150; i++) {
            config.append("  w").append(i).append(": {<<: *d, namespace: n").append(i).append(", serviceAccount: s, x: 1, y: 2}\n");
        }
        assertThat(PulumiYaml.parse(config.toString()).at("/workloads/w149/mechanism").asText()).isEqualTo("irsa");
    }

    @Test
    void anAnchorWhoseValueHoldsItselfAndAnUnknownAnchorAreRefused() {
        assertThatThrownBy(() -> PulumiYaml.parse("a: &x {b: *x}\n")).hasMessage("line 1: anchor 'x' value contains itself");
        assertThatThrownBy(() -> PulumiYaml.parse("a: 1\nb: *nope\n")).hasMessage("line 2: unknown anchor 'nope' referenced");
    }

    @Test
    void plainScalarsResolveAsYamlV3ResolvesThem() throws Exception {
        assertThat(PulumiYaml.parse("""
                t: True
                yes: yes
                on: off
                n: ~
                e:
                i: 1_000
                hex: 0x1F
                oct: 0o17
                legacyOct: 017
                notOct: 08
                f: 1.30
                dot: .5
                date: 2026-12-01
                quoted: "true"
                block: |
                  7
                tagged: !!str 1.30
                custom: !Ref 42
                big: 18446744073709551615
                """)).isEqualTo(json("""
                {"t": true, "yes": "yes", "on": "off", "n": null, "e": null, "i": 1000, "hex": 31, "oct": 15, "legacyOct": 15,
                 "notOct": 8.0, "f": 1.3, "dot": 0.5, "date": "2026-12-01", "quoted": "true", "block": "7\\n",
                 "tagged": "1.30", "custom": "42", "big": 18446744073709551615}
                """));
        assertThatThrownBy(() -> PulumiYaml.parse("a: !!int foo\n")).hasMessage("line 1: cannot decode !!str `foo` as a !!int");
    }

    @Test
    void onlyTheFirstDocumentIsReadAndAnEmptyTextHoldsNothing() throws Exception {
        assertThat(PulumiYaml.parse("a: 1\n---\nb: 2\n")).isEqualTo(json("{\"a\": 1}"));
        assertThat(PulumiYaml.parse("").isMissingNode()).isTrue();
        assertThat(PulumiYaml.parse("# only a comment\n").isMissingNode()).isTrue();
    }

    @Test
    void nestingDeeperThanAThousandLevelsIsRefused() throws Exception {
        var depth = YamlNodeReader.MAX_DEPTH;
        assertThat(PulumiYaml.parse("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();
        assertThatThrownBy(() -> PulumiYaml.parse("[".repeat(depth + 1) + "]".repeat(depth + 1)))
                .hasMessage("line 1: exceeded max depth of 1000");
    }
}
