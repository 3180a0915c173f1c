package dev.keyless.preview.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} as the Pulumi CLI does. The CLI
 * unmarshals both files into Go values with gopkg.in/yaml.v3 before anything else
 * (pulumi/pulumi sdk/go/common/workspace/loaders.go, {@code LoadProjectBytes} and
 * {@code LoadProjectStackBytes}; sdk/go/common/encoding/marshal.go), so its rules are yaml.v3's
 * (go-yaml v3 decode.go and resolve.go):
 * <ul>
 *   <li>an alias is the value of its anchor, not the anchor's name;</li>
 *   <li>a merge key {@code <<} takes a map, or a list of maps, whose keys the mapping lacks: keys
 *       written in the mapping win wherever they stand, and of several merged maps the first that
 *       has a key wins;</li>
 *   <li>a key written twice in one mapping is refused ("mapping key already defined");</li>
 *   <li>decoding stops with "document contains excessive aliasing" once aliases expand to most of
 *       the work ({@code allowedAliasRatio}), so a billion-laughs file fails after about a thousand
 *       nodes instead of exhausting memory; an anchor whose value contains itself is refused;</li>
 *   <li>plain scalars resolve by YAML 1.2's core schema as yaml.v3 extends it: {@code true}/{@code False}
 *       are booleans but {@code yes}/{@code on} are strings; {@code ~}, {@code null} and nothing are
 *       null; integers in decimal, {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal),
 *       with {@code _} ignored; floats; everything else, timestamps included, is a string.</li>
 * </ul>
 */
public final class PulumiYaml {
    // go-yaml v3 decode.go: the alias ratio allowed scales from 99% at 400,000 decodes down to 10% at 4,000,000.
    private static final int ALIAS_RATIO_RANGE_LOW = 400_000;
    private static final int ALIAS_RATIO_RANGE_HIGH = 4_000_000;
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private int decodeCount;
    private int aliasCount;
    private int aliasDepth;
    private final Set<YamlNode> expanding = Collections.newSetFromMap(new IdentityHashMap<>());
    // While a merge is decoded: the keys the mapping already has, which merged maps do not replace.
    private Set<String> mergedFields;

    private PulumiYaml() {
    }

    /**
     * @param text a YAML document
     * @return its value as JSON, or a missing node when the text holds nothing
     * @throws ProjectFileException with yaml.v3's reason and the line, when Pulumi would refuse the text
     */
    public static JsonNode parse(String text) throws ProjectFileException {
        var root = YamlNodeReader.read(text);
        if (root.isEmpty()) {
            return MissingNode.getInstance();
        }
        return new PulumiYaml().decode(root.get(), null);
    }

