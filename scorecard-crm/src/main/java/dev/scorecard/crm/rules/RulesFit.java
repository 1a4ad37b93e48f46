package dev.scorecard.crm.rules;

import dev.scorecard.core.FitException;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.IrlsFitter;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.core.regression.LogisticOptions;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@code scorecard rules fit}: proposes points per event type from outcomes. Each lead on each night
 * (the backtest's population and target) gets, per event type, the sum of its events' decay factors
 * as of the night (the base rules' decay, so the proposal fades as it will be scored); a logistic
 * regression of conversion within the horizon on those sums, by the project's IRLS fitter, gives
 * each type a coefficient, which is the log-odds one fresh event adds. Points are the coefficient
 * scaled so that {@code pdo} points double the odds: the rule score then sums log-odds, as a
 * scorecard does. A type whose coefficient is within noise (|z| &lt; 1.96) gets no points and says so.
 */
public final class RulesFit {
    /** The proposed rules. */
    public static final String RULES_YAML = "fitted-rules.yaml";
    /** The evidence per event type. */
    public static final String EVIDENCE_CSV = "fit.csv";
    /** |z| below this is within noise. */
    static final double Z = 1.96;
    /**
     * The lead-age bands fitted beside the event types, by their upper bound in days (older leads are
     * the baseline): a lead's chance to convert falls with its age whatever it does, and without them an
     * event that old leads pile up (a banner seen every week) would take the blame for their age.
     */
    static final int[] AGES = {7, 30, 90};

    /**
     * @param leads the leads file, with outcomes
     * @param events the event log
     * @param rules the base rules: their levels, decay, zone, channel weight and grades are kept
     * @param from the first night
     * @param to the last night, inclusive
     * @param everyDays days between nights
     * @param horizonDays the days after a night in which a conversion counts
     * @param pdo points that double the odds
     * @param outDir where the outputs go
     * @param format delimiter, encoding and the command line's zone
     * @param zoneGiven whether the command line gave the zone
     * @param duplicates the command line's duplicate policy, if given
     * @param rejects where rejected event lines go (default {@code DIR/rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code DIR/lead-rejects.csv})
     * @param maxRejectShare the run fails when either file has more rejects than this share
     */
    public record Request(Path leads, Path events, Path rules, LocalDate from, LocalDate to, int everyDays,
            int horizonDays, double pdo, Path outDir, InputFormat format, boolean zoneGiven,
            Optional<DuplicatePolicy> duplicates, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare) {
        /** Checks the dates, steps and scale. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(outDir, "outDir");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
            if (everyDays < 1 || horizonDays < 1) {
                throw new IllegalArgumentException("--every and --horizon are at least 1d");
            }
            if (!(pdo > 0 && pdo <= 100)) {
                throw new IllegalArgumentException("--pdo must be above 0 and at most 100, got " + pdo);
            }
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(RULES_YAML), outDir.resolve(EVIDENCE_CSV),
                    rejects.orElse(outDir.resolve(RulesWorkflow.REJECTS_CSV)),
                    leadRejects.orElse(outDir.resolve(RulesWorkflow.LEAD_REJECTS_CSV)));
        }
    }

    /**
     * One event type's evidence.
     *
     * @param type the event type
     * @param level its level in the base rules, or the level the proposal puts it in
     * @param rowsWith lead-nights with at least one such event
     * @param iv the information value of its decayed count, binned as {@code bin} bins
     * @param auc the AUC of its decayed count alone
     * @param coefficient the fitted coefficient, NaN when the type was left out (no lead-night had it)
     * @param standardError its standard error
     * @param z coefficient over standard error
     * @param cents the proposed points, in hundredths (0 within noise)
     */
    public record Evidence(String type, String level, long rowsWith, double iv, double auc, double coefficient,
            double standardError, double z, long cents) {
        /** @return positive, negative, no signal (within noise), or no events */
        public String verdict() {
            if (Double.isNaN(coefficient)) {
                return "no events";
            }
            return Math.abs(z) < Z ? "no signal" : coefficient > 0 ? "positive" : "negative";
        }
    }

    /**
     * @param rows lead-nights fitted on
     * @param converters of them, those that converted in the horizon
     * @param evidence per event type, by the base rules' level order, then by name
     * @param events the log's counts
     * @param written the files written
     */
    public record Outcome(long rows, long converters, List<Evidence> evidence, EventCounts events, List<Path> written) {
    }

    private RulesFit() {
    }

    /**
     * @param request what to fit
     * @param progress gets the event lines read
     * @return the evidence and what was written
     * @throws InputDataException for bad input, or when the nights hold no converter or no non-converter
     */
    public static Outcome run(Request request, LongConsumer progress) {
        RuleSpec spec = RuleSpec.read(request.rules());
        Path dir = request.outDir();
        try (OutputSet set = OutputSet.of(request.members())) {
            Nights data = Nights.read("a fit", List.of(spec), CompiledRules.properties(List.of(spec)), false,
                    request.leads(), request.events(), request.from(), request.to(), request.everyDays(), request.format(),
                    request.zoneGiven(), request.duplicates(), set,
                    request.rejects().orElse(dir.resolve(RulesWorkflow.REJECTS_CSV)),
                    request.leadRejects().orElse(dir.resolve(RulesWorkflow.LEAD_REJECTS_CSV)), progress);
            CompiledRules rules = data.compiled.get(0);
            int types = rules.typeCount;
            Columns columns = new Columns(types + AGES.length);
            dev.scorecard.crm.events.LocalDays days = new dev.scorecard.crm.events.LocalDays(data.zone);
            EventTable table = data.table;
            int[] starts = data.grouped[0];
            int[] order = data.grouped[1];
            double[] x = new double[types + AGES.length];
            for (LocalDate night : data.dates) {
                long asOf = data.instant(night);
                long end = data.instant(night.plusDays(request.horizonDays()));
                Decays decays = new Decays(rules, asOf, data.zone);
                long asOfDay = days.day(asOf);
                for (int i = 0; i < data.leads.size(); i++) {
                    if (!data.inNight(i, asOf)) {
                        continue;
                    }
                    Arrays.fill(x, 0);
                    for (int k = starts[i]; k < starts[i + 1]; k++) {
                        int e = order[k];
                        long t = table.time(e);
                        if (t <= asOf) {
                            x[table.type(e)] += decays.factor(table.type(e), t);
                        }
                    }
                    long age = asOfDay - days.day(data.leads.createdAt(i));
                    for (int a = 0; a < AGES.length; a++) {
                        x[types + a] = age > (a == 0 ? -1 : AGES[a - 1]) && age <= AGES[a] ? 1 : 0;
                    }
                    columns.add(x, data.target(i, end));
                }
            }
            long converters = 0;
            for (int r = 0; r < columns.size; r++) {
                converters += columns.y[r];
            }
            if (converters == 0 || converters == columns.size) {
                throw new InputDataException(request.leads().toString(), 0, null, "the " + data.dates.size() + " nights"
                        + " hold " + columns.size + " lead-nights and " + converters + " of them converted within "
                        + request.horizonDays() + " days: a fit needs both converters and non-converters");
            }
            List<Evidence> evidence = fit(rules, columns, request.pdo(), spec);
            written(set, dir, request, spec, evidence, columns.size, converters);
            List<Path> written = new ArrayList<>(List.of(dir.resolve(RULES_YAML), dir.resolve(EVIDENCE_CSV)));
            data.in.closeRejects(written);
            data.in.checkShares(data.leads, request.events(), data.counts.rejected(), data.counts.read(),
                    request.maxRejectShare(), dir.resolve(RULES_YAML));
            set.commit();
            return new Outcome(columns.size, converters, evidence, data.counts, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Evidence> fit(CompiledRules rules, Columns columns, double pdo, RuleSpec spec) {
        int types = rules.typeCount;
        byte[] y = Arrays.copyOf(columns.y, columns.size);
        BinaryTarget target = BinaryTarget.of("converted", "1", y);
        List<Integer> kept = new ArrayList<>();
        long[] rowsWith = new long[types];
        for (int t = 0; t < types; t++) {
            for (int r = 0; r < columns.size; r++) {
                if (columns.x[t][r] > 0) {
                    rowsWith[t]++;
                }
            }
            if (rowsWith[t] > 0) {
                kept.add(t);
            }
        }
        // Names in a fixed order (by type name), so the fit does not depend on the order types first appear in the log.
        kept.sort((a, b) -> rules.typeNames[a].compareTo(rules.typeNames[b]));
        double[][] design = new double[kept.size()][];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < kept.size(); j++) {
            design[j] = Arrays.copyOf(columns.x[kept.get(j)], columns.size);
            names.add(rules.typeNames[kept.get(j)]);
        }
        LogisticFit fit;
        try {
            fit = new IrlsFitter(LogisticOptions.defaults()).fit(names, design, y, null);
        } catch (FitException e) {
            throw new InputDataException(spec.file(), 0, null, "the points could not be fitted: " + e.getMessage());
        }
        double scale = pdo / Math.log(2);
        List<Evidence> out = new ArrayList<>();
        // Event types are sparse (most lead-nights have none of most types): bins down to 1 % of the rows.
        NumericBinner binner = new NumericBinner(BinningOptions.defaults().withMinBinShare(0.01));
        for (int j = 0; j < kept.size(); j++) {
            int t = kept.get(j);
            Coefficient c = fit.coefficients().get(j);
            double iv = binner.fit(NumericColumn.of(names.get(j), design[j]), target, List.of()).iv();
            double auc = Metrics.auc(design[j], target);
            long cents = Math.abs(c.z()) < Z ? 0 : Math.round(c.estimate() * scale * 100);
            out.add(new Evidence(names.get(j), levelOf(spec, names.get(j)), rowsWith[t], iv, auc, c.estimate(),
                    c.standardError(), c.z(), cents));
        }
        for (int t = 0; t < types; t++) {
            if (rowsWith[t] == 0) {
                out.add(new Evidence(rules.typeNames[t], levelOf(spec, rules.typeNames[t]), 0, 0, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, 0));
            }
        }
        List<String> levelOrder = new ArrayList<>(spec.levels().keySet());
        levelOrder.add(otherLevel(spec));
        out.sort((a, b) -> a.level().equals(b.level()) ? a.type().compareTo(b.type())
                : Integer.compare(levelOrder.indexOf(a.level()), levelOrder.indexOf(b.level())));
        return out;
    }

    /** @return the type's level in the base rules, or the level the proposal adds for the others */
    private static String levelOf(RuleSpec spec, String type) {
        for (var e : spec.levels().entrySet()) {
            if (e.getValue().contains(type)) {
                return e.getKey();
            }
        }
        return otherLevel(spec);
    }

    private static String otherLevel(RuleSpec spec) {
        String name = "other";
        while (spec.levels().containsKey(name)) {
            name = name + "_";
        }
        return name;
    }

    private static void written(OutputSet set, Path dir, Request request, RuleSpec spec, List<Evidence> evidence, long rows,
            long converters) throws IOException {
        String yaml = FittedRulesYaml.write(request, spec, evidence, otherLevel(spec), rows, converters);
        set.writeText(dir.resolve(RULES_YAML), w -> w.write(yaml));
        set.write(dir.resolve(EVIDENCE_CSV), out -> {
            CsvByteWriter w = new CsvByteWriter(out);
            List<String> header = List.of("event", "level", "lead_nights_with", "iv", "auc", "coefficient", "std_error", "z",
                    "points", "verdict");
            for (int i = 0; i < header.size(); i++) {
                if (i > 0) {
                    w.comma();
                }
                w.field(header.get(i));
            }
            w.endRow();
            for (Evidence e : evidence) {
                w.field(e.type());
                w.comma();
                w.field(e.level());
                w.comma();
                w.number(e.rowsWith());
                w.comma();
                w.number(round(e.iv()));
                w.comma();
                number(w, e.auc());
                w.comma();
                number(w, e.coefficient());
                w.comma();
                number(w, e.standardError());
                w.comma();
                number(w, e.z());
                w.comma();
                w.field(Cents.format(e.cents()));
                w.comma();
                w.field(e.verdict());
                w.endRow();
            }
            w.flush();
        });
    }

    private static void number(CsvByteWriter w, double v) throws IOException {
        if (!Double.isNaN(v)) {
            w.number(round(v));
        }
    }

    /** Six significant decimals: the evidence is read by people, and the same text on every JDK. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Rows of decayed counts per type, with the target, growing as primitive arrays. */
    private static final class Columns {
        double[][] x;
        byte[] y = new byte[1024];
        int size;

        Columns(int types) {
            x = new double[types][1024];
        }

        void add(double[] row, byte target) {
            if (size == y.length) {
                y = Arrays.copyOf(y, size * 2);
                for (int t = 0; t < x.length; t++) {
                    x[t] = Arrays.copyOf(x[t], size * 2);
                }
            }
            for (int t = 0; t < x.length; t++) {
                x[t][size] = row[t];
            }
            y[size++] = target;
        }
    }

    /** @return a number for the YAML comments */
    static String text(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
