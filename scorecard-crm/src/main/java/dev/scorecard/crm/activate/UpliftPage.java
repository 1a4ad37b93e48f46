package dev.scorecard.crm.activate;

import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.LineChart;
import dev.scorecard.train.report.html.Paragraph;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code uplift.html}: per plan and goal a table (all entries, then each grade) and two charts drawn
 * with the reports' own blocks (inline SVG and CSS, nothing loaded): the treated and control rates
 * with their 95 % Wilson intervals as vertical bars, and the difference with its Newcombe interval,
 * over all entries and per grade. The charts' x axis numbers the columns (1 all entries, then the
 * grades in order), as their captions say, since the line chart's axis is numeric.
 */
final class UpliftPage {
    /** How far the treated and control marks sit left and right of their column. */
    private static final double OFFSET = 0.12;

    private UpliftPage() {
    }

    static Document build(UpliftWorkflow.Request request, long asOf, ZoneId zone, UpliftEntries entries,
            List<UpliftRow> rows) {
        List<KeyValue> meta = List.of(new KeyValue("entries", request.entries().getFileName().toString()),
                new KeyValue("plans", request.plans().getFileName().toString()),
                new KeyValue("as of", Instant.ofEpochMilli(asOf).atZone(zone).toOffsetDateTime().toString()),
                new KeyValue("entries read", entries.rowsRead + " (" + entries.rowsRejected + " rejected)"),
                new KeyValue("too small to tell", "control under " + request.minControl() + " decided entries, or a 95 %"
                        + " interval wider on each side than the difference and than the minimum effect "
                        + DoubleFormat.format(request.minEffect())));
        Map<String, List<List<UpliftRow>>> byPlan = new LinkedHashMap<>();
        for (UpliftRow r : rows) {
            List<List<UpliftRow>> goals = byPlan.computeIfAbsent(r.plan(), p -> new ArrayList<>());
            if (r.grade().isEmpty()) {
                goals.add(new ArrayList<>());
            }
            goals.get(goals.size() - 1).add(r);
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("summary", "Summary", "Per plan and goal, over all decided entries: the treated rate less"
                + " the control rate, in points, with Newcombe's 95 % hybrid score interval.",
                List.of(summaryTable(rows)), List.of()));
        int p = 0;
        for (Map.Entry<String, List<List<UpliftRow>>> plan : byPlan.entrySet()) {
            p++;
            List<Section> goals = new ArrayList<>();
            int g = 0;
            for (List<UpliftRow> goal : plan.getValue()) {
                g++;
                goals.add(goalSection("plan" + p + "-goal" + g, goal));
            }
            sections.add(new Section("plan" + p, "Plan " + plan.getKey(), "", List.of(), goals));
        }
        return new Document("Activation uplift", "What the plans changed: treated entries against the held-out control",
                meta, sections);
    }

    private static Table summaryTable(List<UpliftRow> rows) {
        List<Table.Column> columns = List.of(Table.Column.left("plan"), Table.Column.left("goal"),
                Table.Column.right("treated"), Table.Column.right("control"), Table.Column.right("difference"),
                Table.Column.right("95 % interval"), Table.Column.right("relative uplift"), Table.Column.right("pending"),
                Table.Column.left("warning"));
        List<Table.Row> out = new ArrayList<>();
        for (UpliftRow r : rows) {
            if (r.grade().isEmpty()) {
                out.add(Table.Row.flagged(r.warning().isPresent() ? Status.WARN : Status.NONE, r.plan(), r.goal(),
                        rate(r.treatedSuccesses(), r.treatedN()), rate(r.controlSuccesses(), r.controlN()),
                        points(r.difference()), interval(r), relative(r.relativeUplift()),
                        Long.toString(r.treatedPending() + r.controlPending()), r.warning().orElse("")));
            }
        }
        return new Table("", columns, out);
    }