    // Decodes a node; a mapping merged into another is decoded into that one ("into").
    private JsonNode decode(YamlNode node, ObjectNode into) throws ProjectFileException {
        decodeCount++;
        if (aliasDepth > 0) {
            aliasCount++;
        }
        if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
            throw new ProjectFileException("line " + node.line + ": document contains excessive aliasing");
        }
        return switch (node.kind) {
            case ALIAS -> alias(node, into);
            case SCALAR -> scalar(node);
            case SEQUENCE -> {
                var items = JSON.arrayNode();
                for (var item : node.content) {
                    items.add(decode(item, null));
                }
                yield items;
            }
            case MAPPING -> mapping(node, into == null ? JSON.objectNode() : into);
        };
    }

    private static double allowedAliasRatio(int decodes) {
        if (decodes <= ALIAS_RATIO_RANGE_LOW) {
            return 0.99;
        }
        if (decodes >= ALIAS_RATIO_RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodes - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
    }

    private JsonNode alias(YamlNode alias, ObjectNode into) throws ProjectFileException {
        if (!expanding.add(alias)) {
            throw new ProjectFileException("line " + alias.line + ": anchor '" + alias.value + "' value contains itself");
        }
        aliasDepth++;
        try {
            return decode(alias.target, into);
        } finally {
            aliasDepth--;
            expanding.remove(alias);
        }
    }

    private ObjectNode mapping(YamlNode mapping, ObjectNode out) throws ProjectFileException {
        refuseDuplicateKeys(mapping);
        var merged = mergedFields;
        mergedFields = null;
        YamlNode merge = null;
        for (int i = 0; i < mapping.content.size(); i += 2) {
            var key = mapping.content.get(i);
            if (isMerge(key)) {
                merge = mapping.content.get(i + 1);
                continue;
            }
            var name = key(key);
            if (merged != null && !merged.add(name)) {
                continue;
            }
            out.set(name, decode(mapping.content.get(i + 1), null));
        }
        mergedFields = merged;
        if (merge != null) {
            merge(mapping, merge, out);
        }
        return out;
    }

    // yaml.v3 compares the keys as written (kind and text), before any merge.
    private static void refuseDuplicateKeys(YamlNode mapping) throws ProjectFileException {
        var keys = mapping.content;
        for (int i = 0; i < keys.size(); i += 2) {
            for (int j = i + 2; j < keys.size(); j += 2) {
                if (keys.get(i).kind == keys.get(j).kind && keys.get(i).value.equals(keys.get(j).value)) {
                    throw new ProjectFileException("line " + keys.get(j).line + ": mapping key \"" + keys.get(j).value
                            + "\" already defined at line " + keys.get(i).line + " (Pulumi refuses a key written twice)");
                }
            }
        }
    }

    private void merge(YamlNode parent, YamlNode merge, ObjectNode out) throws ProjectFileException {
        var outer = mergedFields;
        if (outer == null) {
            mergedFields = new HashSet<>();
            for (int i = 0; i < parent.content.size(); i += 2) {
                mergedFields.add(key(parent.content.get(i)));
            }
        }
        var sources = new ArrayList<YamlNode>();
        if (merge.kind == YamlNode.Kind.SEQUENCE) {
            sources.addAll(merge.content);
        } else {
            sources.add(merge);
        }
        for (var source : sources) {
            var value = source.kind == YamlNode.Kind.ALIAS ? source.target : source;
            if (value.kind != YamlNode.Kind.MAPPING) {
                throw new ProjectFileException("line " + merge.line + ": map merge requires map or sequence of maps as the value");
            }
            decode(source, out);
        }
        mergedFields = outer;
    }

    // yaml.v3 tags a plain << as a merge and a quoted one as a string, so '<<': is an ordinary key.
    private static boolean isMerge(YamlNode key) {
        return key.kind == YamlNode.Kind.SCALAR && key.value.equals("<<")
                && (key.tag.isEmpty() && key.plain || key.tag.equals("!") || key.tag.equals("!!merge"));
    }

    private String key(YamlNode key) throws ProjectFileException {
        var value = decode(key, null);
        if (value.isContainerNode()) {
            throw new ProjectFileException("line " + key.line + ": invalid map key: a " + (value.isArray() ? "list" : "map"));
        }
        return value.asText();
    }

    private static JsonNode scalar(YamlNode scalar) throws ProjectFileException {
        var tag = scalar.tag;
        if (tag.equals("!!str") || ((tag.isEmpty() || tag.equals("!")) && !scalar.plain)) {
            return JSON.textNode(scalar.value);
        }
        if (tag.equals("!!binary")) {
            try {
                return JSON.textNode(new String(Base64.getMimeDecoder().decode(scalar.value), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException("line " + scalar.line + ": !!binary value contains invalid base64 data");
            }
        }
        // A tag yaml.v3 does not resolve (e.g. !Ref, or the non-specific "!") leaves the text a string.
        if (!List.of("", "!!bool", "!!int", "!!float", "!!null", "!!timestamp").contains(tag)) {
            return JSON.textNode(scalar.value);
        }
        var resolved = resolve(scalar.value);
        var resolvedTag = tagOf(resolved);
        if (tag.isEmpty() || tag.equals(resolvedTag) || tag.equals("!!timestamp") && resolvedTag.equals("!!str")) {
            return resolved;
        }
        if (tag.equals("!!float") && resolvedTag.equals("!!int")) {
            return JSON.numberNode(resolved.asDouble());
        }
        throw new ProjectFileException("line " + scalar.line + ": cannot decode " + resolvedTag + " `" + scalar.value + "` as a " + tag);
    }

    private static String tagOf(JsonNode value) {
        if (value.isNull()) {
            return "!!null";
        }
        if (value.isBoolean()) {
            return "!!bool";
        }
        if (value.isIntegralNumber()) {
            return "!!int";
        }
        return value.isNumber() ? "!!float" : "!!str";
    }

    // go-yaml v3 resolve.go, for untagged plain scalars.
    private static JsonNode resolve(String text) {
        switch (text) {
            case "", "~", "null", "Null", "NULL":
                return JSON.nullNode();
            case "true", "True", "TRUE":
                return JSON.booleanNode(true);
            case "false", "False", "FALSE":
                return JSON.booleanNode(false);
            case ".nan", ".NaN", ".NAN":
                return JSON.numberNode(Double.NaN);
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return JSON.numberNode(Double.POSITIVE_INFINITY);
            case "-.inf", "-.Inf", "-.INF":
                return JSON.numberNode(Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        var first = text.charAt(0);
        if (first == '.') {
            return YAML_STYLE_FLOAT.matcher(text).matches() ? JSON.numberNode(Double.parseDouble(text)) : JSON.textNode(text);
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return JSON.textNode(text);
        }
        var plain = text.replace("_", "");
        var integer = goInteger(plain);
        if (integer != null) {
            // As Jackson reads numbers: an int when it fits, so the program's readers see what they saw before.
            return integer.bitLength() < 32 ? JSON.numberNode(integer.intValue())
                    : integer.bitLength() < 64 ? JSON.numberNode(integer.longValue()) : JSON.numberNode(integer);
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return JSON.numberNode(Double.parseDouble(plain));
        }
        return JSON.textNode(text);
    }

    // What Go's strconv.ParseInt(s, 0, 64), or else ParseUint(s, 0, 64), accepts: 0x, 0o, 0b or a leading 0 (octal).
    private static BigInteger goInteger(String text) {
        var signed = text.startsWith("+") || text.startsWith("-");
        var digits = signed ? text.substring(1) : text;
        var radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> { radix = 16; digits = digits.substring(2); }
                case 'o' -> { radix = 8; digits = digits.substring(2); }
                case 'b' -> { radix = 2; digits = digits.substring(2); }
                default -> { radix = 8; digits = digits.substring(1); }
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        var value = new BigInteger(digits, radix);
        if (text.startsWith("-")) {
            value = value.negate();
        }
        if (value.bitLength() < 64) {
            return value;
        }
        // Only ParseUint takes values above int64, and it takes no sign.
        return !signed && value.compareTo(MAX_UINT64) <= 0 ? value : null;
    }
}
