package dev.scorecard.train.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.internal.ConfigNames;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.internal.ProbabilityFormat;
import dev.scorecard.core.model.ScoringRules;
import dev.scorecard.train.io.KeepOpen;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.load.Dash;
import dev.scorecard.train.io.BackgroundOutputStream;
import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * What {@code scorecard score} does: stream a CSV through a model, row by row in constant memory,
 * keeping input order; rows that cannot be scored go to the rejects file with line and reason, and
 * input rows = scored rows + rejected rows. The scores and the rejects file are one output set
 * ({@link OutputSet}): they appear together or not at all, and a run without rejects removes an
 * earlier run's rejects file. When the rejects exceed the allowed share the set holds the rejects
 * alone. The input may be standard input ({@code -}), read once; the scores may go to standard
 * output ({@code -}), streamed as they are made.
 */
public final class ScoreWorkflow {
    /** Output formats. */
    public enum Format {
        /** Comma-separated with a header. */
        CSV("csv"),
        /** One JSON object per line. */
        JSONL("jsonl");

        private final String configName;

        Format(String configName) {
            this.configName = configName;
        }

        /** @return the command-line spelling */
        public String configName() {
            return configName;
        }

        /**
         * @param text {@code csv} or {@code jsonl}
         * @return the format
         */
        public static Format fromConfig(String text) {
            return ConfigNames.parse("format", values(), Format::configName, text);
        }
    }

    /**
     * @param model the model file
     * @param data the CSV to score
     * @param out the output file
     * @param id identifier columns copied first into the output
     * @param keep other input columns copied last into the output
     * @param reasons reason codes per row
     * @param reasonBaseline what points lost are measured from
     * @param format output format
     * @param points add a {@code points_<characteristic>} column per characteristic: the points the
     *     score adds up
     * @param woe add a {@code woe_<characteristic>} column per characteristic: the WOE of the row's bin
     * @param rejectsFile where rejected rows go (default {@code <out>.rejects.csv})
     * @param maxRejectShare the run fails when more rows than this share are rejected
     * @param ignoreChecksum load a model whose checksum does not match
     * @param delimiter the input delimiter, or empty to detect it
     * @param encoding the input's encoding when it has no byte order mark
     * @param dialect {@code --no-header}, {@code --names}, {@code --trim}; what they leave open, as the model was trained
     */
    public record Request(Path model, Path data, Path out, List<String> id, List<String> keep, int reasons,
            ReasonBaseline reasonBaseline, Format format, boolean points, boolean woe,
            Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum, Optional<Character> delimiter,
            Charset encoding, InputDialect dialect) {
        /** Validates the request. */
        public Request {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(reasonBaseline, "reasonBaseline");
            id = List.copyOf(id);
            keep = List.copyOf(keep);
            if (reasons < 0 || reasons > 100) {
                throw new IllegalArgumentException("--reasons: " + reasons + " is out of range; expected 0 to 100");
            }
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** A request that reads the file as the model's training file was read (header, trimming). */
        public Request(Path model, Path data, Path out, List<String> id, List<String> keep, int reasons,
                ReasonBaseline reasonBaseline, Format format, boolean points, boolean woe,
                Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum, Optional<Character> delimiter,
                Charset encoding) {
            this(model, data, out, id, keep, reasons, reasonBaseline, format, points, woe, rejectsFile, maxRejectShare,
                    ignoreChecksum, delimiter, encoding, InputDialect.AS_TRAINED);
        }
    }

    /**
     * @param rows data rows read
     * @param scored rows scored
     * @param rejected rows rejected
     * @param rejectsFile the rejects file, when rows were rejected
     */
    public record Outcome(long rows, long scored, long rejected, Optional<Path> rejectsFile) {
    }

    private ScoreWorkflow() {
    }

    /**
     * @param request what to score
     * @param progress told the number of rows read so far, every 16,384 rows
     * @return the counts
     */
    public static Outcome run(Request request, LongConsumer progress) {
        return Outputs.commitAfter(members(request), set -> run(request, progress, set));
    }

    /** @return the files a run of {@code request} writes: the scores (unless on standard output) and the rejects file */
    public static List<Path> members(Request request) {
        return Dash.is(request.out()) ? List.of(rejectsPath(request)) : List.of(request.out(), rejectsPath(request));
    }

    /**
     * Scores into a set the caller commits, with other outputs of its own (as {@code demo} does).
     *
     * @param set an open set holding {@link #members(Request)}
     * @return the counts
     */
    public static Outcome run(Request request, LongConsumer progress, OutputSet set) {
        Scorecard scorecard = Scorecard.load(ModelFolder.tidied(request.model()), !request.ignoreChecksum());
        Detail detail = Detail.of(request, scorecard);
        List<ScoringPass.TextColumn> texts = new ArrayList<>();
        request.id().forEach(c -> texts.add(new ScoringPass.TextColumn(c, "--id")));
        request.keep().forEach(c -> texts.add(new ScoringPass.TextColumn(c, "--keep")));
        boolean toStdout = Dash.is(request.out());
        Path rejectsPath = rejectsPath(request);
        long rows;
        long scored;
        long rejected;
        Optional<Path> rejectsFile;
        String advice;
        try (ScoringPass pass = ScoringPass.open(scorecard, request.data(), request.delimiter(), request.encoding(),
                request.dialect(), texts,
                request.reasons(), request.reasonBaseline(), progress, set, rejectsPath)) {
            // Copying the output into the operating system overlaps with scoring the next rows.
            try (OutputStream file = toStdout ? new KeepOpen(System.out) : set.open(request.out());
                    BackgroundOutputStream stream = new BackgroundOutputStream(file)) {
                writeRows(pass, request, scorecard, detail, stream);
            }
            rows = pass.rows();
            scored = pass.scored();
            rejected = pass.rejected();
            rejectsFile = pass.rejectsFile();
            advice = pass.encodingAdvice();
        } catch (IOException e) {
            throw new InputDataException(toStdout ? "standard output" : request.out().toString(), 0, null,
                    "cannot write: " + e.getMessage());
        }
        if (rows > 0 && (double) rejected / rows > request.maxRejectShare()) {
            // The run's set is then its rejects alone: scores of an earlier run are not left beside them.
            discard(set, request.out(), toStdout);
            Outputs.commit(set);
            throw new InputDataException(request.data().toString(), 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be scored, over --max-reject-share %s; %s; see %s%s",
                    rejected, rows, 100.0 * rejected / rows, DoubleFormat.format(request.maxRejectShare()),
                    toStdout ? "the scores already written to standard output are incomplete"
                            : "nothing was written to " + request.out(),
                    rejectsFile.orElseThrow(), advice));
        }
        return new Outcome(rows, scored, rejected, rejectsFile);
    }

