package dev.scorecard.train.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.load.CsvDialect;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration as canonical JSON text, recorded in a model's provenance: fixed key
 * order, doubles in shortest round-trip form, so the same config gives the same bytes on every JDK.
 */
public final class ConfigJson {
    private ConfigJson() {
    }

    /** @return the config as one line of canonical JSON */
    public static String canonical(ScorecardConfig c) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("target", c.target().orElse(""));
            g.writeStringField("positive", c.positive().orElse(""));
            g.writeStringField("delimiter", c.delimiter().map(String::valueOf).orElse(""));
            g.writeFieldName("missingValues");
            strings(g, c.missingValues().orElse(List.of()));
            g.writeFieldName("types");
            g.writeStartObject();
            for (var e : c.types().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue().configName());
            }
            g.writeEndObject();
            g.writeFieldName("exclude");
            strings(g, List.copyOf(c.exclude()));
            g.writeFieldName("id");
            strings(g, List.copyOf(c.id()));
            g.writeFieldName("specialValues");
            g.writeStartObject();
            for (var e : c.specialValues().entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeStartArray();
                for (List<Double> group : e.getValue()) {
                    numbers(g, group);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeFieldName("binning");
            binning(g, c.binning());
            g.writeFieldName("variables");
            g.writeStartObject();
            for (Map.Entry<String, BinningOptions> e : c.variables().entrySet()) {
                g.writeFieldName(e.getKey());
                binning(g, e.getValue());
            }
            g.writeEndObject();
            TrainingConfig t = c.training();
            g.writeStringField("name", t.name().orElse(""));
            num(g, "split", t.split());
            g.writeNumberField("seed", t.seed());
            g.writeStringField("timeColumn", t.timeColumn().orElse(""));
            g.writeStringField("ootFrom", t.ootFrom().orElse(""));
            var s = t.selection();
            g.writeObjectFieldStart("selection");
            num(g, "maxMissingShare", s.maxMissingShare());
            num(g, "maxModeShare", s.maxModeShare());
            num(g, "minIv", s.minIv());
            num(g, "maxIv", s.maxIv());
            g.writeBooleanField("dropSuspicious", s.dropSuspicious());
            num(g, "maxCorrelation", s.maxCorrelation());
            num(g, "maxVif", s.maxVif());
            g.writeStringField("stepwise", s.stepwise().configName());
            g.writeStringField("criterion", s.criterion().configName());
            num(g, "pEnter", s.pEnter());
            num(g, "pRemove", s.pRemove());
            g.writeBooleanField("requirePositiveCoefficients", s.requirePositiveCoefficients());
            g.writeEndObject();
            g.writeObjectFieldStart("regression");
            num(g, "l2", t.regression().l2());
            g.writeNumberField("maxIterations", t.regression().maxIterations());
            num(g, "tolerance", t.regression().tolerance());
            g.writeEndObject();
            var sc = t.scaling();
            g.writeObjectFieldStart("scaling");
            num(g, "basePoints", sc.basePoints());
            num(g, "baseOdds", sc.baseOdds());
            num(g, "pdo", sc.pdo());
            g.writeStringField("higherScoreMeans", sc.higherScoreMeans().configName());
            g.writeStringField("rounding", sc.rounding().configName());
            g.writeBooleanField("spreadBasePoints", sc.spreadBasePoints());
            g.writeEndObject();
            g.writeObjectFieldStart("grades");
            g.writeFieldName("names");
            strings(g, t.gradeNames());
            g.writeFieldName("shares");
            numbers(g, t.gradeShares());
            g.writeFieldName("cutoffs");
            numbers(g, t.gradeCutoffs());
            g.writeEndObject();
            g.writeStringField("unseen", t.unseen().configName());
            // Written only when not the default, so that every model trained before these keys (and every
            // one trained without them since) keeps its bytes; absent reads as the default.
            CsvDialect d = c.dialect();
            if (!d.header()) {
                g.writeBooleanField("header", false);
                g.writeFieldName("names");
                strings(g, d.names());
            }
            if (d.trim()) {
                g.writeBooleanField("trim", true);
            }
            // Written only when on, so that every model trained without CV keeps the bytes it had.
            if (t.cv().enabled()) {
                g.writeObjectFieldStart("cv");
                g.writeNumberField("folds", t.cv().folds());
                g.writeFieldName("minBinShare");
                numbers(g, t.cv().minBinShare());
                g.writeFieldName("l2");
                numbers(g, t.cv().l2());
                g.writeFieldName("maxCorrelation");
                numbers(g, t.cv().maxCorrelation());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @param canonicalJson a config as {@link #canonical} wrote it (a model's provenance)
     * @return how the training file was read: {@code header}, {@code names} and {@code trim}, each the
     *     default when absent (every model trained before these keys existed)
     */
    public static CsvDialect dialect(String canonicalJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(canonicalJson);
        } catch (JsonProcessingException e) {
            return CsvDialect.DEFAULT; // not ours to refuse here: the model loaded, its config is a record
        }
        if (root == null || !root.isObject()) {
            return CsvDialect.DEFAULT;
        }
        boolean header = !root.has("header") || root.get("header").asBoolean(true);
        List<String> names = new ArrayList<>();
        if (root.has("names")) {
            root.get("names").forEach(n -> names.add(n.asText()));
        }
        boolean trim = root.has("trim") && root.get("trim").asBoolean(false);
        return header || names.isEmpty() ? new CsvDialect(true, List.of(), trim) : new CsvDialect(false, names, trim);
    }

    private static void binning(JsonGenerator g, BinningOptions o) throws IOException {
        g.writeStartObject();
        g.writeStringField("method", o.method().configName());
        g.writeNumberField("maxPrebins", o.maxPrebins());
        num(g, "minBinShare", o.minBinShare());
        g.writeNumberField("minBinEvents", o.minBinEvents());
        g.writeNumberField("minBinNonEvents", o.minBinNonEvents());
        g.writeNumberField("maxBins", o.maxBins());
        g.writeStringField("monotonic", o.monotonic().configName());
        if (!Double.isNaN(o.chiThreshold())) {
            num(g, "chiThreshold", o.chiThreshold());
        }
        g.writeNumberField("bins", o.bins());
        num(g, "minLevelShare", o.minLevelShare());
        g.writeStringField("missing", o.missing().configName());
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(DoubleFormat.format(v));
    }

    private static void numbers(JsonGenerator g, List<Double> values) throws IOException {
        g.writeStartArray();
        for (double v : values) {
            g.writeNumber(DoubleFormat.format(v));
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
