package dev.scorecard.core.model.json;

import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.Provenance;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoringRules;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.VerificationCase;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScoreDirection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ScorecardModel} as {@code model.json} (SPEC §6), by hand on Jackson's streaming
 * generator: no data binding, no reflection, no timestamps. The same model always gives the same
 * bytes.
 *
 * <h2>Layout</h2>
 * UTF-8 without a byte-order mark; LF line ends; two spaces of indentation per level; every object
 * member on its own line as {@code "name": value}; arrays of numbers or strings on one line as
 * {@code [a, b, c]}, arrays of objects with one element per line; {@code []} and {@code {}} when
 * empty; a final LF after the closing brace. Members come in the order of {@link ScorecardModel}'s
 * components, from {@code format} and {@code formatVersion} to {@code verification}, then
 * {@code checksum}. {@code baseline.candidates} is left out when the model has none (a model read
 * from a file written before candidate baselines were stored), so that such a file writes back to
 * its own bytes; a candidate's {@code elseBin} and {@code missingBin} are left out when it has no
 * such bin, and so is a characteristic's {@code missingBin} unless binning merged its missing values
 * into a regular bin (so every file written before it existed writes back to its own bytes). Strings are escaped as Jackson does by default (quote, backslash and control characters
 * only; other characters are written as UTF-8). Numbers are written with
 * {@link DoubleFormat#format(double)}, the shortest text that reads back to the same double (for
 * example {@code 8.5}, {@code 600}, {@code 1e-7}), so the text is the same on every JDK.
 *
 * <h2>What the file can hold</h2>
 * JSON has no infinities or NaN. The bounds of a numeric bin and a grade's minimum score may be
 * infinite and are then written as the strings {@code "-inf"} and {@code "inf"}. A NaN is written by
 * leaving its member out, and only where a value may be absent: a bin's {@code eventRate} (empty
 * bin), a coefficient's {@code standardError}, {@code z} and {@code pValue}, and a split's
 * {@code auc}, {@code ks} and {@code gini}. Bounds appear only on the regular bins of a numeric
 * characteristic, {@code categories} only on the regular and else bins of a categorical one,
 * {@code specialValues} only on special bins. A model with a value the file cannot hold (a NaN or
 * infinity anywhere else, bounds on a categorical bin, a null string) is refused with an
 * {@link IllegalArgumentException} naming its path rather than written differently from what it is.
 *
 * <h2>Canonical bytes and checksum</h2>
 * The <em>canonical bytes</em> of a model are what this writer produces for it with the
 * {@code checksum} member left out: the layout above, whose last three bytes are the line feed,
 * closing brace and line feed that follow the {@code verification} array. The checksum is the
 * SHA-256 of the canonical bytes, in 64 lowercase hex digits. The file is the canonical bytes with
 * {@code ,\n  "checksum": "<hex>"} inserted before those last three bytes. {@link ModelReader}
 * checks a file by writing the model it has read back to canonical bytes and hashing them: the
 * checksum protects the model's content (every number, string and order), not the file's
 * whitespace or member order, and a model that passes writes back to exactly the bytes that were
 * hashed.
 */
public final class ModelWriter {
    /** The {@code format} member of every model file. */
    public static final String FORMAT = "scorecard-model";
    /** The {@code formatVersion} this writer writes and the highest {@link ModelReader} reads. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final byte[] END = "\n}\n".getBytes(StandardCharsets.US_ASCII);

    private ModelWriter() {
    }

    /**
     * Writes the model file to a stream; the stream is flushed, not closed.
     *
     * @param model the model
     * @param out where the bytes go
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if the model holds a value the file cannot represent
     */
    public static void write(ScorecardModel model, OutputStream out) throws IOException {
        out.write(toBytes(model));
        out.flush();
    }

    /**
     * @param model the model
     * @return the bytes of its model file, checksum included
     * @throws IllegalArgumentException if the model holds a value the file cannot represent
     */
    public static byte[] toBytes(ScorecardModel model) {
        byte[] canonical = canonicalBytes(model);
        byte[] member = (",\n  \"checksum\": \"" + checksum(canonical) + "\"").getBytes(StandardCharsets.US_ASCII);
        int head = canonical.length - END.length;
        byte[] file = Arrays.copyOf(canonical, canonical.length + member.length);
        System.arraycopy(member, 0, file, head, member.length);
        System.arraycopy(END, 0, file, head + member.length, END.length);
        return file;
    }

