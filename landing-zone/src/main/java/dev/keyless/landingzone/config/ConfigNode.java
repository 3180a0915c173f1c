package dev.keyless.landingzone.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One map in the landing zone's config, read by key with its config path: a value of the wrong type
 * or an unknown key becomes a problem at its path, and reading goes on, so one run reports them all.
 * A missing optional value is empty; a wrong one is reported once and read as missing.
 */
public final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private final ConfigProblems problems;

    ConfigNode(JsonNode node, String path, ConfigProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** @return where this map is in the config, e.g. {@code workloads.payments} */
    public String path() {
        return path;
    }

    /**
     * @param key a key of this map
     * @return the config path of that key
     */
    public String path(String key) {
        return path + "." + key;
    }

    /** @return where problems are collected */
    public ConfigProblems problems() {
        return problems;
    }

    /** @return whether this map has the key, with any value but null */
    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /**
     * Reports every key this map has that the reader does not know: a typo silently ignored would
     * deploy something other than what was asked.
     *
     * @param known the keys the reader reads
     */
    public void allowOnly(Collection<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(path(key), "unknown key; expected one of " + String.join(", ", new TreeSet<>(known)));
            }
        });
    }

    /**
     * Reports a setting that names an existing resource on a store the landing zone creates: the
     * config would otherwise say two things at once.
     *
     * @param key the setting, e.g. {@code bucket}
     * @return whether the map has it (reported)
     */
    public boolean refuseWhenCreated(String key) {
        if (!has(key)) {
            return false;
        }
        problems.add(path(key), "names an existing " + key + "; set create: false to grant on it, "
                + "or drop " + key + " to let the landing zone create and auto-name the store");
        return true;
    }

    /**
     * @param key the key
     * @return its text, or empty when it is missing or not text (reported)
     */
    public Optional<String> text(String key) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(path(key), "must be a string, not " + describe(value)
                    + (value.isNumber() ? " (quote it: YAML reads 1.30 as the number 1.3)" : ""));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /**
     * @param key  the key
     * @param hint what the value is, for the message when it is missing
     * @return its text, or empty when it is missing (reported) or not text (reported)
     */
    public Optional<String> requiredText(String key, String hint) {
        if (!has(key)) {
            problems.add(path(key), "is required: " + hint);
            return Optional.empty();
        }
        return text(key);
    }

    /**
     * @param key     the key
     * @param allowed the values it may take
     * @return its value, or empty when it is missing or not one of them (reported)
     */
    public Optional<String> oneOf(String key, List<String> allowed) {
        var value = text(key);
        if (value.isPresent() && !allowed.contains(value.get())) {
            problems.add(path(key), "'" + value.get() + "' is not one of " + String.join(", ", allowed));
            return Optional.empty();
        }
        return value;
    }

    /**
     * @param key      the key
     * @param fallback the value when the key is missing
     * @return its value, or the fallback when it is missing or not a boolean (reported)
     */
    public boolean bool(String key, boolean fallback) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(path(key), "must be true or false, not " + describe(value));
            return fallback;
        }
        return value.asBoolean();
    }

    /**
     * @param key      the key
     * @param fallback the value when the key is missing
     * @return its value, or the fallback when it is missing or not a whole number (reported)
     */
    public int integer(String key, int fallback) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problems.add(path(key), "must be a whole number, not " + describe(value));
            return fallback;
        }
        return value.asInt();
    }

    /**
     * @param key the key
     * @return its strings, or empty when it is missing or not a list of strings (reported)
     */
    public Optional<List<String>> textList(String key) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            problems.add(path(key), "must be a list of strings, not " + describe(value));
            return Optional.empty();
        }
        var texts = new ArrayList<String>();
        var wrong = false;
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                texts.add(value.get(i).asText());
            } else {
                problems.add(path(key) + "[" + i + "]", "must be a string, not " + describe(value.get(i)));
                wrong = true;
            }
        }
        return wrong ? Optional.empty() : Optional.of(texts);
    }

    /**
     * @param key the key
     * @return its string-to-string entries in config order, empty when missing or wrong (reported)
     */
    public Map<String, String> textMap(String key) {
        var entries = new LinkedHashMap<String, String>();
        object(key).ifPresent(map -> map.node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                entries.put(entry.getKey(), entry.getValue().asText());
            } else {
                problems.add(map.path(entry.getKey()), "must be a string, not " + describe(entry.getValue()));
            }
        }));
        return entries;
    }

    /**
     * @param key the key
     * @return the map under it, or empty when it is missing or not a map (reported)
     */
    public Optional<ConfigNode> object(String key) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problems.add(path(key), "must be a map, not " + describe(value));
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(value, path(key), problems));
    }

    /**
     * @param key the key
     * @return the maps in the list under it, each with its {@code key[i]} path; empty when missing
     */
    public List<ConfigNode> objectList(String key) {
        var value = node.get(key);
        var maps = new ArrayList<ConfigNode>();
        if (value == null || value.isNull()) {
            return maps;
        }
        if (!value.isArray()) {
            problems.add(path(key), "must be a list, not " + describe(value));
            return maps;
        }
        for (int i = 0; i < value.size(); i++) {
            var itemPath = path(key) + "[" + i + "]";
            if (value.get(i).isObject()) {
                maps.add(new ConfigNode(value.get(i), itemPath, problems));
            } else {
                problems.add(itemPath, "must be a map, not " + describe(value.get(i)));
            }
        }
        return maps;
    }

    /**
     * Reads this map as entries keyed by a stable name, as {@code clusters} and {@code workloads} are.
     *
     * @return name to the map under it, in config order; entries that are not maps are reported
     */
    public Map<String, ConfigNode> entries() {
        var entries = new LinkedHashMap<String, ConfigNode>();
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isObject()) {
                entries.put(entry.getKey(), new ConfigNode(entry.getValue(), path(entry.getKey()), problems));
            } else {
                problems.add(path(entry.getKey()), "must be a map, not " + describe(entry.getValue()));
            }
        });
        return entries;
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string '" + value.asText() + "'";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a map";
        }
        return value.toString();
    }
}
