package dev.scorecard.train.report;

import dev.scorecard.core.binning.Bin;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import dev.scorecard.train.select.SelectionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The characteristics part of the evaluation report: an overview table, then per variable its bins
 * (count, share, events, event rate, WOE, IV, points) with a chart of share and event rate and a
 * chart of WOE. For {@code train} every candidate variable is shown, the model's characteristics
 * first, then the others by IV; for {@code evaluate}, the model's characteristics.
 */
final class CharacteristicSections {
    private final ScorecardModel model;
    private final SectionIds ids;
    private final Map<String, Characteristic> inModel = new LinkedHashMap<>();
    private final Map<String, SelectionRow> selection = new LinkedHashMap<>();

    CharacteristicSections(ScorecardModel model, List<SelectionRow> selection, SectionIds ids) {
        this.model = model;
        this.ids = ids;
        model.characteristics().forEach(c -> inModel.put(c.name(), c));
        selection.forEach(r -> this.selection.put(r.variable(), r));
    }

    /** One bin as the report shows it; {@code events} is -1, {@code iv} and {@code points} NaN where unknown. */
    /** A bin's row: {@code label} (short, for charts) and {@code levels} (every level, for the table). */
    private record BinRow(String label, String levels, long count, double share, long events, double eventRate,
            double woe, double iv, double points) {
    }

    /** @return the section for {@code train}: every candidate variable */
    Section candidates(String id, List<VariableResult> variables) {
        List<VariableResult> ordered = new ArrayList<>();
        for (Characteristic c : model.characteristics()) {
            variables.stream().filter(v -> v.variable().equals(c.name()) && v.binned()).findFirst().ifPresent(ordered::add);
        }
        variables.stream().filter(v -> v.binned() && !inModel.containsKey(v.variable()))
                .sorted(Comparator.comparingDouble(VariableResult::iv).reversed()).forEach(ordered::add);
        List<Table.Row> overview = new ArrayList<>();
        List<Section> subsections = new ArrayList<>();
        for (VariableResult v : ordered) {
            Binning b = v.binning().orElseThrow();
            overview.add(new Table.Row(List.of(v.variable(), type(v.type()), Figures.metric(b.iv()),
                    Integer.toString(b.bins().size()), trend(v.type(), b.trend()), Figures.percent(v.missingShare()), status(v.variable())),
                    inModel.containsKey(v.variable()) ? Status.OK : Status.NONE));
            subsections.add(variable(v.variable(), intro(v, b), rows(v.variable(), b), true).folded());
        }
        for (VariableResult v : variables) {
            if (!v.binned()) {
                overview.add(Table.Row.of(v.variable(), type(v.type()), Figures.NONE, Figures.NONE, Figures.NONE,
                        Figures.percent(v.missingShare()), "not binned: " + v.dropReason().orElse("")));
            }
        }
        Table table = new Table("Candidate variables (the model's characteristics first, then by IV)",
                List.of(Table.Column.left("variable"), Table.Column.left("type"), Table.Column.right("IV"),
                        Table.Column.right("bins"), Table.Column.left("trend"), Table.Column.right("missing"),
                        Table.Column.left("status")), overview);
        return new Section(id, "Characteristics", "Every candidate variable's bins on the training rows. "
                + "Positive WOE means more events (" + model.event() + ") than average.", List.of(table), subsections);
    }

