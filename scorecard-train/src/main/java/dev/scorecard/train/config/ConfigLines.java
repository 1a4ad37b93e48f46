package dev.scorecard.train.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a config file is: the line of every key by its dotted path ({@code binning},
 * {@code binning.maxBins}, {@code types.zip}), and of the document itself under {@code ""}. Jackson's
 * tree has no locations, so this is a second, streaming pass over the same bytes; config files are
 * small. Items of a list share their key's line, which is enough to find them.
 */
final class ConfigLines {
    private final Map<String, Integer> lines;

    private ConfigLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /**
     * @param yaml the file's bytes, already known to parse
     * @return the line of every key
     * @throws IOException when the bytes do not parse after all
     */
    static ConfigLines of(byte[] yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            if (p.nextToken() != null) {
                lines.put("", p.currentTokenLocation().getLineNr());
                value(p, "", lines);
            }
        }
        return new ConfigLines(lines);
    }

    private static void value(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                // The first occurrence: the tree keeps the last, but a key given twice is rare and
                // either line leads the user to it.
                lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
                p.nextToken();
                value(p, key, lines);
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, path, lines);
            }
        }
    }

    /** @return the 1-based line of the key, or 0 when it is not in the file */
    long of(String key) {
        Integer line = lines.get(key);
        return line == null ? 0 : line;
    }

    /** @return true when the file has this key */
    boolean has(String key) {
        return lines.containsKey(key);
    }
}
