package dev.scorecard.train.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.internal.DoubleFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bins file: {@code {"breaks": {"age": [25, 35, 50], "purpose": [["car", "furniture"], ["else"]]}}}.
 * A flat list of numbers is a numeric variable's cut points; a list of lists is a categorical
 * variable's groups of levels, where {@code else} stands for every level not listed. JSON, or YAML
 * when the file name does not end in {@code .json}. {@link #write} produces exactly what
 * {@link #read} accepts.
 */
public final class BinsFile {
    private BinsFile() {
    }

    /**
     * @param file a JSON or YAML bins file
     * @return the breaks it defines
     * @throws InputDataException naming the file and the variable for anything invalid
     */
    public static BinsSpec read(Path file) {
        String name = file.toString();
        JsonNode root;
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                .maxStringLength(1_000_000).maxNumberLength(64).build());
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper(factory).readTree(in);
        } catch (NoSuchFileException e) {
            throw new InputDataException(name, 0, null, "bins file not found");
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputDataException(name, line, null, "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputDataException(name, 0, null, "cannot read bins file: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("breaks") || !root.get("breaks").isObject()) {
            throw new InputDataException(name, 0, null, "expected a mapping with the key 'breaks', e.g. "
                    + "{\"breaks\": {\"age\": [25, 35, 50]}}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!key.equals("breaks")) {
                throw new InputDataException(name, 0, null, "unknown key '" + key + "'; a bins file has only 'breaks'");
            }
        }
        Map<String, VariableBreaks> breaks = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("breaks").properties()) {
            try {
                breaks.put(e.getKey(), variable(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new InputDataException(name, 0, null, "variable '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return new BinsSpec(breaks);
    }

    private static VariableBreaks variable(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a list of cut points or a list of groups");
        }
        boolean groups = node.size() > 0 && node.get(0).isArray();
        if (!groups) {
            List<Double> cuts = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isNumber()) {
                    throw new IllegalArgumentException("cut point '" + n.asText() + "' is not a number "
                            + "(a categorical variable takes a list of groups: [[a, b], [c]])");
                }
                cuts.add(n.doubleValue());
            }
            return new VariableBreaks.Numeric(cuts);
        }
        List<List<String>> out = new ArrayList<>();
        for (JsonNode g : node) {
            if (!g.isArray()) {
                throw new IllegalArgumentException("mixes groups and single values; every group must be a list");
            }
            List<String> levels = new ArrayList<>();
            for (JsonNode n : g) {
                if (!n.isValueNode() || n.isNull()) {
                    throw new IllegalArgumentException("a level must be a single value");
                }
                levels.add(n.asText());
            }
            out.add(levels);
        }
        return new VariableBreaks.Categorical(out);
    }

    /**
     * Writes breaks as JSON, one cut-point list per line and one group per line, doubles in shortest
     * round-trip form.
     *
     * @param breaks the breaks per variable, in the order to write
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public static void write(Map<String, VariableBreaks> breaks, Writer out) throws IOException {
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultPrettyPrinter.FixedSpaceIndenter());
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeFieldName("breaks");
            g.writeStartObject();
            for (Map.Entry<String, VariableBreaks> e : breaks.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeStartArray();
                if (e.getValue() instanceof VariableBreaks.Numeric n) {
                    for (double c : n.cuts()) {
                        g.writeNumber(DoubleFormat.format(c));
                    }
                } else {
                    for (List<String> group : ((VariableBreaks.Categorical) e.getValue()).groups()) {
                        g.writeStartArray();
                        for (String level : group) {
                            g.writeString(level);
                        }
                        g.writeEndArray();
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
    }
}