    private static Section goalSection(String id, List<UpliftRow> rows) {
        UpliftRow all = rows.get(0);
        List<Block> blocks = new ArrayList<>();
        String success = all.event().equals(GoalSpec.CONVERTED) ? "the lead's conversion (converted_at)"
                : "an event '" + all.event() + "'";
        blocks.add(new Paragraph(String.format(Locale.ROOT, "Success: %s after the entry and at most %s later. %d treated"
                + " and %d control entries are pending (their deadline is after the as-of instant) and left out.", success,
                all.within(), all.treatedPending(), all.controlPending())));
        all.warning().ifPresent(w -> blocks.add(new Paragraph("Warning: " + w + ".")));
        List<Table.Column> columns = List.of(Table.Column.left("grade"), Table.Column.right("treated"),
                Table.Column.right("control"), Table.Column.right("difference"), Table.Column.right("95 % interval"),
                Table.Column.right("relative uplift"), Table.Column.left("warning"));
        List<Table.Row> table = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (UpliftRow r : rows) {
            String label = r.grade().orElse("all");
            labels.add((labels.size() + 1) + " " + label);
            table.add(Table.Row.flagged(r.warning().isPresent() ? Status.WARN : Status.NONE, label,
                    rate(r.treatedSuccesses(), r.treatedN()), rate(r.controlSuccesses(), r.controlN()),
                    points(r.difference()), interval(r), relative(r.relativeUplift()), r.warning().orElse("")));
        }
        blocks.add(new Table("", columns, table));
        blocks.add(ratesChart(rows, labels));
        blocks.add(differenceChart(rows, labels));
        return new Section(id, "Goal " + all.goal(), "", blocks);
    }

    /** Each group's rate as a point with its Wilson interval as a vertical bar, per column. */
    private static LineChart ratesChart(List<UpliftRow> rows, List<String> labels) {
        List<LineChart.Series> series = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            boolean treated = group == 0;
            double shift = treated ? -OFFSET : OFFSET;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                UpliftRow r = rows.get(k);
                long x = treated ? r.treatedSuccesses() : r.controlSuccesses();
                long n = treated ? r.treatedN() : r.controlN();
                double at = k + 1 + shift;
                xs.add(at);
                ys.add(n == 0 ? Double.NaN : (double) x / n);
                xs.add(Double.NaN); // each point stands alone
                ys.add(Double.NaN);
                double[] w = ProportionDifference.wilson(x, n);
                bx.addAll(List.of(at, at, Double.NaN));
                by.addAll(List.of(w[0], w[1], Double.NaN));
            }
            String name = treated ? "treated" : "control";
            series.add(LineChart.Series.of(name + " rate", unbox(xs), unbox(ys)));
            series.add(LineChart.Series.of(name + " 95 % interval", unbox(bx), unbox(by)));
        }
        return LineChart.of("Rates with 95 % intervals (columns: " + String.join(", ", labels) + ")",
                Axis.fixed("column", 0.5, rows.size() + 0.5), Axis.fixed("rate", 0, 1), series);
    }

    /** The difference as a point with Newcombe's interval as a vertical bar, per column. */
    private static LineChart differenceChart(List<UpliftRow> rows, List<String> labels) {
        double[] xs = new double[rows.size() * 2];
        double[] ys = new double[rows.size() * 2];
        double[] bx = new double[rows.size() * 3];
        double[] by = new double[rows.size() * 3];
        double lo = 0;
        double hi = 0;
        for (int k = 0; k < rows.size(); k++) {
            UpliftRow r = rows.get(k);
            xs[2 * k] = k + 1;
            ys[2 * k] = r.difference();
            xs[2 * k + 1] = Double.NaN;
            ys[2 * k + 1] = Double.NaN;
            bx[3 * k] = k + 1;
            bx[3 * k + 1] = k + 1;
            bx[3 * k + 2] = Double.NaN;
            by[3 * k] = r.lower();
            by[3 * k + 1] = r.upper();
            by[3 * k + 2] = Double.NaN;
            if (!Double.isNaN(r.lower())) {
                lo = Math.min(lo, r.lower());
                hi = Math.max(hi, r.upper());
            }
        }
        return new LineChart("Difference, treated less control, with Newcombe 95 % intervals (columns: "
                + String.join(", ", labels) + ")", Axis.fixed("column", 0.5, rows.size() + 0.5),
                Axis.fixed("difference", lo, hi == lo ? lo + 1 : hi), List.of(LineChart.Series.of("difference", xs, ys),
                        LineChart.Series.of("95 % interval", bx, by)), false,
                List.of(dev.scorecard.train.report.html.Marker.horizontal(0, "no difference")));
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String rate(long x, long n) {
        return n == 0 ? "0 of 0" : String.format(Locale.ROOT, "%d of %d (%.2f %%)", x, n, 100.0 * x / n);
    }

    private static String points(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%+.2f points", 100 * d);
    }

    private static String interval(UpliftRow r) {
        return Double.isNaN(r.lower()) ? "" : String.format(Locale.ROOT, "%+.2f to %+.2f", 100 * r.lower(),
                100 * r.upper());
    }

    private static String relative(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.1f %%", 100 * v);
    }
}
