package dev.keyless.preview.project;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the node tree of a YAML text's first document from SnakeYAML's parser events, keeping
 * aliases as aliases. Only the first document is read, as go-yaml v3's {@code Unmarshal} reads it.
 * An anchor names the latest node that carries it; an alias to an anchor not yet defined is
 * refused, and so is nesting deeper than {@value #MAX_DEPTH} levels.
 */
final class YamlNodeReader {
    /**
     * go-yaml v3's parser stops at 10,000 levels ("exceeded max depth of 10000"); this reader stops at
     * 1,000, which decoding by recursion can reach on any thread's stack. No stack file nests so deep.
     */
    static final int MAX_DEPTH = 1_000;
    private static final String LONG_TAG_PREFIX = "tag:yaml.org,2002:";

    private YamlNodeReader() {
    }

    /**
     * @param text the YAML text
     * @return the first document's root node, or empty when the text holds no document or an empty one
     * @throws ProjectFileException when the text is not YAML, or names an undefined anchor, or nests too deep
     */
    static Optional<YamlNode> read(String text) throws ProjectFileException {
        var options = new LoaderOptions();
        // Pulumi reads files of any size; SnakeYAML's default limit (3 MB) would refuse what it accepts.
        options.setCodePointLimit(Integer.MAX_VALUE);
        Map<String, YamlNode> anchors = new HashMap<>();
        Deque<YamlNode> open = new ArrayDeque<>();
        YamlNode root = null;
        try {
            for (Event event : new Yaml(options).parse(new StringReader(text))) {
                if (event instanceof DocumentEndEvent) {
                    break;
                }
                YamlNode node;
                if (event instanceof ScalarEvent scalar) {
                    node = YamlNode.scalar(shortTag(scalar.getTag()), scalar.getValue(),
                            scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, scalar.getAnchor(), line(event));
                } else if (event instanceof MappingStartEvent mapping) {
                    node = YamlNode.collection(YamlNode.Kind.MAPPING, shortTag(mapping.getTag()), mapping.getAnchor(), line(event));
                } else if (event instanceof SequenceStartEvent sequence) {
                    node = YamlNode.collection(YamlNode.Kind.SEQUENCE, shortTag(sequence.getTag()), sequence.getAnchor(), line(event));
                } else if (event instanceof AliasEvent alias) {
                    var target = anchors.get(alias.getAnchor());
                    if (target == null) {
                        throw new ProjectFileException("line " + line(event) + ": unknown anchor '" + alias.getAnchor() + "' referenced");
                    }
                    node = YamlNode.alias(alias.getAnchor(), target, line(event));
                } else if (event instanceof CollectionEndEvent) {
                    open.pop();
                    continue;
                } else {
                    continue;
                }
                // The anchor is known from the node's start: an alias inside its own value is a cycle, refused when decoded.
                if (node.anchor != null) {
                    anchors.put(node.anchor, node);
                }
                if (open.isEmpty()) {
                    root = node;
                } else {
                    open.peek().content.add(node);
                }
                if (node.kind == YamlNode.Kind.MAPPING || node.kind == YamlNode.Kind.SEQUENCE) {
                    if (open.size() >= MAX_DEPTH) {
                        throw new ProjectFileException("line " + node.line + ": exceeded max depth of " + MAX_DEPTH);
                    }
                    open.push(node);
                }
            }
        } catch (YAMLException e) {
            throw new ProjectFileException(e.getMessage());
        }
        return Optional.ofNullable(root);
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }

    // "tag:yaml.org,2002:str" is written !!str; no tag, or the non-specific "!" of a plain scalar, stays as written.
    private static String shortTag(String tag) {
        if (tag == null) {
            return "";
        }
        return tag.startsWith(LONG_TAG_PREFIX) ? "!!" + tag.substring(LONG_TAG_PREFIX.length()) : tag;
    }
}