    private static void discard(OutputSet set, Path out, boolean toStdout) {
        if (toStdout) {
            return;
        }
        try {
            set.discard(out);
        } catch (IOException e) {
            // the temporary file goes on close, or with the next run
        }
    }

    /** Scores every row of the pass into {@code stream}, in input order. */
    private static void writeRows(ScoringPass pass, Request request, Scorecard scorecard, Detail detail,
            OutputStream stream) throws IOException {
        RowWriter out = request.format() == Format.CSV
                ? new CsvRowWriter(stream, request, request.reasons(), detail) : new JsonRowWriter(stream, request, detail);
        int ids = request.id().size();
        String[] idValues = new String[ids];
        String[] keepValues = new String[request.keep().size()];
        // Each row is scored as soon as it is parsed. (Handing rows to a second thread, or splitting
        // the file between two, was measured slower here.)
        rows:
        while (pass.next()) {
            for (int i = 0; i < ids; i++) {
                idValues[i] = pass.text(i);
                if (idValues[i].isBlank()) {
                    // An output row without its id could not be joined back to the lead.
                    pass.reject("id column '" + request.id().get(i) + "' is empty");
                    continue rows;
                }
            }
            for (int i = 0; i < keepValues.length; i++) {
                keepValues[i] = pass.text(ids + i);
            }
            ScoreBuffer r = pass.result();
            out.write(idValues, keepValues, r, scorecard.model().score10().score10(r.score()));
        }
        out.finish();
        stream.flush();
    }

    private static Path rejectsPath(Request request) {
        return request.rejectsFile().orElse(defaultRejectsFile(request.out()));
    }

    /**
     * @param out the scores file, or {@code -} for standard output
     * @return where rejected rows go when no rejects file is given: {@code <out>.rejects.csv} beside
     *     it, or {@value #STDOUT_REJECTS} in the working folder for standard output
     */
    public static Path defaultRejectsFile(Path out) {
        if (Dash.is(out)) {
            return Path.of(STDOUT_REJECTS);
        }
        return out.resolveSibling(out.getFileName() + ".rejects.csv");
    }

    /** Where rejected rows go when the scores go to standard output and no rejects file is given. */
    public static final String STDOUT_REJECTS = "score.rejects.csv";

    /**
     * The per-characteristic columns a request adds ({@code --points}, {@code --woe}): their names, in
     * model order, empty when not asked for, and each characteristic's number of bins.
     */
    private record Detail(List<String> points, List<String> woe, int[] bins) {
        static Detail of(Request request, Scorecard scorecard) {
            refuseFixedNames(request);
            List<String> names = scorecard.characteristicNames();
            List<String> points = List.of();
            List<String> woe = List.of();
            if (request.points()) {
                points = prefixed(POINTS_PREFIX, names);
                refuseCollisions(request, names, points, "--points");
            }
            if (request.woe()) {
                woe = prefixed(WOE_PREFIX, names);
                refuseCollisions(request, names, woe, "--woe");
            }
            int[] bins = scorecard.model().characteristics().stream().mapToInt(c -> c.bins().size()).toArray();
            return new Detail(points, woe, bins);
        }