    /**
     * @param current the evaluated rows, whose own count and event rate per bin stand beside training's
     * @return the section for {@code evaluate}: the model's characteristics with their training bins
     */
    Section modelCharacteristics(String id, Evaluation current) {
        List<Table.Row> overview = new ArrayList<>();
        List<Section> subsections = new ArrayList<>();
        for (Characteristic c : model.characteristics()) {
            List<BinRow> rows = rows(c);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (ModelBin b : c.bins()) {
                min = Math.min(min, b.points());
                max = Math.max(max, b.points());
            }
            overview.add(Table.Row.of(c.name(), type(c.type()), Integer.toString(c.bins().size()),
                    Figures.fixed(c.coefficient(), 4), Figures.points(min) + " \u2013 " + Figures.points(max)));
            Optional<CharacteristicDrift> now = current.stability().characteristics().stream()
                    .filter(d -> d.name().equals(c.name())).findFirst();
            subsections.add(variable(c.name(), type(c.type()) + ", " + c.bins().size() + " bins, coefficient "
                    + Figures.fixed(c.coefficient(), 4) + "; count, share, events, event rate and WOE are those of the "
                    + "training rows; the evaluated count and event rate are those of the " + current.name() + " rows.", rows,
                    false,
                    now).folded());
        }
        Table table = new Table("The model's characteristics", List.of(Table.Column.left("characteristic"),
                Table.Column.left("type"), Table.Column.right("bins"), Table.Column.right("coefficient"),
                Table.Column.right("points")), overview);
        return new Section(id, "Characteristics", "The model's characteristics with the bins, counts and event rates "
                + "of its training rows, and each bin's event rate in the " + current.name() + " rows beside it: a bin "
                + "whose rate has moved far from training's is where the model has aged. Positive WOE means more events ("
                + model.event() + ") than average.",
                List.of(table), subsections);
    }

    private String intro(VariableResult v, Binning b) {
        StringBuilder s = new StringBuilder();
        s.append(type(v.type())).append(", IV ").append(Figures.metric(b.iv())).append(", ").append(b.bins().size())
                .append(v.type() == VariableType.CATEGORICAL ? " bins, levels ordered by event rate"
                : " bins, event-rate trend " + trend(v.type(), b.trend())).append(v.userBins() ? ", bins from the bins file" : "")
                .append(". ");
        SelectionRow r = selection.get(v.variable());
        if (inModel.containsKey(v.variable())) {
            s.append("In the model (coefficient ").append(Figures.fixed(inModel.get(v.variable()).coefficient(), 4))
                    .append(").");
            if (r != null && !r.reason().isEmpty()) {
                s.append(" Note: ").append(r.reason()).append('.');
            }
        } else if (r != null) {
            s.append("Not in the model: removed at step '").append(r.step()).append("'").append(r.reason().isEmpty() ? "."
                    : ": " + r.reason() + ".");
        } else {
            s.append("Not in the model.");
        }
        return s.toString();
    }

    private String status(String variable) {
        if (inModel.containsKey(variable)) {
            return "in the model";
        }
        SelectionRow r = selection.get(variable);
        return r == null ? "not selected" : "removed (" + r.step() + ")";
    }

    private List<BinRow> rows(String variable, Binning b) {
        Optional<Characteristic> c = Optional.ofNullable(inModel.get(variable));
        List<BinRow> rows = new ArrayList<>();
        for (int j = 0; j < b.bins().size(); j++) {
            Bin bin = b.bins().get(j);
            double points = Double.NaN;
            if (c.isPresent()) {
                points = pointsOf(c.get(), j, bin.label());
            }
            rows.add(new BinRow(bin.label(), BinText.full(bin.label(), bin.kind(), bin.categories()), bin.count(), bin.share(),
                    bin.events(), bin.eventRate(), bin.woe(), bin.iv(), points));
        }
        return rows;
    }

    private static double pointsOf(Characteristic c, int j, String label) {
        if (j < c.bins().size() && c.bins().get(j).label().equals(label)) {
            return c.bins().get(j).points();
        }
        return c.bins().stream().filter(m -> m.label().equals(label)).findFirst().map(ModelBin::points).orElse(Double.NaN);
    }

    private static List<BinRow> rows(Characteristic c) {
        long total = 0;
        for (ModelBin b : c.bins()) {
            total += b.count();
        }
        List<BinRow> rows = new ArrayList<>();
        for (ModelBin b : c.bins()) {
            long events = Double.isNaN(b.eventRate()) ? 0 : Math.round(b.count() * b.eventRate());
            rows.add(new BinRow(b.label(), BinText.full(b.label(), b.kind(), b.categories()), b.count(),
                    total == 0 ? Double.NaN : (double) b.count() / total, events,
                    b.eventRate(), b.woe(), Double.NaN, b.points()));
        }
        return rows;
    }

    private Section variable(String name, String intro, List<BinRow> bins, boolean withIv) {
        return variable(name, intro, bins, withIv, Optional.empty());
    }

