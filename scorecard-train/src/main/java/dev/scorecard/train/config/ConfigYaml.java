package dev.scorecard.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.load.CsvLoadOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A model's effective configuration as a YAML file that {@code --config} reads back: the canonical
 * JSON of {@link ConfigJson} in block style, one key per line, without the keys the JSON fills with an
 * empty value for "not set" (a detected delimiter, no time column), which the reader would refuse.
 * Training again with it, on the same data, gives the same model.
 */
public final class ConfigYaml {
    /** A text YAML reads back as the same string without quotes: no indicator first, nothing that looks typed. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ./()+-]*");
    private static final Pattern TYPED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.?[0-9].*|\\.inf|\\.nan))");

    private ConfigYaml() {
    }

    /**
     * @param canonicalJson the config as {@link ConfigJson#canonical} wrote it (a model's provenance)
     * @param missingValues the model's missing tokens, written when they are not the defaults (the JSON
     *     records "the defaults" and "none" alike as an empty list)
     * @return the YAML text, ending with a newline
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static String of(String canonicalJson, List<String> missingValues) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(canonicalJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the configuration is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the configuration is not a JSON object");
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            if (f.getKey().equals("missingValues")) {
                if (!missingValues.equals(CsvLoadOptions.DEFAULT_MISSING_VALUES)) {
                    out.append("missingValues: ").append(flow(missingValues)).append('\n');
                }
                continue;
            }
            entry(out, f.getKey(), f.getValue(), 0);
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, String key, JsonNode value, int indent) {
        if (unset(value)) {
            return;
        }
        out.append("  ".repeat(indent)).append(scalar(key)).append(':');
        if (value.isObject()) {
            out.append('\n');
            for (Map.Entry<String, JsonNode> f : value.properties()) {
                entry(out, f.getKey(), f.getValue(), indent + 1);
            }
        } else {
            out.append(' ').append(value(value)).append('\n');
        }
    }

    /** The canonical JSON writes "not set" as an empty text, list or map; YAML leaves the key out. */
    private static boolean unset(JsonNode v) {
        return (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty());
    }

    private static String value(JsonNode v) {
        if (v.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(value(v.get(i)));
            }
            return s.append(']').toString();
        }
        if (v.isTextual()) {
            return scalar(v.asText());
        }
        if (v.isFloatingPointNumber()) { // in the canonical shortest form, as ConfigJson wrote it
            return DoubleFormat.format(v.doubleValue());
        }
        return v.asText(); // integers, booleans
    }

    private static String flow(List<String> texts) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < texts.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(scalar(texts.get(i)));
        }
        return s.append(']').toString();
    }

    /** @return the text plain when YAML reads it back unchanged as a string, else double-quoted */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !TYPED.matcher(text).matches() && !text.endsWith(" ")) {
            return text;
        }
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