        private static List<String> prefixed(String prefix, List<String> names) {
            return names.stream().map(n -> prefix + n).toList();
        }

        /**
         * Refuses an {@code --id} or {@code --keep} column named like a column {@code score} always
         * writes ({@code score}, {@code grade}, {@code reason1}, ...): a file with two columns of one
         * name (or a JSON line with two keys) cannot be read back unambiguously. The same input column
         * under both {@code --id} and {@code --keep} is the user's choice and stays allowed.
         */
        private static void refuseFixedNames(Request request) {
            List<String> fixed = new ArrayList<>(List.of("score", "probability", "score10", "grade", "warnings"));
            if (request.format() == Format.JSONL) {
                fixed.add("reasons");
            } else {
                for (int i = 1; i <= request.reasons(); i++) {
                    fixed.add("reason" + i);
                }
            }
            for (String role : List.of("--id", "--keep")) {
                for (String column : role.equals("--id") ? request.id() : request.keep()) {
                    if (fixed.contains(column)) {
                        throw new IllegalArgumentException(role + ": column '" + column + "' has the name of a column score"
                                + " writes; an output cannot have two columns of one name: rename the input column or"
                                + " leave it out of " + role);
                    }
                }
            }
        }

        /** Refuses an {@code --id} or {@code --keep} column named like one of these output columns. */
        private static void refuseCollisions(Request request, List<String> characteristics, List<String> columns,
                String option) {
            for (int k = 0; k < columns.size(); k++) {
                String column = columns.get(k);
                String role = request.id().contains(column) ? "--id" : request.keep().contains(column) ? "--keep" : null;
                if (role != null) {
                    throw new IllegalArgumentException(role + ": column '" + column + "' has the name of the " + option
                            + " column of characteristic '" + characteristics.get(k) + "'; an output cannot have two"
                            + " columns of one name: rename the input column or leave it out of " + role);
                }
            }
        }
    }

    /** Prefix of the {@code --points} columns: {@code points_<characteristic>}. */
    private static final String POINTS_PREFIX = "points_";
    /** Prefix of the {@code --woe} columns: {@code woe_<characteristic>}. */
    private static final String WOE_PREFIX = "woe_";

    /**
     * The text of each characteristic's points or WOE, formatted once per bin and reused: a model
     * has a few values per characteristic and a file millions of rows, and {@link DoubleFormat}
     * (the score's formatter) allocates for a fraction. A slot also keeps its value and formats again
     * if a row brings another, so the text is always that of the value given.
     */
    private static final class BinTexts<T> {
        private final Function<String, T> encode;
        private final int[] bins;
        private final Object[][] texts;
        private final double[][] values;

        BinTexts(int[] bins, Function<String, T> encode) {
            this.encode = encode;
            this.bins = bins;
            this.texts = new Object[bins.length][];
            this.values = new double[bins.length][];
            for (int k = 0; k < bins.length; k++) {
                texts[k] = new Object[bins[k] + 2]; // the bins, then the two neutral cases
                values[k] = new double[bins[k] + 2];
            }
        }

        /**
         * @param k a characteristic
         * @param bin the row's bin ({@link ScoreBuffer#bin})
         * @param value the row's points or WOE in it
         * @return the value's text, as {@link DoubleFormat#format} writes it, encoded
         */
        @SuppressWarnings("unchecked")
        T text(int k, int bin, double value) {
            int slot = bin == ScoreBuffer.NEUTRAL_MISSING ? bins[k] : bin == ScoreBuffer.NEUTRAL_UNSEEN ? bins[k] + 1 : bin;
            Object t = texts[k][slot];
            if (t == null || Double.doubleToRawLongBits(values[k][slot]) != Double.doubleToRawLongBits(value)) {
                t = encode.apply(DoubleFormat.format(value));
                texts[k][slot] = t;
                values[k][slot] = value;
            }
            return (T) t;
        }
    }

    private interface RowWriter {
        void write(String[] ids, String[] keeps, ScoreBuffer r, double score10) throws IOException;

        void finish() throws IOException;
    }

