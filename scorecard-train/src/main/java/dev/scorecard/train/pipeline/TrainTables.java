package dev.scorecard.train.pipeline;

import dev.scorecard.train.export.PointsTables;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.train.select.SelectionRow;
import dev.scorecard.train.trainer.CvResult;
import dev.scorecard.train.trainer.CvTrial;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The tables {@code train} writes beside the model: selection, coefficients and the points table. */
final class TrainTables {
    private TrainTables() {
    }

    static void writeSelection(List<SelectionRow> rows, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord("variable", "iv", "status", "step", "reason");
        for (SelectionRow r : rows) {
            csv.writeRecord(r.variable(), DoubleFormat.format(r.iv()), r.selected() ? "selected" : "removed", r.step(),
                    r.reason());
        }
        csv.flush();
    }

    /** What {@code --cv} tried, one row per setting in the order of the search. */
    static void writeCv(CvResult cv, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord("varied", "minBinShare", "l2", "maxCorrelation", "folds", "mean_auc", "sd_auc", "chosen", "failure");
        for (CvTrial t : cv.trials()) {
            csv.writeRecord(t.knob(), DoubleFormat.format(t.minBinShare()), DoubleFormat.format(t.l2()),
                    DoubleFormat.format(t.maxCorrelation()), String.valueOf(cv.folds()),
                    t.failure().isPresent() ? "" : DoubleFormat.format(t.meanAuc()),
                    t.failure().isPresent() ? "" : DoubleFormat.format(t.sdAuc()), String.valueOf(t.chosen()),
                    t.failure().orElse(""));
        }
        csv.flush();
    }

    static void writeCoefficients(LogisticFit fit, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord("variable", "estimate", "std_error", "z", "p_value");
        List<Coefficient> all = new ArrayList<>();
        all.add(fit.intercept());
        all.addAll(fit.coefficients());
        for (Coefficient c : all) {
            csv.writeRecord(c.name(), DoubleFormat.format(c.estimate()), DoubleFormat.format(c.standardError()),
                    DoubleFormat.format(c.z()), DoubleFormat.format(c.pValue()));
        }
        csv.flush();
    }

    /** The table a person reads: one line for the base points, then every bin with its points. */
    static void writeScorecard(ScorecardModel model, Writer out) throws IOException {
        PointsTables.writeCsv(model, out);
    }
}
