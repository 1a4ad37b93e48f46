package dev.scorecard.crm.activate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's payload: a JSON object in which each {@code {{name}}} stands for one whole JSON value —
 * a text column's value as a JSON string, a number column's as a JSON number, a missing value as
 * {@code null}. Because a placeholder is always a complete value, no lead's data can break the JSON
 * or inject keys. Thread-safe and immutable.
 */
final class PayloadTemplate {
    /** The payload when a plan gives none. */
    static final String DEFAULT = "{\"lead_id\": {{lead_id}}, \"plan\": {{plan}}, \"step\": {{step}}, \"channel\":"
            + " {{channel}}, \"send_at\": {{send_at}}}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");
    private static final JsonFactory JSON = new JsonFactory();
    /** Placeholders are probed as these numbers, so one inside a string or a key is found. */
    private static final long SENTINEL = 7_310_000_000_000L;

    private final String[] literal;
    private final String[] names;

    private PayloadTemplate(String[] literal, String[] names) {
        this.literal = literal;
        this.names = names;
    }

    /**
     * Checks that the text is a JSON object once its placeholders are values.
     *
     * @param template the template
     * @throws IllegalArgumentException saying what is wrong
     */
    static void check(String template) {
        parse(template);
    }

    /**
     * @param template the template
     * @return it, compiled
     * @throws IllegalArgumentException when it is not a JSON object with placeholders as values
     */
    static PayloadTemplate parse(String template) {
        List<String> lit = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        StringBuilder probe = new StringBuilder();
        while (m.find()) {
            lit.add(template.substring(at, m.start()));
            names.add(m.group(1));
            probe.append(template, at, m.start()).append(SENTINEL + names.size() - 1);
            at = m.end();
        }
        lit.add(template.substring(at));
        probe.append(template.substring(at));
        if (probe.indexOf("{{") >= 0) {
            throw new IllegalArgumentException("a '{{' that is not a placeholder such as {{lead_id}}");
        }
        try (JsonParser p = JSON.createParser(probe.toString())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the payload is not a JSON object: " + template);
            }
            int values = 0;
            for (int depth = 1; depth > 0;) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_NUMBER_INT && p.getLongValue() >= SENTINEL
                        && p.getLongValue() < SENTINEL + names.size()) {
                    values++;
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the payload's JSON object");
            }
            if (values != names.size()) {
                throw new IllegalArgumentException("the payload is not JSON once each {{name}} is a value: a placeholder"
                        + " stands for a whole value, so write \"key\": {{name}}, not \"key\": \"{{name}}\"");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload is not JSON once each {{name}} is a value (a placeholder"
                    + " stands for a whole value, so write \"key\": {{name}}, not \"key\": \"{{name}}\"): "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage()));
        }
        return new PayloadTemplate(lit.toArray(String[]::new), names.toArray(String[]::new));
    }

    /** @return the names of the placeholders, in order */
    List<String> names() {
        return List.of(names);
    }

    /**
     * @param values gives the JSON text of the i-th placeholder's value
     * @return the payload
     */
    String render(IntFunction<String> values) {
        StringBuilder b = new StringBuilder(literal[0]);
        for (int i = 0; i < names.length; i++) {
            b.append(values.apply(i)).append(literal[i + 1]);
        }
        return b.toString();
    }

    /**
     * @param text a value
     * @return it as a JSON string
     */
    static String string(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
