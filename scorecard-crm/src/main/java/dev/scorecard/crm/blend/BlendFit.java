package dev.scorecard.crm.blend;

import dev.scorecard.core.FitException;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.IrlsFitter;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.core.regression.LogisticOptions;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code scorecard blend fit}: the blend's weights fitted on outcomes. The population is the leads
 * created by the as-of instant T and not converted by then, the target a conversion within the
 * horizon after T; each lead's parts are its values on 0–100 as {@link BlendWorkflow} reads them
 * ({@link PartValues}). A logistic regression by the project's IRLS fitter of the target on each
 * part's value / 100 (0 when absent), with a missing-indicator for each part that some leads lack,
 * gives each part's coefficient; a part with a negative coefficient is dropped (a blend weight cannot
 * be negative), the most negative z first, and the rest refitted. The weights are the parts'
 * coefficients normalised to sum to 1 in ten-thousandths (largest remainders), written into a copy of
 * the blend YAML with {@code fill: renormalise}; the blended score with those weights is calibrated by
 * Platt scaling (a logistic fit of the target on {@code score100}). With a test start, leads created
 * before it are fitted and those created from it on only measured: AUC per part and of the blend on
 * both sets, calibration by 10-point band on both.
 */
public final class BlendFit {
    /** The blend YAML with the fitted weights. */
    public static final String BLEND_YAML = "blend.yaml";
    /** The coefficients, weights and Platt parameters. */
    public static final String FIT_CSV = "fit.csv";
    /** Observed against predicted rates by score band. */
    public static final String CALIBRATION_CSV = "calibration.csv";
    /** AUC per part and of the blend, on the fit and the test set. */
    public static final String PERFORMANCE_CSV = "performance.csv";
    /** The suffix of a part's missing-indicator. */
    static final String MISSING = "_missing";
    /** The score's bands in calibration.csv, in points. */
    static final int BAND = 10;
    private static final long DAY = 86_400_000L;

