package dev.scorecard.crm.rules;

import dev.scorecard.core.FitException;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.IrlsFitter;
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
import java.util.OptionalDouble;
import java.util.function.LongConsumer;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * {@code scorecard rules fit}: proposes points per event type from outcomes. Each lead on each night
 * (the backtest's population and target) gets, per event type, the sum of its events' decay factors
 * as of the night (the base rules' decay, so the proposal fades as it will be scored), and its age in
 * bands. A logistic regression of conversion within the horizon, by the project's IRLS fitter, on
 * one type and the age bands gives the type's own direction ({@code alone}); on all types and the
 * age bands, each type's coefficient, the log-odds one fresh event adds given the others. Points are
 * the coefficient scaled so that {@code pdo} points double the odds (by default the scale that puts
 * the 99th percentile of the lead-nights' fitted log-odds at 100): the rule score then sums log-odds,
 * as a scorecard does; the age bands become conditions on {@code registeredDays}.
 *
 * <p>Two guards, as a scorecard keeps its coefficients' signs with its variables' WOE: a type whose
 * joint coefficient is significant with the sign against its own direction (it stands in for the
 * others, e.g. general activity once the warm-up before a purchase is counted) is left out as
 * {@code redundant} and the rest refitted, the worst first; and a type whose coefficient is within
 * noise gets no points and says so. Within noise is |z| under the two-sided Bonferroni bound for
 * all the types and age bands tested at a family-wise 5 % (3.02 for 13 types and 7 bands), so that a
 * type without an effect gets points in about one fit in twenty, not in most. When a type or band
 * separates the outcomes (no converter ever had one), the fits fall back to a small L2 penalty, and
 * say so.
 */
public final class RulesFit {
    /** The proposed rules. */
    public static final String RULES_YAML = "fitted-rules.yaml";
    /** The evidence per event type. */
    public static final String EVIDENCE_CSV = "fit.csv";
    /** The family-wise chance of giving points to a type without an effect, over all types and bands tested. */
    static final double FAMILY_ERROR = 0.05;
    /**
     * The L2 penalty a fit falls back to when a type or band separates the outcomes (no converter had
     * one, say): it keeps the coefficient finite and strongly signed, where the unpenalised one runs
     * to infinity.
     */
    static final double SEPARATION_L2 = 1.0;
    /**
     * The lead-age bands fitted beside the event types, by their upper bound in days (older leads are
     * the baseline): a lead's chance to convert falls with its age whatever it does, and without them an
     * event that old leads pile up (a banner seen every week) would take the blame for their age.
     */
    static final int[] AGES = {3, 7, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365};
    /**
     * A band with fewer converters than this is merged into the next older one (the oldest into the
     * one before it): a band with none would have no finite coefficient.
     */
    static final int MIN_BAND_CONVERTERS = 10;

    /**
     * @param leads the leads file, with outcomes
     * @param events the event log
     * @param rules the base rules: their levels, decay, zone, channel weight and grades are kept
     * @param from the first night
     * @param to the last night, inclusive
     * @param everyDays days between nights
     * @param horizonDays the days after a night in which a conversion counts
     * @param pdo points that double the odds; empty: the scale that puts the 99th percentile of the
     *     lead-nights' fitted log-odds at 100 points, leads older than the last age band at 0
     * @param outDir where the outputs go
     * @param format delimiter, encoding and the command line's zone
     * @param zoneGiven whether the command line gave the zone
     * @param duplicates the command line's duplicate policy, if given
     * @param rejects where rejected event lines go (default {@code DIR/rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code DIR/lead-rejects.csv})
     * @param maxRejectShare the run fails when either file has more rejects than this share
     */
    public record Request(Path leads, Path events, Path rules, LocalDate from, LocalDate to, int everyDays,
            int horizonDays, OptionalDouble pdo, Path outDir, InputFormat format, boolean zoneGiven,
            Optional<DuplicatePolicy> duplicates, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare) {
        /** Checks the dates, steps and scale. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(outDir, "outDir");
            Nights.check(from, to, everyDays, horizonDays);
            if (pdo.isPresent() && !(pdo.getAsDouble() > 0 && pdo.getAsDouble() <= 100)) {
                throw new IllegalArgumentException("--pdo must be above 0 and at most 100, got " + pdo.getAsDouble());
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
     * @param alone its coefficient fitted alone (beside the lead-age bands): its own direction
     * @param aloneZ that coefficient over its standard error
     * @param coefficient its coefficient in the joint fit, NaN when it was left out (no lead-night had it, or
     *     redundant: the joint fit gave it the sign against its own direction)
     * @param standardError its standard error
     * @param z coefficient over standard error
     * @param threshold the |z| below which a coefficient is within noise (Bonferroni over the types and bands)
     * @param cents the proposed points, in hundredths (0 within noise or redundant)
     */
    public record Evidence(String type, String level, long rowsWith, double iv, double auc, double alone, double aloneZ,
            double coefficient, double standardError, double z, double threshold, long cents) {
        /** @return positive, negative, no signal (within noise), redundant, or no events */
        public String verdict() {
            if (Double.isNaN(alone)) {
                return "no events";
            }
            if (Double.isNaN(coefficient)) {
                return "redundant";
            }
            return Math.abs(z) < threshold ? "no signal" : coefficient > 0 ? "positive" : "negative";
        }
    }

    /**
     * A lead-age band's evidence: the log-odds its leads have over leads older than the last band,
     * whatever they did. Written as a condition on {@code registeredDays}, so that the rule score
     * carries the age the points were fitted beside.
     *
     * @param fromDays the band's first day of age (days from creation to the night, as
     *     {@code registeredDays} counts them)
     * @param toDays its last
     * @param coefficient the fitted coefficient
     * @param standardError its standard error
     * @param z coefficient over standard error
     * @param cents the proposed points, in hundredths (0 within noise, as for the types)
     */
    public record AgeBand(int fromDays, int toDays, double coefficient, double standardError, double z, long cents) {
        /** @return the condition's name */
        public String name() {
            return "registered-" + fromDays + "-" + toDays + "d";
        }

        /** @return the condition's expression */
        public String when() {
            return fromDays == 0 ? "registeredDays <= " + toDays
                    : "registeredDays >= " + fromDays + " and registeredDays <= " + toDays;
        }
    }

    /**
     * @param rows lead-nights fitted on
     * @param converters of them, those that converted in the horizon
     * @param evidence per event type, by the base rules' level order, then by name
     * @param ages per lead-age band, youngest first
     * @param threshold the |z| below which a coefficient is within noise
     * @param penalised whether the fits fell back to an L2 penalty because something separated the outcomes
     * @param events the log's counts
     * @param written the files written
     */
    public record Outcome(long rows, long converters, List<Evidence> evidence, List<AgeBand> ages, double threshold,
            boolean penalised, EventCounts events, List<Path> written) {
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
            Columns columns = new Columns(types + 1);
            dev.scorecard.crm.events.LocalDays days = new dev.scorecard.crm.events.LocalDays(data.zone);
            EventTable table = data.table;
            int[] starts = data.grouped[0];
            int[] order = data.grouped[1];
            double[] x = new double[types + 1];
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
                    x[types] = age;
                    columns.add(x, data.target(i, end), i);
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
            Fitted fitted = fit(rules, columns, request.pdo(), spec);
            written(set, dir, request, spec, fitted, columns.size, converters);
            List<Path> written = new ArrayList<>(List.of(dir.resolve(RULES_YAML), dir.resolve(EVIDENCE_CSV)));
            data.in.closeRejects(written);
            data.in.checkShares(data.leads, request.events(), data.counts.rejected(), data.counts.read(),
                    request.maxRejectShare(), dir.resolve(RULES_YAML));
            set.commit();
            return new Outcome(columns.size, converters, fitted.evidence(), fitted.ages(), fitted.threshold(),
                    fitted.penalised(), data.counts, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The evidence per type and per lead-age band, the points that double the odds, and the 99th
     * percentile of the lead-nights' fitted log-odds.
     */
    record Fitted(List<Evidence> evidence, List<AgeBand> ages, double pdo, double top, double threshold,
            boolean penalised) {
    }

    private static Fitted fit(CompiledRules rules, Columns columns, OptionalDouble pdo, RuleSpec spec) {
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
        int k = kept.size();
        double[][] x = new double[k][];
        for (int j = 0; j < k; j++) {
            x[j] = Arrays.copyOf(columns.x[kept.get(j)], columns.size);
        }
        int[] edges = bandEdges(columns.x[types], y);
        List<double[]> ages = new ArrayList<>();
        List<String> ageNames = new ArrayList<>();
        for (int a = 0; a < edges.length; a++) {
            double[] band = new double[columns.size];
            int lo = a == 0 ? -1 : edges[a - 1];
            for (int r = 0; r < band.length; r++) {
                band[r] = columns.x[types][r] > lo && columns.x[types][r] <= edges[a] ? 1 : 0;
            }
            ages.add(band);
            ageNames.add("registered_to_" + edges[a] + "d");
        }
        int bandCount = ages.size();
        // Bonferroni: each of the k types and the bands is tested, so each at FAMILY_ERROR / (k + bands), two-sided.
        double zc = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - FAMILY_ERROR / 2
                / Math.max(1, k + edges.length));
        boolean[] penalised = new boolean[1];
        int[] lead = Arrays.copyOf(columns.lead, columns.size);
        int leadCount = 0;
        for (int l : lead) {
            leadCount = Math.max(leadCount, l + 1);
        }
        Coefficient[] alone = new Coefficient[k];
        for (int j = 0; j < k; j++) {
            alone[j] = regress(List.of(rules.typeNames[kept.get(j)]), new double[][] {x[j]}, ages, ageNames, y, lead,
                    leadCount, spec, penalised)[0];
        }
        boolean[] dropped = new boolean[k];
        Coefficient[] joint = new Coefficient[k];
        Coefficient[] ageCoefficients;
        while (true) {
            List<String> names = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (!dropped[j]) {
                    names.add(rules.typeNames[kept.get(j)]);
                    cols.add(x[j]);
                    at.add(j);
                }
            }
            Coefficient[] c = regress(names, cols.toArray(new double[0][]), ages, ageNames, y, lead, leadCount, spec,
                    penalised);
            Arrays.fill(joint, null);
            ageCoefficients = Arrays.copyOfRange(c, at.size(), at.size() + bandCount);
            int worst = -1;
            for (int i = 0; i < at.size(); i++) {
                int j = at.get(i);
                joint[j] = c[i];
                boolean against = Math.abs(c[i].z()) >= zc && Math.signum(c[i].estimate()) != Math.signum(alone[j].estimate());
                if (against && (worst < 0 || Math.abs(c[i].z()) > Math.abs(joint[worst].z()))) {
                    worst = j;
                }
            }
            if (worst < 0) {
                break;
            }
            dropped[worst] = true;
        }
        // The log-odds each lead-night gets from what is kept (significant, not redundant), leads older
        // than the last band at 0: the automatic scale puts its 99th percentile at 100 points.
        double[] eta = new double[columns.size];
        for (int j = 0; j < k; j++) {
            if (!dropped[j] && Math.abs(joint[j].z()) >= zc) {
                for (int r = 0; r < eta.length; r++) {
                    eta[r] += joint[j].estimate() * x[j][r];
                }
            }
        }
        for (int a = 0; a < edges.length; a++) {
            if (Math.abs(ageCoefficients[a].z()) >= zc) {
                for (int r = 0; r < eta.length; r++) {
                    eta[r] += ageCoefficients[a].estimate() * ages.get(a)[r];
                }
            }
        }
        double top = percentile(eta, 0.99);
        double scale = pdo.isPresent() ? pdo.getAsDouble() / Math.log(2) : top > 0 ? 100 / top : 20 / Math.log(2);
        List<Evidence> out = new ArrayList<>();
        // Event types are sparse (most lead-nights have none of most types): bins down to 1 % of the rows.
        NumericBinner binner = new NumericBinner(BinningOptions.defaults().withMinBinShare(0.01));
        for (int j = 0; j < k; j++) {
            int t = kept.get(j);
            String name = rules.typeNames[t];
            double iv = binner.fit(NumericColumn.of(name, x[j]), target, List.of()).iv();
            double auc = Metrics.auc(x[j], target);
            Coefficient c = dropped[j] ? alone[j] : joint[j];
            long cents = dropped[j] || Math.abs(c.z()) < zc ? 0 : Math.round(c.estimate() * scale * 100);
            out.add(new Evidence(name, levelOf(spec, name), rowsWith[t], iv, auc, alone[j].estimate(), alone[j].z(),
                    dropped[j] ? Double.NaN : c.estimate(), dropped[j] ? Double.NaN : c.standardError(),
                    dropped[j] ? Double.NaN : c.z(), zc, cents));
        }
        for (int t = 0; t < types; t++) {
            if (rowsWith[t] == 0) {
                out.add(new Evidence(rules.typeNames[t], levelOf(spec, rules.typeNames[t]), 0, 0, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, zc, 0));
            }
        }
        List<String> levelOrder = new ArrayList<>(spec.levels().keySet());
        levelOrder.add(otherLevel(spec));
        out.sort((a, b) -> a.level().equals(b.level()) ? a.type().compareTo(b.type())
                : Integer.compare(levelOrder.indexOf(a.level()), levelOrder.indexOf(b.level())));
        List<AgeBand> bands = new ArrayList<>();
        for (int a = 0; a < edges.length; a++) {
            Coefficient c = ageCoefficients[a];
            bands.add(new AgeBand(a == 0 ? 0 : edges[a - 1] + 1, edges[a], c.estimate(), c.standardError(), c.z(),
                    Math.abs(c.z()) < zc ? 0 : Math.round(c.estimate() * scale * 100)));
        }
        return new Fitted(out, bands, scale * Math.log(2), top, zc, penalised[0]);
    }

    /** @return the value below which {@code share} of the values lie (the nearest rank) */
    static double percentile(double[] values, double share) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
    }

    /**
     * The upper bounds of the lead-age bands: {@link #AGES}, with any band (the oldest, beyond the last
     * bound, included) that holds fewer than {@link #MIN_BAND_CONVERTERS} converters merged into its
     * older neighbour, the oldest into its younger one.
     */
    static int[] bandEdges(double[] age, byte[] y) {
        List<Integer> edges = new ArrayList<>();
        for (int a : AGES) {
            edges.add(a);
        }
        while (true) {
            long[] converters = new long[edges.size() + 1];
            for (int r = 0; r < y.length; r++) {
                if (y[r] == 1) {
                    int g = 0;
                    while (g < edges.size() && age[r] > edges.get(g)) {
                        g++;
                    }
                    converters[g]++;
                }
            }
            int thin = -1;
            for (int g = 0; g < converters.length && thin < 0; g++) {
                if (converters[g] < MIN_BAND_CONVERTERS) {
                    thin = g;
                }
            }
            if (thin < 0 || edges.isEmpty()) {
                break;
            }
            // Merging group g with its older neighbour removes the edge between them: edge g.
            edges.remove(Math.min(thin, edges.size() - 1));
        }
        return edges.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A logistic regression of {@code y} on the columns and the lead-age bands, by the project's IRLS
     * fitter, unpenalised (the standard errors are then the textbook ones).
     *
     * @return the columns' coefficients, in their order, then the age bands'
     */
    private static Coefficient[] regress(List<String> names, double[][] cols, List<double[]> ages, List<String> ageNames,
            byte[] y, int[] cluster, int clusters, RuleSpec spec, boolean[] penalised) {
        double[][] design = new double[cols.length + ages.size()][];
        System.arraycopy(cols, 0, design, 0, cols.length);
        for (int a = 0; a < ages.size(); a++) {
            design[cols.length + a] = ages.get(a);
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(ageNames);
        try {
            return ClusteredErrors.of(new IrlsFitter(LogisticOptions.defaults()).fit(all, design, y, null), design, y,
                    cluster, clusters, 0);
        } catch (FitException e) {
            if (!e.getMessage().contains("separat")) {
                throw new InputDataException(spec.file(), 0, null, "the points could not be fitted: " + e.getMessage());
            }
        }
        penalised[0] = true;
        try {
            return ClusteredErrors.of(new IrlsFitter(LogisticOptions.defaults().withL2(SEPARATION_L2)).fit(all, design, y,
                    null), design, y, cluster, clusters, SEPARATION_L2);
        } catch (FitException e) {
            throw new InputDataException(spec.file(), 0, null, "the points could not be fitted: " + e.getMessage());
        }
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

    private static void written(OutputSet set, Path dir, Request request, RuleSpec spec, Fitted fitted, long rows,
            long converters) throws IOException {
        List<Evidence> evidence = fitted.evidence();
        String yaml = FittedRulesYaml.write(request, spec, fitted, otherLevel(spec), rows, converters);
        set.writeText(dir.resolve(RULES_YAML), w -> w.write(yaml));
        set.write(dir.resolve(EVIDENCE_CSV), out -> {
            CsvByteWriter w = new CsvByteWriter(out);
            List<String> header = List.of("event", "level", "lead_nights_with", "iv", "auc", "alone", "alone_z",
                    "coefficient", "std_error", "z", "points", "verdict");
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
                number(w, e.alone());
                w.comma();
                number(w, e.aloneZ());
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
        int[] lead = new int[1024];
        int size;

        Columns(int types) {
            x = new double[types][1024];
        }

        void add(double[] row, byte target, int leadIndex) {
            if (size == y.length) {
                y = Arrays.copyOf(y, size * 2);
                lead = Arrays.copyOf(lead, size * 2);
                for (int t = 0; t < x.length; t++) {
                    x[t] = Arrays.copyOf(x[t], size * 2);
                }
            }
            for (int t = 0; t < x.length; t++) {
                x[t][size] = row[t];
            }
            lead[size] = leadIndex;
            y[size++] = target;
        }
    }

    /** @return a number for the YAML comments */
    static String text(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