    private Section variable(String name, String intro, List<BinRow> bins, boolean withIv, Optional<CharacteristicDrift> current) {
        boolean withPoints = inModel.containsKey(name);
        boolean withRate = current.isPresent() && current.get().currentEvents().isPresent();
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.left("bin"), Table.Column.right("count"),
                Table.Column.right("share"), Table.Column.right("events"), Table.Column.right("event rate"),
                Table.Column.right("WOE")));
        if (withIv) {
            columns.add(Table.Column.right("IV"));
        }
        if (current.isPresent()) {
            columns.add(Table.Column.right("evaluated count"));
        }
        if (withRate) {
            columns.add(Table.Column.right("evaluated event rate"));
        }
        if (withPoints) {
            columns.add(Table.Column.right("points"));
        }
        List<Table.Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[] share = new double[bins.size()];
        double[] rate = new double[bins.size()];
        double[] woe = new double[bins.size()];
        double[] nowRate = new double[bins.size()];
        long nowCount = 0;
        long nowEvents = 0;
        long count = 0;
        long events = 0;
        double iv = 0;
        for (int j = 0; j < bins.size(); j++) {
            BinRow b = bins.get(j);
            List<String> cells = new ArrayList<>(List.of(b.levels(), Figures.count(b.count()), Figures.percent(b.share()),
                    Figures.count(b.events()), Figures.percent(b.eventRate()), Figures.fixed(b.woe(), 4)));
            if (withIv) {
                cells.add(Figures.metric(b.iv()));
            }
            if (current.isPresent()) {
                CharacteristicDrift d = current.get();
                long n = d.currentCounts().get(j);
                nowCount += n;
                cells.add(Figures.count(n));
                nowRate[j] = d.currentEventRate(j);
                if (withRate) {
                    nowEvents += d.currentEvents().get().get(j);
                    cells.add(n == 0 ? Figures.NONE : Figures.percent(nowRate[j]));
                }
            }
            if (withPoints) {
                cells.add(Figures.points(b.points()));
            }
            rows.add(new Table.Row(cells, Status.NONE));
            labels.add(b.label());
            share[j] = b.share();
            rate[j] = b.eventRate();
            woe[j] = b.woe();
            count += b.count();
            events += b.events();
            iv += withIv ? b.iv() : 0;
        }
        List<String> total = new ArrayList<>(List.of("total", Figures.count(count), "100.0%", Figures.count(events),
                count == 0 ? Figures.NONE : Figures.percent((double) events / count), ""));
        if (withIv) {
            total.add(Figures.metric(iv));
        }
        if (current.isPresent()) {
            total.add(Figures.count(nowCount));
        }
        if (withRate) {
            total.add(nowCount == 0 ? Figures.NONE : Figures.percent((double) nowEvents / nowCount));
        }
        if (withPoints) {
            total.add("");
        }
        rows.add(new Table.Row(total, Status.NONE));
        List<ValueSeries> rates = withRate ? List.of(ValueSeries.of("training event rate", rate),
                ValueSeries.of("evaluated event rate", nowRate)) : List.of(ValueSeries.of("event rate", rate));
        List<Block> blocks = List.of(new Table("Bins of " + name, columns, rows),
                new BarChart(name + ": share of rows (bars) and event rate (line" + (withRate ? "s" : "") + ")", "bin",
                        labels, Axis.from("share of rows", 0), List.of(ValueSeries.of("share of rows", share)),
                        Axis.from("event rate", 0), rates, List.of()),
                BarChart.of(name + ": WOE per bin", "bin", labels, Axis.auto("WOE"), List.of(ValueSeries.of("WOE", woe))));
        return new Section(ids.of("var", name), name, intro, blocks);
    }

    private static String type(VariableType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A categorical variable's bins are its levels sorted by event rate, so their trend is ascending by
     * construction and says nothing about the variable; the report says how they are ordered instead.
     */
    static String trend(VariableType type, Monotonic m) {
        if (type == VariableType.CATEGORICAL) {
            return "levels by event rate";
        }
        return m == Monotonic.AUTO ? Monotonic.NONE.configName() : m.configName();
    }
}