    /**
     * @param leads the leads file, with {@code converted_at}
     * @param config the blend YAML whose parts are fitted
     * @param channels the channel table as of T, if a part
     * @param rulesScores the rule scores as of T, if a part
     * @param modelScores the model's scores as of T, if a part
     * @param asOf T as written (a date is the start of that day in the format's zone)
     * @param horizonDays a conversion within this many days (of 24 hours) after T counts
     * @param testFrom with it, leads created before it are fitted and those from it on are the test set
     * @param outDir where the outputs go
     * @param format the leads file's delimiter, encoding and zone
     * @param maxRejectShare the run fails when any file has more rejected rows than this share
     */
    public record Request(Path leads, Path config, Optional<Path> channels, Optional<Path> rulesScores,
            Optional<Path> modelScores, String asOf, int horizonDays, Optional<String> testFrom, Path outDir,
            InputFormat format, double maxRejectShare) {
        /** Checks. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(format, "format");
            if (horizonDays < 1) {
                throw new IllegalArgumentException("--horizon is at least 1d, got " + horizonDays + "d");
            }
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(BLEND_YAML), outDir.resolve(FIT_CSV), outDir.resolve(CALIBRATION_CSV),
                    outDir.resolve(PERFORMANCE_CSV), outDir.resolve(BlendWorkflow.LEAD_REJECTS_CSV),
                    outDir.resolve(BlendWorkflow.RULES_REJECTS_CSV), outDir.resolve(BlendWorkflow.MODEL_REJECTS_CSV));
        }
    }

    /**
     * One term of the fitted regression.
     *
     * @param name a part, a part's missing-indicator ({@code model_missing}) or {@code (Intercept)}
     * @param coefficient its coefficient (for a dropped part, in the last fit it was in)
     * @param standardError its standard error
     * @param z coefficient over standard error
     * @param pValue the two-sided p-value
     * @param weight a part's weight in the blend (0 for a dropped part), NaN for the other terms
     * @param auc a part's AUC alone on the fit set (absent below every value), NaN for the other terms
     * @param note why a part was dropped, else empty
     */
    public record Term(String name, double coefficient, double standardError, double z, double pValue, double weight,
            double auc, String note) {
    }

    /**
     * How the parts and the blend rank one set of leads.
     *
     * @param set {@code fit} or {@code test}
     * @param leads the set's leads
     * @param converters of them, those converting within the horizon
     * @param parts the parts' names, in order
     * @param auc each part's AUC alone (absent below every value), then the fitted blend's; NaN without
     *     both classes
     */
    public record Performance(String set, long leads, long converters, List<String> parts, double[] auc) {
        /** Copies. */
        public Performance {
            parts = List.copyOf(parts);
            auc = auc.clone();
        }

        /** @return a copy of the AUCs */
        @Override
        public double[] auc() {
            return auc.clone();
        }
    }

    /**
     * @param leadsRead lead rows read
     * @param leadsRejected of them rejected
     * @param createdAfter leads created after T (not yet leads then)
     * @param convertedBefore leads converted by T, or converted at no known time (left out)
     * @param withoutParts leads that no part has a value for (left out)
     * @param fitLeads the leads fitted on; {@code leadsRead = leadsRejected + createdAfter + convertedBefore
     *     + withoutParts + fitLeads + testLeads}
     * @param fitConverters of them, those converting within the horizon
     * @param testLeads the leads of the test set (0 without one)
     * @param testConverters of them, those converting
     * @param terms the regression's terms: the intercept, then per part its value and its indicator
     * @param dropped the parts dropped for a negative coefficient, or for having no value in the fit set
     * @param platt the Platt scaling's intercept and slope on {@code score100}
     * @param plattSe their standard errors
     * @param performance the fit set's and, with a test, the test set's AUCs
     * @param written the files written
     */
    public record Outcome(long leadsRead, long leadsRejected, long createdAfter, long convertedBefore, long withoutParts,
            long fitLeads, long fitConverters, long testLeads, long testConverters, List<Term> terms, List<String> dropped,
            double[] platt, double[] plattSe, List<Performance> performance, List<Path> written) {
    }

    private BlendFit() {
    }

    /**
     * @param request what to fit
     * @return the evidence and the files written
     * @throws InputDataException for bad input, when the fit set lacks converters or non-converters, or
     *     when no part has a positive coefficient
     * @throws IllegalArgumentException when a configured part has no file or a file no part, or a time
     *     cannot be read
     */
    public static Outcome run(Request request) {
        BlendSpec spec = BlendSpec.read(request.config());
        long asOf = FeaturesWorkflow.asOf(request.asOf(), request.format());
        long end = asOf + request.horizonDays() * DAY;
        long testFrom = Long.MAX_VALUE;
        if (request.testFrom().isPresent()) {
            testFrom = time("--test", request.testFrom().get(), request.format());
            if (testFrom > asOf) {
                throw new IllegalArgumentException("--test " + request.testFrom().get() + " is after --as-of "
                        + request.asOf() + ": the test set is the leads created from it to the as-of instant");
            }
        }
        Path dir = request.outDir();
        try (OutputSet set = OutputSet.of(request.members())) {
            PartValues in = PartValues.read(spec, request.leads(), request.channels(), request.rulesScores(),
                    request.modelScores(), request.format(), request.maxRejectShare(), set, dir, dir.resolve(BLEND_YAML));
            LeadTable leads = in.leads;
            if (!leads.header().contains(LeadTable.CONVERTED_AT)) {
                throw new InputDataException(request.leads().toString(), 0, null, "a fit needs the leads' outcomes:"
                        + " column " + LeadTable.CONVERTED_AT + " (its header: " + String.join(", ", leads.header()) + ")");
            }
            int n = in.parts.size();
            // Each lead's set: 0 fit, 1 test, -1 out.
            byte[] which = new byte[leads.size()];
            long createdAfter = 0;
            long convertedBefore = 0;
            long withoutParts = 0;
            for (int i = 0; i < leads.size(); i++) {
                which[i] = -1;
                long converted = leads.convertedAt(i);
                if (leads.createdAt(i) > asOf) {
                    createdAfter++;
                } else if (converted == LeadTable.NO_TIME ? leads.converted(i) == 1 : converted <= asOf) {
                    convertedBefore++;
                } else if (!anyPart(in.values, i)) {
                    withoutParts++;
                } else {
                    which[i] = (byte) (leads.createdAt(i) < testFrom ? 0 : 1);
                }
            }
            int[][] rows = new int[2][];
            for (int s = 0; s < 2; s++) {
                int t = s;
                rows[s] = java.util.stream.IntStream.range(0, leads.size()).filter(i -> which[i] == t).toArray();
            }
            byte[][] y = new byte[2][];
            long[] converters = new long[2];
            for (int s = 0; s < 2; s++) {
                y[s] = new byte[rows[s].length];
                for (int r = 0; r < rows[s].length; r++) {
                    long c = leads.convertedAt(rows[s][r]);
                    y[s][r] = (byte) (c != LeadTable.NO_TIME && c <= end ? 1 : 0);
                    converters[s] += y[s][r];
                }
            }
            if (converters[0] == 0 || converters[0] == rows[0].length) {
                throw new InputDataException(request.leads().toString(), 0, null, "the fit set holds " + rows[0].length
                        + " leads and " + converters[0] + " of them converted within " + request.horizonDays()
                        + " days after " + request.asOf() + ": a fit needs both converters and non-converters");
            }
            Fitted fitted = fit(spec, in, rows[0], y[0]);
            long[] weights = fitted.weights;
            // The blended score of every lead in either set, as scorecard blend computes it with these weights.
            double[][] score = new double[2][];
            for (int s = 0; s < 2; s++) {
                score[s] = new double[rows[s].length];
                for (int r = 0; r < rows[s].length; r++) {
                    score[s][r] = blended(weights, in.values, rows[s][r]) / 100.0;
                }
            }
            LogisticFit platt;
            try {
                platt = new IrlsFitter(LogisticOptions.defaults()).fit(List.of("score100"), new double[][] {score[0]},
                        y[0], null);
            } catch (FitException e) {
                throw new InputDataException(request.config().toString(), 0, null, "the blended score could not be"
                        + " calibrated: " + e.getMessage());
            }
            List<Performance> performance = new ArrayList<>();
            List<String> names = in.parts.stream().map(p -> p.part().configName).toList();
            for (int s = 0; s < (request.testFrom().isPresent() ? 2 : 1); s++) {
                double[] auc = new double[n + 1];
                for (int p = 0; p < n; p++) {
                    double[] v = new double[rows[s].length];
                    for (int r = 0; r < v.length; r++) {
                        v[r] = in.values[p][rows[s][r]] / 100.0;
                    }
                    auc[p] = auc(v, y[s], converters[s]);
                }
                auc[n] = auc(score[s], y[s], converters[s]);
                performance.add(new Performance(s == 0 ? "fit" : "test", rows[s].length, converters[s], names, auc));
            }
            List<Term> terms = new ArrayList<>();
            for (Term t : fitted.terms) {
                int p = names.indexOf(t.name());
                terms.add(p < 0 ? t : new Term(t.name(), t.coefficient(), t.standardError(), t.z(), t.pValue(), t.weight(),
                        performance.get(0).auc[p], t.note()));
            }
            Coefficient a = platt.intercept();
            Coefficient b = platt.coefficients().get(0);
            double[] plattParameters = {a.estimate(), b.estimate()};
            double[] plattSe = {a.standardError(), b.standardError()};
            String yaml = FittedBlendYaml.write(Files.readString(request.config(), StandardCharsets.UTF_8), spec, weights,
                    fitted.terms, request, rows[0].length, converters[0]);
            set.writeText(dir.resolve(BLEND_YAML), w -> w.write(yaml));
            set.writeText(dir.resolve(FIT_CSV), w -> {
                w.write("fit,term,coefficient,std_error,z,p_value,weight,auc,note\n");
                for (Term t : terms) {
                    w.write(String.join(",", "blend", t.name(), text(t.coefficient()), text(t.standardError()), text(t.z()),
                            text(t.pValue()), Double.isNaN(t.weight()) ? "" : DoubleFormat.format(t.weight()),
                            text(t.auc()), t.note()) + "\n");
                }
                for (Coefficient c : List.of(a, b)) {
                    w.write(String.join(",", "platt", c.name(), text(c.estimate()), text(c.standardError()), text(c.z()),
                            text(c.pValue()), "", c == b ? text(performance.get(0).auc[n]) : "", "") + "\n");
                }
            });
            set.writeText(dir.resolve(CALIBRATION_CSV), w -> {
                w.write("set,from,to,leads,converters,observed,predicted\n");
                for (Performance p : performance) {
                    int s = p.set().equals("fit") ? 0 : 1;
                    long[] count = new long[100 / BAND];
                    long[] events = new long[count.length];
                    double[] predicted = new double[count.length];
                    for (int r = 0; r < rows[s].length; r++) {
                        int band = Math.min(count.length - 1, (int) (score[s][r] / BAND));
                        count[band]++;
                        events[band] += y[s][r];
                        predicted[band] += platt.probability(new double[] {score[s][r]});
                    }
                    for (int band = 0; band < count.length; band++) {
                        w.write(String.join(",", p.set(), Integer.toString(band * BAND), Integer.toString((band + 1) * BAND),
                                Long.toString(count[band]), Long.toString(events[band]),
                                count[band] == 0 ? "" : text((double) events[band] / count[band]),
                                count[band] == 0 ? "" : text(predicted[band] / count[band])) + "\n");
                    }
                }
            });
            set.writeText(dir.resolve(PERFORMANCE_CSV), w -> {
                w.write("set,leads,converters," + String.join(",", names) + ",blend\n");
                for (Performance p : performance) {
                    StringBuilder line = new StringBuilder(p.set() + "," + p.leads() + "," + p.converters());
                    for (double v : p.auc) {
                        line.append(',').append(text(v));
                    }
                    w.write(line + "\n");
                }
            });
            List<Path> written = new ArrayList<>(List.of(dir.resolve(BLEND_YAML), dir.resolve(FIT_CSV),
                    dir.resolve(CALIBRATION_CSV), dir.resolve(PERFORMANCE_CSV)));
            written.addAll(in.rejectsWritten);
            set.commit();
            return new Outcome(leads.rowsRead(), leads.rowsRejected(), createdAfter, convertedBefore, withoutParts,
                    rows[0].length, converters[0], rows[1].length, converters[1], terms, fitted.dropped, plattParameters,
                    plattSe, performance, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regression's terms, the parts' weights in ten-thousandths (0 for a dropped part) and the dropped parts. */
    record Fitted(List<Term> terms, long[] weights, List<String> dropped) {
    }

    /**
     * Fits the target on the parts' values / 100 and their missing-indicators, dropping the part with
     * the most negative z while any part's coefficient is negative.
     */
    static Fitted fit(BlendSpec spec, PartValues in, int[] rows, byte[] y) {
        int n = in.parts.size();
        double[][] value = new double[n][rows.length];
        double[][] missing = new double[n][rows.length];
        long[] present = new long[n];
        for (int p = 0; p < n; p++) {
            for (int r = 0; r < rows.length; r++) {
                long v = in.values[p][rows[r]];
                value[p][r] = v < 0 ? 0 : v / 10_000.0;
                missing[p][r] = v < 0 ? 1 : 0;
                present[p] += v < 0 ? 0 : 1;
            }
        }
        String[] notes = new String[n];
        Coefficient[] last = new Coefficient[n];
        List<String> dropped = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (present[p] == 0) {
                notes[p] = "dropped: no lead of the fit set has it";
                dropped.add(in.parts.get(p).part().configName);
            }
        }
        while (true) {
            List<String> names = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            int[] at = new int[n];
            Arrays.fill(at, -1);
            List<double[]> indicators = new ArrayList<>();
            List<String> indicatorNames = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (notes[p] == null) {
                    at[p] = names.size();
                    names.add(in.parts.get(p).part().configName);
                    cols.add(value[p]);
                }
            }
            for (int p = 0; p < n; p++) {
                // An indicator for a part some leads lack, unless another part is missing for exactly the same leads.
                double[] m = missing[p];
                if (notes[p] == null && present[p] < rows.length && indicators.stream().noneMatch(x -> Arrays.equals(x, m))) {
                    indicators.add(missing[p]);
                    indicatorNames.add(in.parts.get(p).part().configName + MISSING);
                }
            }
            if (names.isEmpty()) {
                throw new InputDataException(spec.file(), 0, null, "no part has a positive coefficient ("
                        + String.join(", ", dropped) + " dropped): there are no weights to fit");
            }
            names.addAll(indicatorNames);
            cols.addAll(indicators);
            LogisticFit fit;
            try {
                fit = new IrlsFitter(LogisticOptions.defaults()).fit(names, cols.toArray(new double[0][]), y, null);
            } catch (FitException e) {
                throw new InputDataException(spec.file(), 0, null, "the weights could not be fitted: " + e.getMessage());
            }
            int worst = -1;
            for (int p = 0; p < n; p++) {
                if (at[p] >= 0) {
                    last[p] = fit.coefficients().get(at[p]);
                    if (last[p].estimate() < 0 && (worst < 0 || last[p].z() < last[worst].z())) {
                        worst = p;
                    }
                }
            }
            if (worst >= 0) {
                notes[worst] = "dropped: negative coefficient";
                dropped.add(in.parts.get(worst).part().configName);
                continue;
            }
            long[] weights = weights(last, notes);
            List<Term> terms = new ArrayList<>();
            terms.add(term(fit.intercept(), Double.NaN, ""));
            for (int p = 0; p < n; p++) {
                String name = in.parts.get(p).part().configName;
                Coefficient c = last[p];
                terms.add(c == null ? new Term(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, notes[p])
                        : term(c, weights[p] / (double) BlendSpec.WEIGHT_SCALE, notes[p] == null ? "" : notes[p]));
                int k = names.indexOf(name + MISSING);
                if (k >= 0) {
                    terms.add(term(fit.coefficients().get(k), Double.NaN, ""));
                }
            }
            return new Fitted(terms, weights, List.copyOf(dropped));
        }
    }

    /**
     * The kept parts' coefficients normalised to sum to {@link BlendSpec#WEIGHT_SCALE}: each rounded
     * down, the units still missing to the largest remainders (the earlier part on a tie).
     */
    static long[] weights(Coefficient[] coefficients, String[] notes) {
        int n = coefficients.length;
        double sum = 0;
        for (int p = 0; p < n; p++) {
            if (notes[p] == null) {
                sum += coefficients[p].estimate();
            }
        }
        long[] out = new long[n];
        double[] remainder = new double[n];
        long given = 0;
        for (int p = 0; p < n; p++) {
            if (notes[p] == null) {
                double exact = sum > 0 ? coefficients[p].estimate() / sum * BlendSpec.WEIGHT_SCALE
                        : (double) BlendSpec.WEIGHT_SCALE / Arrays.stream(notes).filter(Objects::isNull).count();
                out[p] = (long) Math.floor(exact);
                remainder[p] = exact - out[p];
                given += out[p];
            }
        }
        for (long missing = BlendSpec.WEIGHT_SCALE - given; missing > 0; missing--) {
            int best = -1;
            for (int p = 0; p < n; p++) {
                if (notes[p] == null && (best < 0 || remainder[p] > remainder[best])) {
                    best = p;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }

    private static Term term(Coefficient c, double weight, String note) {
        return new Term(c.name(), c.estimate(), c.standardError(), c.z(), c.pValue(), weight, Double.NaN, note);
    }

    /**
     * @return lead i's blended score in hundredths with these weights, the absent parts renormalised
     *     away ({@code fill: renormalise}), as {@link Ledger} computes it; 0 when no weighted part is present
     */
    static long blended(long[] weights, long[][] values, int i) {
        long total = 0;
        long sumWeights = 0;
        for (int p = 0; p < weights.length; p++) {
            if (values[p][i] >= 0) {
                total += weights[p] * values[p][i];
                sumWeights += weights[p];
            }
        }
        return sumWeights == 0 ? 0 : (2 * total + sumWeights) / (2 * sumWeights);
    }

    private static boolean anyPart(long[][] values, int i) {
        for (long[] v : values) {
            if (v[i] >= 0) {
                return true;
            }
        }
        return false;
    }

    private static double auc(double[] scores, byte[] y, long converters) {
        if (converters == 0 || converters == y.length) {
            return Double.NaN;
        }
        double[] s = scores.clone();
        return Metrics.auc(s, BinaryTarget.of("converted", "1", y));
    }

    private static long time(String option, String text, InputFormat format) {
        try {
            return FeaturesWorkflow.asOf(text, format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--as-of", option));
        }
    }

    /** @return six significant digits, the same text on every JDK; empty for NaN */
    static String text(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == 0 || Double.isInfinite(v)) {
            return DoubleFormat.format(v);
        }
        return DoubleFormat.format(new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue());
    }
}
