package dev.scorecard.train.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.report.BinText;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.core.model.VariableType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The points table a person reads, for documentation: as CSV ({@code scorecard.csv}, one row per bin)
 * or as a Markdown page for a model-risk document (scaling, the points table per characteristic,
 * coefficients, grades and metrics). Both list, per characteristic, the points a row gets when its
 * value is missing or unseen and no bin takes it; where binning merged the missing values into a
 * regular bin, that bin reads {@code …, Missing} and the line of no bin says only what still reaches it. Deterministic text: same model, same bytes.
 */
public final class PointsTables {
    /** What the label of a bin that also holds the missing values ends with. */
    private static final String MERGED_SUFFIX = ", Missing";

    private PointsTables() {
    }

    /**
     * @param model the model
     * @param out where the CSV goes: {@code characteristic,bin,points,woe,count,event_rate}, base
     *     points first
     * @throws IOException when writing fails
     */
    public static void writeCsv(ScorecardModel model, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord("characteristic", "bin", "points", "woe", "count", "event_rate");
        csv.writeRecord("(base points)", "", DoubleFormat.format(model.basePoints()), "", "", "");
        for (Characteristic c : model.characteristics()) {
            for (int j = 0; j < c.bins().size(); j++) {
                ModelBin b = c.bins().get(j);
                csv.writeRecord(c.name(), binText(c, j), DoubleFormat.format(b.points()), DoubleFormat.format(b.woe()),
                        Long.toString(b.count()), Double.isNaN(b.eventRate()) ? "" : DoubleFormat.format(b.eventRate()));
            }
            csv.writeRecord(c.name(), c.missingBin().isEmpty() ? "(no bin: missing or unseen)"
                    : canBeUnseen(c) ? "(no bin: unseen)" : "(no bin)", DoubleFormat.format(c.neutralPoints()), "0", "", "");
        }
        csv.flush();
    }

    /**
     * A bin as the tables show it: its levels or its label, and for the regular bin that binning merged
     * the missing values into ({@link Characteristic#missingBin()}) a final {@code , Missing}, which a
     * categorical bin's levels do not carry.
     */
    private static String binText(Characteristic c, int j) {
        ModelBin b = c.bins().get(j);
        String text = BinText.full(b.label(), b.kind(), b.categories());
        boolean merged = c.missingBin().isPresent() && c.missingBin().getAsInt() == j;
        return merged && !text.endsWith(MERGED_SUFFIX) ? text + MERGED_SUFFIX : text;
    }

    /** @return true for a categorical characteristic without an else bin: an unseen level has no bin */
    private static boolean canBeUnseen(Characteristic c) {
        return c.type() == VariableType.CATEGORICAL && c.bins().stream().noneMatch(b -> b.kind() == BinKind.ELSE);
    }

    /**
     * @param model the model
     * @param out where the Markdown goes
     * @throws IOException when writing fails
     */
    public static void writeMarkdown(ScorecardModel model, Writer out) throws IOException {
        ScalingOptions s = model.scaling();
        boolean eventUp = s.higherScoreMeans() == ScoreDirection.EVENT;
        out.write("# Scorecard: " + md(model.name()) + "\n\n");
        out.write("Target `" + code(model.target()) + "`, event `" + code(model.event()) + "`; made with "
                + md(model.createdWith()) + ".\n\n");
        out.write(String.format(Locale.ROOT, "A row's score is the base points plus the points of the bin each characteristic's "
                + "value falls in. %s points where the odds %s are %s to 1; every %s points double them. A higher score "
                + "means the event (%s) is %s.%n%n", DoubleFormat.format(s.basePoints()),
                eventUp ? "of the event" : "against the event", DoubleFormat.format(s.baseOdds()), DoubleFormat.format(s.pdo()),
                md(model.event()), eventUp ? "more likely" : "less likely"));
        out.write("## Points\n\n| characteristic | bin | points | WOE | training rows | event rate |\n|---|---|---:|---:|---:|---:|\n");
        out.write("| (base points) | | " + DoubleFormat.format(model.basePoints()) + " | | | |\n");
        for (Characteristic c : model.characteristics()) {
            boolean first = true;
            for (int j = 0; j < c.bins().size(); j++) {
                ModelBin b = c.bins().get(j);
                out.write("| " + (first ? md(c.name()) : "") + " | " + md(binText(c, j)) + " | " + DoubleFormat.format(b.points())
                        + " | " + String.format(Locale.ROOT, "%.4f", b.woe()) + " | " + b.count() + " | "
                        + (Double.isNaN(b.eventRate()) ? "" : String.format(Locale.ROOT, "%.4f", b.eventRate())) + " |\n");
                first = false;
            }
            out.write("| | *" + (c.missingBin().isEmpty() ? "missing or unseen, no bin" : canBeUnseen(c) ? "unseen, no bin"
                    : "no bin") + "* | " + DoubleFormat.format(c.neutralPoints()) + " | 0 | | |\n");
        }
        out.write("\n## Coefficients\n\n| term | estimate | std. error | z | p |\n|---|---:|---:|---:|---:|\n");
        for (Coefficient k : model.coefficients()) {
            out.write(String.format(Locale.ROOT, "| %s | %.6f | %.6f | %.3f | %.4g |%n", md(k.name()), k.estimate(),
                    k.standardError(), k.z(), k.pValue()));
        }
        List<Grade> grades = model.grades().grades();
        out.write("\n## Grades\n\n| grade | lowest score |\n|---|---:|\n");
        for (Grade g : grades) {
            out.write("| " + md(g.name()) + " | " + (Double.isInfinite(g.minScore()) ? "−∞" : DoubleFormat.format(g.minScore()))
                    + " |\n");
        }
        if (!model.metrics().isEmpty()) {
            out.write("\n## Metrics at training\n\n| rows | split | events | AUC | KS | Gini |\n|---|---|---:|---:|---:|---:|\n");
            for (SplitMetrics m : model.metrics()) {
                out.write(String.format(Locale.ROOT, "| %d | %s | %d | %.4f | %.4f | %.4f |%n", m.rows(), md(m.split()),
                        m.events(), m.auc(), m.ks(), m.gini()));
            }
        }
        out.flush();
    }

    /** Escapes what Markdown table cells and inline text would read as syntax. */
    static String md(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|', '\\', '*', '_', '`', '[', ']', '<', '>', '#' -> b.append('\\').append(c);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String code(String text) {
        return text.replace("`", "'").replace('\n', ' ');
    }
}