    /**
     * @param model the model
     * @return its canonical bytes: the file without the {@code checksum} member (see the class notes)
     */
    static byte[] canonicalBytes(ScorecardModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new Layout());
            new Body(g).model(model);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; Jackson reports unwritable text (a lone surrogate) this way.
            throw new IllegalArgumentException("cannot write the model: " + e.getMessage(), e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /**
     * @param canonical canonical bytes
     * @return their SHA-256 in 64 lowercase hex digits
     */
    static String checksum(byte[] canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The members in file order, one method per object of the format. */
    private static final class Body {
        private final JsonGenerator g;

        Body(JsonGenerator g) {
            this.g = g;
        }

        void model(ScorecardModel m) throws IOException {
            g.writeStartObject();
            string("format", FORMAT, "");
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            string("name", m.name(), "");
            string("createdWith", m.createdWith(), "");
            string("target", m.target(), "");
            string("event", m.event(), "");
            if (m.nonEvent().isPresent()) {
                string("nonEvent", m.nonEvent().get(), "");
            }
            g.writeFieldName("scaling");
            g.writeStartObject();
            number("basePoints", m.scaling().basePoints(), "scaling");
            number("baseOdds", m.scaling().baseOdds(), "scaling");
            number("pdo", m.scaling().pdo(), "scaling");
            g.writeStringField("higherScoreMeans", direction(m.scaling().higherScoreMeans()));
            g.writeStringField("rounding", rounding(m.scaling().rounding()));
            g.writeBooleanField("spreadBasePoints", m.scaling().spreadBasePoints());
            g.writeEndObject();
            number("basePoints", m.basePoints(), "");
            number("intercept", m.intercept(), "");
            strings("missingValues", m.missingValues(), "");
            g.writeStringField("unseen", unseen(m.unseen()));
            g.writeArrayFieldStart("characteristics");
            for (int i = 0; i < m.characteristics().size(); i++) {
                characteristic(m.characteristics().get(i), "characteristics[" + i + "]");
            }
            g.writeEndArray();
            g.writeArrayFieldStart("coefficients");
            for (int i = 0; i < m.coefficients().size(); i++) {
                coefficient(m.coefficients().get(i), "coefficients[" + i + "]");
            }
            g.writeEndArray();
            g.writeArrayFieldStart("grades");
            for (int i = 0; i < m.grades().grades().size(); i++) {
                Grade grade = m.grades().grades().get(i);
                String path = "grades[" + i + "]";
                g.writeStartObject();
                string("name", grade.name(), path);
                bound("minScore", grade.minScore(), path);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("score10");
            numbers("scores", m.score10().scores(), "score10");
            numbers("shares", m.score10().shares(), "score10");
            g.writeEndObject();
            baseline(m.baseline());
            g.writeArrayFieldStart("metrics");
            for (int i = 0; i < m.metrics().size(); i++) {
                metrics(m.metrics().get(i), "metrics[" + i + "]");
            }
            g.writeEndArray();
            provenance(m.provenance());
            g.writeArrayFieldStart("verification");
            for (int i = 0; i < m.verification().size(); i++) {
                verification(m.verification().get(i), "verification[" + i + "]");
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void characteristic(Characteristic c, String path) throws IOException {
            g.writeStartObject();
            string("name", c.name(), path);
            g.writeStringField("type", type(c.type()));
            number("coefficient", c.coefficient(), path);
            number("neutralPoints", c.neutralPoints(), path);
            if (c.missingBin().isPresent()) {
                g.writeNumberField("missingBin", c.missingBin().getAsInt());
            }
            g.writeArrayFieldStart("bins");
            for (int i = 0; i < c.bins().size(); i++) {
                bin(c.type(), c.bins().get(i), path + ".bins[" + i + "]");
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void bin(VariableType type, ModelBin b, String path) throws IOException {
            boolean bounded = ScoringRules.hasBounds(type, b.kind());
            boolean grouped = ScoringRules.hasCategories(type, b.kind());
            boolean special = ScoringRules.hasSpecialValues(b.kind());
            if (!bounded && !(Double.isNaN(b.lower()) && Double.isNaN(b.upper()))) {
                throw new IllegalArgumentException(path + ": " + ScoringRules.BOUNDS_RULE + "; this one has lower " + b.lower() + " and upper " + b.upper() + " (expected NaN)");
            }
            if (!grouped && !b.categories().isEmpty()) {
                throw new IllegalArgumentException(path + ": " + ScoringRules.CATEGORIES_RULE + "; this one has "
                        + b.categories());
            }
            if (!special && !b.specialValues().isEmpty()) {
                throw new IllegalArgumentException(path + ": " + ScoringRules.SPECIAL_VALUES_RULE + "; this one has "
                        + b.specialValues());
            }
            g.writeStartObject();
            string("label", b.label(), path);
            g.writeStringField("kind", kind(b.kind()));
            if (bounded) {
                bound("lower", b.lower(), path);
                bound("upper", b.upper(), path);
            }
            if (grouped) {
                strings("categories", b.categories(), path);
            }
            if (special) {
                numbers("specialValues", b.specialValues(), path);
            }
            number("woe", b.woe(), path);
            number("points", b.points(), path);
            g.writeNumberField("count", b.count());
            optionalNumber("eventRate", b.eventRate(), path);
            g.writeEndObject();
        }

        private void coefficient(Coefficient c, String path) throws IOException {
            g.writeStartObject();
            string("name", c.name(), path);
            number("estimate", c.estimate(), path);
            optionalNumber("standardError", c.standardError(), path);
            optionalNumber("z", c.z(), path);
            optionalNumber("pValue", c.pValue(), path);
            g.writeEndObject();
        }

        private void baseline(Baseline b) throws IOException {
            g.writeObjectFieldStart("baseline");
            numbers("scoreEdges", b.scoreEdges(), "baseline");
            numbers("scoreShares", b.scoreShares(), "baseline");
            g.writeArrayFieldStart("characteristics");
            for (int i = 0; i < b.characteristics().size(); i++) {
                Baseline.BinShares s = b.characteristics().get(i);
                String path = "baseline.characteristics[" + i + "]";
                g.writeStartObject();
                string("name", s.name(), path);
                numbers("shares", s.shares(), path);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (b.candidates().isPresent()) {
                g.writeArrayFieldStart("candidates");
                List<Baseline.Candidate> candidates = b.candidates().get();
                for (int i = 0; i < candidates.size(); i++) {
                    candidate(candidates.get(i), "baseline.candidates[" + i + "]");
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void candidate(Baseline.Candidate c, String path) throws IOException {
            g.writeStartObject();
            string("name", c.name(), path);
            g.writeStringField("type", type(c.type()));
            if (c.type() == VariableType.NUMERIC) {
                numbers("cuts", c.cuts(), path);
                g.writeArrayFieldStart("specialValues");
                for (int i = 0; i < c.specialValues().size(); i++) {
                    numbers(null, c.specialValues().get(i), at(path, "specialValues") + "[" + i + "]");
                }
                g.writeEndArray();
            } else {
                g.writeArrayFieldStart("categories");
                for (int i = 0; i < c.categories().size(); i++) {
                    strings(null, c.categories().get(i), at(path, "categories") + "[" + i + "]");
                }
                g.writeEndArray();
                if (c.elseBin() >= 0) {
                    g.writeNumberField("elseBin", c.elseBin());
                }
            }
            if (c.missingBin() >= 0) {
                g.writeNumberField("missingBin", c.missingBin());
            }
            strings("labels", c.labels(), path);
            numbers("shares", c.shares(), path);
            g.writeEndObject();
        }

        private void metrics(SplitMetrics s, String path) throws IOException {
            g.writeStartObject();
            string("split", s.split(), path);
            g.writeNumberField("rows", s.rows());
            g.writeNumberField("events", s.events());
            optionalNumber("auc", s.auc(), path);
            optionalNumber("ks", s.ks(), path);
            optionalNumber("gini", s.gini(), path);
            g.writeEndObject();
        }

        private void provenance(Provenance p) throws IOException {
            String path = "provenance";
            g.writeObjectFieldStart(path);
            string("dataFile", p.dataFile(), path);
            string("dataSha256", p.dataSha256(), path);
            g.writeNumberField("rowsRead", p.rowsRead());
            g.writeNumberField("rowsRejected", p.rowsRejected());
            g.writeNumberField("trainRows", p.trainRows());
            g.writeNumberField("testRows", p.testRows());
            string("split", p.split(), path);
            g.writeNumberField("seed", p.seed());
            string("config", p.config(), path);
            g.writeEndObject();
        }

        private void verification(VerificationCase v, String path) throws IOException {
            g.writeStartObject();
            g.writeObjectFieldStart("inputs");
            for (Map.Entry<String, String> e : v.inputs().entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException(path + ".inputs: an input has no name");
                }
                g.writeFieldName(e.getKey());
                if (e.getValue() == null) {
                    g.writeNull();
                } else {
                    g.writeString(e.getValue());
                }
            }
            g.writeEndObject();
            numbers("points", v.points(), path);
            number("score", v.score(), path);
            number("probability", v.probability(), path);
            string("grade", v.grade(), path);
            strings("reasons", v.reasons(), path);
            g.writeEndObject();
        }

        private void string(String field, String value, String path) throws IOException {
            if (value == null) {
                throw new IllegalArgumentException(at(path, field) + " is null; the file needs a string here");
            }
            g.writeStringField(field, value);
        }

        /** An array of strings; {@code field} null for an element of an enclosing array, {@code path} then its own. */
        private void strings(String field, List<String> values, String path) throws IOException {
            if (field == null) {
                g.writeStartArray();
            } else {
                g.writeArrayFieldStart(field);
            }
            String where = field == null ? path : at(path, field);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    throw new IllegalArgumentException(where + "[" + i + "] is null; the file needs a string here");
                }
                g.writeString(values.get(i));
            }
            g.writeEndArray();
        }

        private void number(String field, double value, String path) throws IOException {
            g.writeFieldName(field);
            finite(value, at(path, field));
        }

        private void optionalNumber(String field, double value, String path) throws IOException {
            if (!Double.isNaN(value)) {
                number(field, value, path);
            }
        }

        private void bound(String field, double value, String path) throws IOException {
            g.writeFieldName(field);
            if (Double.isInfinite(value)) {
                g.writeString(value > 0 ? "inf" : "-inf");
            } else {
                finite(value, at(path, field));
            }
        }

        /** An array of numbers; {@code field} null for an element of an enclosing array, {@code path} then its own. */
        private void numbers(String field, List<Double> values, String path) throws IOException {
            if (field == null) {
                g.writeStartArray();
            } else {
                g.writeArrayFieldStart(field);
            }
            String where = field == null ? path : at(path, field);
            for (int i = 0; i < values.size(); i++) {
                finite(values.get(i), where + "[" + i + "]");
            }
            g.writeEndArray();
        }

        private void numbers(String field, double[] values, String path) throws IOException {
            g.writeArrayFieldStart(field);
            for (int i = 0; i < values.length; i++) {
                finite(values[i], at(path, field) + "[" + i + "]");
            }
            g.writeEndArray();
        }

        private void finite(Double value, String where) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(where + " is " + value + "; the file holds only finite numbers here");
            }
            g.writeNumber(DoubleFormat.format(value));
        }

        private static String at(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }
    }

    static String type(VariableType type) {
        return switch (type) {
            case NUMERIC -> "numeric";
            case CATEGORICAL -> "categorical";
        };
    }

    static String kind(BinKind kind) {
        return switch (kind) {
            case REGULAR -> "regular";
            case SPECIAL -> "special";
            case MISSING -> "missing";
            case ELSE -> "else";
        };
    }

    static String direction(ScoreDirection direction) {
        return direction.configName();
    }

    static String rounding(Rounding rounding) {
        return rounding.configName();
    }

    static String unseen(UnseenPolicy unseen) {
        return unseen.configName();
    }

    /**
     * The layout of the class notes as a Jackson pretty printer. An array is laid out on one line
     * unless its first element is an object or array; the generator calls {@link #beforeArrayValues}
     * before it knows which, so the choice is made when the first element starts.
     */
    private static final class Layout implements PrettyPrinter {
        private enum Open { OBJECT, ARRAY_EMPTY, ARRAY_INLINE, ARRAY_EXPANDED }

        private final Deque<Open> open = new ArrayDeque<>();
        private int indent;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < indent; i++) {
                g.writeRaw("  ");
            }
        }

        /** A container starts: if it is the first element of an array, that array is expanded. */
        private void containerStarts(JsonGenerator g) throws IOException {
            if (open.peek() == Open.ARRAY_EMPTY) {
                open.pop();
                open.push(Open.ARRAY_EXPANDED);
                indent++;
                newline(g);
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            containerStarts(g);
            open.push(Open.OBJECT);
            g.writeRaw('{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            indent++;
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            open.pop();
            if (entries > 0) {
                indent--;
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            containerStarts(g);
            open.push(Open.ARRAY_EMPTY);
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            // Decided by the first element: see containerStarts and writeArrayValueSeparator.
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            if (open.peek() == Open.ARRAY_EXPANDED) {
                g.writeRaw(',');
                newline(g);
            } else {
                open.pop();
                open.push(Open.ARRAY_INLINE);
                g.writeRaw(", ");
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (open.pop() == Open.ARRAY_EXPANDED) {
                indent--;
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
