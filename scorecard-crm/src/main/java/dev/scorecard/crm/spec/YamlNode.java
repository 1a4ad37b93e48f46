package dev.scorecard.crm.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document as a tree that knows where each of its parts is: the file, the 1-based line, and
 * the path of keys and list positions from the root ({@code features[3].window}). Jackson's own tree
 * keeps no locations, so this one is built from its streaming parser. Scalars keep their text as
 * written (YAML's {@code 7} and {@code "7"} alike), and each reader decides what a value means.
 * Immutable.
 */
public final class YamlNode {
    /** What a node holds. */
    public enum Kind {
        /** Keys and values, in file order. */
        MAP,
        /** Items in order. */
        LIST,
        /** A single value. */
        SCALAR,
        /** {@code null}, {@code ~} or nothing. */
        NULL
    }

    private final String file;
    private final long line;
    private final String path;
    private final Kind kind;
    private final String text;
    private final Map<String, YamlNode> entries;
    private final List<YamlNode> items;

    private YamlNode(String file, long line, String path, Kind kind, String text, Map<String, YamlNode> entries,
            List<YamlNode> items) {
        this.file = file;
        this.line = line;
        this.path = path;
        this.kind = kind;
        this.text = text;
        this.entries = entries;
        this.items = items;
    }

    /**
     * @param file a YAML file
     * @return its document (a {@link Kind#NULL} node when empty)
     * @throws InputDataException when the file cannot be read or is not YAML, naming the line
     */
    public static YamlNode read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputDataException(file.toString(), 0, null, "no such file");
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    /**
     * @param name the name errors give the document (a file name)
     * @param yaml the document's bytes
     * @return the document
     * @throws InputDataException when the bytes are not YAML, naming the line
     */
    public static YamlNode parse(String name, byte[] yaml) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            if (p.nextToken() == null) {
                return new YamlNode(name, 1, "", Kind.NULL, null, Map.of(), List.of());
            }
            YamlNode root = node(p, name, "");
            if (p.nextToken() != null) {
                throw new InputDataException(name, p.currentTokenLocation().getLineNr(), null,
                        "a second YAML document; a spec file holds one");
            }
            return root;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputDataException(name, line, null, "not valid YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputDataException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** SnakeYAML's message on one line: its statements, without the quoted source and the caret. */
    private static String oneLine(String message) {
        List<String> parts = new ArrayList<>();
        for (String l : message.split("\n")) {
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                parts.add(l.strip());
            }
        }
        return String.join(": ", parts);
    }

    private static YamlNode node(JsonParser p, String file, String path) throws IOException {
        long line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                long keyLine = p.currentTokenLocation().getLineNr();
                String child = path.isEmpty() ? key : path + "." + key;
                p.nextToken();
                YamlNode value = node(p, file, child);
                if (map.containsKey(key)) {
                    throw new InputDataException(file, keyLine, null, "key '" + child + "' is given twice");
                }
                // A key's node is placed at the key's line, where a reader looks for it.
                map.put(key, value.at(keyLine));
            }
            return new YamlNode(file, line, path, Kind.MAP, null, map, List.of());
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(node(p, file, path + "[" + (list.size() + 1) + "]"));
            }
            return new YamlNode(file, line, path, Kind.LIST, null, Map.of(), list);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode(file, line, path, Kind.NULL, null, Map.of(), List.of());
        }
        return new YamlNode(file, line, path, Kind.SCALAR, p.getText(), Map.of(), List.of());
    }

    private YamlNode at(long newLine) {
        return kind == Kind.SCALAR || kind == Kind.NULL
                ? new YamlNode(file, newLine, path, kind, text, entries, items) : this;
    }

    /** @return what the node holds */
    public Kind kind() {
        return kind;
    }

    /** @return the 1-based line the node (or its key) is on */
    public long line() {
        return line;
    }

    /** @return the path from the root, e.g. {@code features[3].window}; empty for the root */
    public String path() {
        return path;
    }

    /** @return the file (or name) the node was read from */
    public String file() {
        return file;
    }

    /**
     * @param problem what is wrong
     * @return an error naming the file, this node's line and its key
     */
    public InputDataException error(String problem) {
        return new InputDataException(file, line, null, (path.isEmpty() ? "" : "key '" + path + "': ") + problem);
    }

    /**
     * @return the entries of a map
     * @throws InputDataException when this is not a map
     */
    public Map<String, YamlNode> entries() {
        if (kind != Kind.MAP) {
            throw error("expected keys and values, found " + describe());
        }
        return entries;
    }

    /**
     * @return the items of a list (a single scalar as a list of one)
     * @throws InputDataException when this is a map or null
     */
    public List<YamlNode> items() {
        if (kind == Kind.SCALAR) {
            return List.of(this);
        }
        if (kind != Kind.LIST) {
            throw error("expected a list, found " + describe());
        }
        return items;
    }

    /**
     * @return a scalar's text
     * @throws InputDataException when this is not a single value
     */
    public String text() {
        if (kind != Kind.SCALAR) {
            throw error("expected a single value, found " + describe());
        }
        return text;
    }

    /**
     * @param key a key of this map
     * @return its value, when present and not null
     */
    public Optional<YamlNode> get(String key) {
        YamlNode n = entries().get(key);
        return n == null || n.kind == Kind.NULL ? Optional.empty() : Optional.of(n);
    }

    /**
     * Refuses keys that are not among those allowed, suggesting the nearest one.
     *
     * @param allowed the keys this map may have
     * @throws InputDataException naming the first other key, its line and the allowed keys
     */
    public void allowOnly(Collection<String> allowed) {
        for (YamlNode n : entries().values()) {
            String key = n.path.substring(n.path.lastIndexOf('.') + 1);
            if (!allowed.contains(key)) {
                throw n.error("unknown key" + NearestName.didYouMean(key, allowed) + "; expected one of "
                        + String.join(", ", allowed));
            }
        }
    }

    /**
     * @return a whole number
     * @throws InputDataException when the value is not one
     */
    public long integer() {
        String t = text();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("'" + t + "' is not a whole number");
        }
    }

    /**
     * @return a number, parsed strictly (plain decimals)
     * @throws InputDataException when the value is not one
     */
    public double number() {
        String t = text();
        double v = dev.scorecard.core.internal.StrictNumberParser.parse(t);
        if (Double.isNaN(v)) {
            throw error("'" + t + "' is not a number");
        }
        return v;
    }

    private String describe() {
        return switch (kind) {
            case MAP -> "keys and values";
            case LIST -> "a list";
            case SCALAR -> "'" + text + "'";
            case NULL -> "nothing";
        };
    }
}
