package dev.keyless.preview.project;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a YAML document as the parser saw it, before any value is built: an alias stays an
 * alias of its anchored node, so decoding can count what aliases expand to, as Pulumi's YAML
 * decoder does. Mirrors the shape of go-yaml v3's {@code yaml.Node}.
 */
final class YamlNode {
    enum Kind { SCALAR, SEQUENCE, MAPPING, ALIAS }

    final Kind kind;
    /** The tag as written in short form ({@code !!str}), empty when none was written. */
    final String tag;
    /** A scalar's text, or an alias's anchor name. */
    final String value;
    /** Whether a scalar was written plain, unquoted and not a block scalar, so its type is resolved from its text. */
    final boolean plain;
    /** The anchor this node carries, or null. */
    final String anchor;
    /** 1-based line of the node's start. */
    final int line;
    /** A sequence's items, or a mapping's keys and values, alternating. */
    final List<YamlNode> content = new ArrayList<>();
    /** The anchored node an alias names. */
    final YamlNode target;

    private YamlNode(Kind kind, String tag, String value, boolean plain, String anchor, int line, YamlNode target) {
        this.kind = kind;
        this.tag = tag;
        this.value = value;
        this.plain = plain;
        this.anchor = anchor;
        this.line = line;
        this.target = target;
    }

    static YamlNode scalar(String tag, String value, boolean plain, String anchor, int line) {
        return new YamlNode(Kind.SCALAR, tag, value, plain, anchor, line, null);
    }

    static YamlNode collection(Kind kind, String tag, String anchor, int line) {
        return new YamlNode(kind, tag, "", false, anchor, line, null);
    }

    static YamlNode alias(String anchor, YamlNode target, int line) {
        return new YamlNode(Kind.ALIAS, "", anchor, false, null, line, target);
    }
}
