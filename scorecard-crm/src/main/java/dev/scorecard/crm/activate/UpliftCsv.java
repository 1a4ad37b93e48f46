package dev.scorecard.crm.activate;

import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code uplift.csv}: one row per plan and goal over all its entries ({@code grade} empty), each
 * followed by its rows per grade at entry. Counts as integers; rates as the project writes
 * probabilities; the difference, its interval and the relative uplift rounded to six decimals and
 * written by the project's double formatter, so that the text is the same on every JDK. A value that
 * is undefined (a rate without decided entries, a relative uplift over a control rate of 0) is empty.
 */
final class UpliftCsv {
    static final List<String> COLUMNS = List.of("plan", "goal", "event", "within", "grade", "treated_entries",
            "treated_pending", "treated_n", "treated_successes", "treated_rate", "control_entries", "control_pending",
            "control_n", "control_successes", "control_rate", "difference", "ci_lower", "ci_upper", "relative_uplift",
            "warning");

    private UpliftCsv() {
    }

    static void write(OutputStream out, List<UpliftRow> rows) throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(COLUMNS);
        for (UpliftRow r : rows) {
            w.field(r.plan());
            w.comma();
            w.field(r.goal());
            w.comma();
            w.field(r.event());
            w.comma();
            w.field(r.within());
            w.comma();
            w.field(r.grade().orElse(""));
            w.comma();
            w.number(r.treatedEntries());
            w.comma();
            w.number(r.treatedPending());
            w.comma();
            w.number(r.treatedN());
            w.comma();
            w.number(r.treatedSuccesses());
            w.comma();
            probability(w, r.treatedRate());
            w.comma();
            w.number(r.controlEntries());
            w.comma();
            w.number(r.controlPending());
            w.comma();
            w.number(r.controlN());
            w.comma();
            w.number(r.controlSuccesses());
            w.comma();
            probability(w, r.controlRate());
            w.comma();
            signed(w, r.difference());
            w.comma();
            signed(w, r.lower());
            w.comma();
            signed(w, r.upper());
            w.comma();
            signed(w, r.relativeUplift());
            w.comma();
            w.field(r.warning().orElse(""));
            w.endRow();
        }
        w.flush();
    }

    private static void probability(CsvByteWriter w, double p) throws IOException {
        if (!Double.isNaN(p)) {
            w.probability(p);
        }
    }

    /** Six decimals: a difference of rates is not known better than that, and the text stays short. */
    private static void signed(CsvByteWriter w, double v) throws IOException {
        if (!Double.isNaN(v)) {
            double r = Math.round(v * 1e6) / 1e6;
            w.number(r == 0 ? 0.0 : r); // never -0
        }
    }
}
