package dev.scorecard.train.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.internal.ConfigNames;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.internal.ProbabilityFormat;
import dev.scorecard.train.io.AtomicOutput;
import dev.scorecard.train.io.RejectsWriter;
import dev.scorecard.train.load.CsvRows;
import dev.scorecard.train.load.RejectedRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What {@code scorecard score} does: stream a CSV through a model, row by row in constant memory,
 * keeping input order; rows that cannot be scored go to the rejects file with line and reason, and
 * input rows = scored rows + rejected rows. The output is written atomically, and nothing is written
 * under its name when the rejects exceed the allowed share.
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
     * @param rejectsFile where rejected rows go (default {@code <out>.rejects.csv})
     * @param maxRejectShare the run fails when more rows than this share are rejected
     * @param ignoreChecksum load a model whose checksum does not match
     * @param delimiter the input delimiter, or empty to detect it
     */
    public record Request(Path model, Path data, Path out, List<String> id, List<String> keep, int reasons,
            ReasonBaseline reasonBaseline, Format format,
            Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum, Optional<Character> delimiter) {
        /** Validates the request. */
        public Request {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(reasonBaseline, "reasonBaseline");
            id = List.copyOf(id);
            keep = List.copyOf(keep);
            if (reasons < 0 || reasons > 100) {
                throw new IllegalArgumentException("--reasons: " + reasons + " is out of range; expected 0 to 100");
            }
            if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
                throw new IllegalArgumentException("--max-reject-share: " + maxRejectShare + " is out of range; expected 0 to 1");
            }
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
     * @param progress told the number of rows read so far, every 100,000 rows
     * @return the counts
     */
    public static Outcome run(Request request, LongConsumer progress) {
        Scorecard scorecard = Scorecard.load(request.model(), !request.ignoreChecksum());
        List<String> chars = scorecard.characteristicNames();
        long[] counts = new long[3];
        List<RejectedRow> rejects = new ArrayList<>();
        List<String> header = List.of();
        try (CsvRows rows = CsvRows.open(request.data(), request.delimiter())) {
            List<String> names = rows.header();
            header = names;
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
            List<String> absent = new ArrayList<>();
            for (String c : chars) {
                if (!index.containsKey(c)) {
                    absent.add(c);
                }
            }
            for (String c : request.id()) {
                if (!index.containsKey(c)) {
                    absent.add(c + " (--id)");
                }
            }
            for (String c : request.keep()) {
                if (!index.containsKey(c)) {
                    absent.add(c + " (--keep)");
                }
            }
            if (!absent.isEmpty()) {
                throw new InputDataException(request.data().toString(), 1, null, "the header lacks "
                        + (absent.size() == 1 ? "column " : "columns ") + String.join(", ", absent)
                        + " that the model needs; the header has " + String.join(", ", names));
            }
            int[] charIndex = chars.stream().mapToInt(index::get).toArray();
            int[] idIndex = request.id().stream().mapToInt(index::get).toArray();
            int[] keepIndex = request.keep().stream().mapToInt(index::get).toArray();
            AtomicOutput.writeText(request.out(), w -> {
                RowWriter out = request.format() == Format.CSV
                        ? new CsvRowWriter(w, request, request.reasons()) : new JsonRowWriter(w, request);
                Scorer scorer = new Scorer(scorecard, request, names.size(), charIndex, idIndex, keepIndex, out, rejects);
                // Each row is scored as soon as it is parsed, while its strings are still in cache.
                // Handing blocks of rows to a second thread was measured slower on two cores.
                while (rows.next()) {
                    counts[0]++;
                    if (counts[0] % 100_000 == 0) {
                        progress.accept(counts[0]);
                    }
                    scorer.process(rows.line(), rows.fields());
                }
                out.finish();
                counts[1] = scorer.scored;
                counts[2] = rejects.size();
                if (counts[0] > 0 && (double) counts[2] / counts[0] > request.maxRejectShare()) {
                    throw new TooManyRejects();
                }
            });
        } catch (TooManyRejects e) {
            Path file = writeRejects(request, rejectsPath(request), header, rejects);
            throw new InputDataException(request.data().toString(), 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be scored, over --max-reject-share %s; nothing was written to %s; see %s",
                    counts[2], counts[0], 100.0 * counts[2] / counts[0], DoubleFormat.format(request.maxRejectShare()),
                    request.out(), file));
        } catch (IOException e) {
            throw new InputDataException(request.out().toString(), 0, null, "cannot write: " + e.getMessage());
        }
        Optional<Path> rejectsFile = Optional.empty();
        if (!rejects.isEmpty()) {
            rejectsFile = Optional.of(writeRejects(request, rejectsPath(request), header, rejects));
        }
        return new Outcome(counts[0], counts[1], counts[2], rejectsFile);
    }

    private static Path rejectsPath(Request request) {
        return request.rejectsFile().orElse(request.out().resolveSibling(request.out().getFileName() + ".rejects.csv"));
    }

    private static Path writeRejects(Request request, Path file, List<String> header, List<RejectedRow> rejects) {
        try {
            RejectsWriter.write(file, header, rejects);
            return file;
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write the rejects file: " + e.getMessage());
        }
    }

    /** The message of an input error without its "input, column 'x': " prefix. */
    private static String problemOf(InputDataException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m;
    }

    /** Scores and writes rows, reusing one buffer. */
    private static final class Scorer {
        private final Scorecard scorecard;
        private final Request request;
        private final int width;
        private final int[] charIndex;
        private final int[] idIndex;
        private final int[] keepIndex;
        private final RowWriter out;
        private final List<RejectedRow> rejects;
        private final Object[] values;
        private final ScoreBuffer buffer;
        long scored;

        Scorer(Scorecard scorecard, Request request, int width, int[] charIndex, int[] idIndex, int[] keepIndex,
                RowWriter out, List<RejectedRow> rejects) {
            this.scorecard = scorecard;
            this.request = request;
            this.width = width;
            this.charIndex = charIndex;
            this.idIndex = idIndex;
            this.keepIndex = keepIndex;
            this.out = out;
            this.rejects = rejects;
            this.values = new Object[charIndex.length];
            this.buffer = new ScoreBuffer(charIndex.length, request.reasons());
        }

        void process(long line, List<String> fields) throws IOException {
            if (fields.size() != width) {
                rejects.add(new RejectedRow(line, "expected " + width + " fields as in the header, found "
                        + fields.size(), fields));
                return;
            }
            String emptyId = null;
            for (int k = 0; k < idIndex.length && emptyId == null; k++) {
                if (fields.get(idIndex[k]).isBlank()) {
                    emptyId = request.id().get(k);
                }
            }
            if (emptyId != null) {
                // An output row without its id could not be joined back to the lead.
                rejects.add(new RejectedRow(line, "id column '" + emptyId + "' is empty", fields));
                return;
            }
            for (int k = 0; k < charIndex.length; k++) {
                values[k] = fields.get(charIndex[k]);
            }
            try {
                scorecard.scoreInto(values, request.reasons(), request.reasonBaseline(), buffer);
            } catch (InputDataException e) {
                rejects.add(new RejectedRow(line, e.column().map(c -> "column '" + c + "': ").orElse("")
                        + problemOf(e), fields));
                return;
            }
            scored++;
            out.write(fields, idIndex, keepIndex, buffer, scorecard.model().score10().score10(buffer.score()));
        }
    }

    /** Thrown inside the atomic write to abandon it; never escapes this class. */
    private static final class TooManyRejects extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRejects() {
            super(null, null, false, false);
        }
    }

    private interface RowWriter {
        void write(List<String> fields, int[] idIndex, int[] keepIndex, ScoreBuffer r, double score10) throws IOException;

        void finish() throws IOException;
    }

    private static final class CsvRowWriter implements RowWriter {
        private final CsvWriter csv;
        private final int reasons;
        private final String[] record;

        CsvRowWriter(Writer w, Request request, int reasons) {
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
            this.reasons = reasons;
            List<String> head = new ArrayList<>(request.id());
            head.addAll(List.of("score", "probability", "score10", "grade"));
            for (int i = 1; i <= reasons; i++) {
                head.add("reason" + i);
            }
            head.add("warnings");
            head.addAll(request.keep());
            csv.writeRecord(head);
            this.record = new String[head.size()];
        }

        @Override
        public void write(List<String> fields, int[] idIndex, int[] keepIndex, ScoreBuffer r, double score10) {
            int f = 0;
            for (int i : idIndex) {
                record[f++] = fields.get(i);
            }
            record[f++] = DoubleFormat.format(r.score());
            record[f++] = ProbabilityFormat.format(r.probability());
            record[f++] = ProbabilityFormat.oneDecimal(score10);
            record[f++] = r.grade();
            for (int i = 0; i < reasons; i++) {
                record[f++] = i < r.reasonCount() ? r.reason(i) : "";
            }
            record[f++] = r.warnings().isEmpty() ? "" : String.join(";", r.warnings());
            for (int i : keepIndex) {
                record[f++] = fields.get(i);
            }
            csv.writeRecord(record);
        }

        @Override
        public void finish() throws IOException {
            csv.flush();
        }
    }

    private static final class JsonRowWriter implements RowWriter {
        private final JsonGenerator g;
        private final Request request;

        JsonRowWriter(Writer w, Request request) throws IOException {
            this.g = new JsonFactory().createGenerator(w);
            this.g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            this.g.setRootValueSeparator(null); // one object per line, no space between them
            this.request = request;
        }

        @Override
        public void write(List<String> fields, int[] idIndex, int[] keepIndex, ScoreBuffer r, double score10) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < idIndex.length; i++) {
                g.writeStringField(request.id().get(i), fields.get(idIndex[i]));
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
            for (int i = 0; i < keepIndex.length; i++) {
                g.writeStringField(request.keep().get(i), fields.get(keepIndex[i]));
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