    /**
     * Writes RFC 4180 rows as bytes ({@link CsvByteWriter}): numbers and grades need no quoting, and
     * grades and reason texts, which come from a small fixed set, are escaped and encoded once and
     * then reused by identity, so the per-row cost is copying bytes; ids, kept columns and warnings
     * are escaped as they come.
     */
    private static final class CsvRowWriter implements RowWriter {
        private final CsvByteWriter w;
        private final int reasons;
        private final Map<String, byte[]> encoded = new IdentityHashMap<>();
        private final int pointsColumns;
        private final int woeColumns;
        private final BinTexts<byte[]> points;
        private final BinTexts<byte[]> woe;

        CsvRowWriter(OutputStream out, Request request, int reasons, Detail detail) throws IOException {
            this.w = new CsvByteWriter(out);
            this.reasons = reasons;
            this.pointsColumns = detail.points.size();
            this.woeColumns = detail.woe.size();
            this.points = new BinTexts<>(detail.bins, CsvByteWriter::encodeField);
            this.woe = new BinTexts<>(detail.bins, CsvByteWriter::encodeField);
            List<String> head = new ArrayList<>(request.id());
            head.addAll(List.of("score", "probability", "score10", "grade"));
            for (int i = 1; i <= reasons; i++) {
                head.add("reason" + i);
            }
            head.add("warnings");
            head.addAll(detail.points);
            head.addAll(detail.woe);
            head.addAll(request.keep());
            w.row(head);
        }

        @Override
        public void write(String[] ids, String[] keeps, ScoreBuffer r, double score10) throws IOException {
            for (String id : ids) {
                w.field(id);
                w.comma();
            }
            w.number(r.score());
            w.comma();
            w.probability(r.probability());
            w.comma();
            w.oneDecimal(score10);
            w.comma();
            w.raw(encoded.computeIfAbsent(r.grade(), CsvByteWriter::encodeField));
            w.comma();
            for (int i = 0; i < reasons; i++) {
                if (i < r.reasonCount()) {
                    w.raw(encoded.computeIfAbsent(r.reason(i), CsvByteWriter::encodeField));
                }
                w.comma();
            }
            if (!r.warnings().isEmpty()) {
                w.field(String.join(ScoringRules.WARNING_SEPARATOR, r.warnings()));
            }
            for (int k = 0; k < pointsColumns; k++) {
                w.comma();
                w.raw(points.text(k, r.bin(k), r.points(k)));
            }
            for (int k = 0; k < woeColumns; k++) {
                w.comma();
                w.raw(woe.text(k, r.bin(k), r.woe(k)));
            }
            for (String k : keeps) {
                w.comma();
                w.field(k);
            }
            w.endRow();
        }

        @Override
        public void finish() throws IOException {
            w.flush();
        }
    }

    private static final class JsonRowWriter implements RowWriter {
        private final JsonGenerator g;
        private final Request request;
        private final SerializedString[] pointsNames;
        private final SerializedString[] woeNames;
        private final BinTexts<String> points;
        private final BinTexts<String> woe;

        JsonRowWriter(OutputStream out, Request request, Detail detail) throws IOException {
            // Jackson encodes UTF-8 itself, into its own buffer.
            this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            this.g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            this.g.setRootValueSeparator(null); // one object per line, no space between them
            this.request = request;
            this.pointsNames = detail.points.stream().map(SerializedString::new).toArray(SerializedString[]::new);
            this.woeNames = detail.woe.stream().map(SerializedString::new).toArray(SerializedString[]::new);
            this.points = new BinTexts<>(detail.bins, text -> text);
            this.woe = new BinTexts<>(detail.bins, text -> text);
        }

        @Override
        public void write(String[] ids, String[] keeps, ScoreBuffer r, double score10) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < ids.length; i++) {
                g.writeStringField(request.id().get(i), ids[i]);
            }
            g.writeFieldName("score");
            g.writeNumber(DoubleFormat.format(r.score()));
            g.writeFieldName("probability");
            g.writeNumber(ProbabilityFormat.format(r.probability()));
            g.writeFieldName("score10");
            g.writeNumber(ProbabilityFormat.oneDecimal(score10));
            g.writeStringField("grade", r.grade());
            g.writeArrayFieldStart("reasons");
            for (int i = 0; i < r.reasonCount(); i++) {
                g.writeString(r.reason(i));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String s : r.warnings()) {
                g.writeString(s);
            }
            g.writeEndArray();
            for (int k = 0; k < pointsNames.length; k++) {
                g.writeFieldName(pointsNames[k]);
                g.writeNumber(points.text(k, r.bin(k), r.points(k)));
            }
            for (int k = 0; k < woeNames.length; k++) {
                g.writeFieldName(woeNames[k]);
                g.writeNumber(woe.text(k, r.bin(k), r.woe(k)));
            }
            for (int i = 0; i < keeps.length; i++) {
                g.writeStringField(request.keep().get(i), keeps[i]);
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }

        @Override
        public void finish() throws IOException {
            g.flush();
        }
    }
}
