package dev.scorecard.core.regression;

import dev.scorecard.core.model.Coefficient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.scorecard.core.FitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seam between the fitter and the rows: a pass that splits the rows into partitions, sums each
 * into its own {@link PassSums} with a plain per-row loop and adds them, as a cluster would, fits
 * what the in-memory pass over the same columns fits; and the errors come through it the same.
 */
class RowPassTest {
    private static final Path DATASETS = Path.of("..").toAbsolutePath().normalize().resolve("datasets");

    /**
     * The split pass adds the same terms in another order (row by row, then partition by partition,
     * against the in-memory pass's blocks of 256 dot products), which changes each sum by a few ulps;
     * Newton's method then lands on the same optimum up to that noise times the design's condition,
     * far below 1e-12 relative on these designs (the largest difference seen is printed).
     */
    private static final double RELATIVE = 1e-12;

    @ParameterizedTest
    @CsvSource({
        "germancredit/germancredit.csv, creditability, bad, germancredit, false, 0",
        "germancredit/germancredit.csv, creditability, bad, germancredit, true, 0",
        "germancredit/germancredit.csv, creditability, bad, germancredit, true, 100",
        "credit-data/credit_data.csv, Status, bad, credit_data, false, 0",
        "credit-data/credit_data.csv, Status, bad, credit_data, false, 10",
    })
    void splitPassFitsWhatTheColumnsFit(String file, String target, String event, String variables,
            boolean weighted, double l2) {
        List<String> names = variables.equals("germancredit") ? IrlsFitterTest.GERMAN : IrlsFitterTest.CREDIT_DATA;
        IrlsFitterTest.Design design = IrlsFitterTest.Design.load(DATASETS.resolve(file), target, event, names);
        double[] weights = weighted ? design.rowIndexWeights() : null;
        IrlsFitter fitter = new IrlsFitter(LogisticOptions.defaults().withL2(l2));
        LogisticFit whole = fitter.fit(names, design.columns, design.y, weights);
        SplitPass split = new SplitPass(names, design.columns, design.y, weights);
        LogisticFit parts = fitter.fit(split);
        double worst = assertSameFit(parts, whole, file + " weighted " + weighted + " l2 " + l2);
        System.out.printf("%s weighted %s l2 %s: split pass within %.1e of the in-memory fit%n", file, weighted,
                l2, worst);
    }

    @Test
    void splitPassFitsRandomDesigns() {
        double worst = 0;
        for (long seed = 1; seed <= 12; seed++) {
            int p = 1 + (int) (seed % 8);
            IrlsFitterTest.Random data = IrlsFitterTest.Random.of(seed, 700 + 311 * (int) seed, p);
            // Every fourth row weighted out, the others from 0.5 to 2.
            double[] w = new double[data.n];
            for (int i = 0; i < data.n; i++) {
                w[i] = i % 4 == 3 ? 0 : 0.5 + 0.5 * (i % 4);
            }
            double[] weights = seed % 2 == 0 ? w : null;
            IrlsFitter fitter = new IrlsFitter(LogisticOptions.defaults().withL2(seed % 3 == 0 ? 2.0 : 0.0));
            LogisticFit whole = fitter.fit(data.names, data.columns, data.y, weights);
            LogisticFit parts = fitter.fit(new SplitPass(data.names, data.columns, data.y, weights));
            worst = Math.max(worst, assertSameFit(parts, whole, "seed " + seed));
        }
        System.out.printf("random designs: split pass within %.1e of the in-memory fit%n", worst);
    }

    @Test
    void separationAndSingularityComeThroughTheSeam() {
        // The designs of IrlsFitterTest's refusal tests.
        IrlsFitterTest.Random data = IrlsFitterTest.Random.of(3, 200, 2);
        double[] x = new double[data.n];
        for (int i = 0; i < data.n; i++) {
            x[i] = data.y[i] == 1 ? 1 + data.columns[0][i] * data.columns[0][i] : -1 - Math.abs(data.columns[1][i]);
        }
        assertSameRefusal(List.of("a", "x", "b"), new double[][] {data.columns[0], x, data.columns[1]}, data.y,
                "perfect separation: 'x' separates events from non-events; remove it or use l2");

        data = IrlsFitterTest.Random.of(11, 600, 2);
        double[] flag = new double[data.n];
        int flagged = 0;
        for (int i = 0; i < data.n && flagged < 40; i++) {
            if (data.y[i] == 1) {
                flag[i] = 1;
                flagged++;
            }
        }
        assertSameRefusal(List.of("a", "flag", "b"), new double[][] {data.columns[0], flag, data.columns[1]}, data.y,
                "perfect separation: 'flag' separates events from non-events; remove it or use l2");

        data = IrlsFitterTest.Random.of(5, 300, 2);
        assertSameRefusal(List.of("a", "c", "b"),
                new double[][] {data.columns[0], data.columns[1], data.columns[0].clone()}, data.y,
                "singular design: 'b' is a linear combination of 'a'");
        double[] sum = new double[data.n];
        for (int i = 0; i < data.n; i++) {
            sum[i] = 2 * data.columns[0][i] - data.columns[1][i] + 5;
        }
        assertSameRefusal(List.of("a", "c", "s"), new double[][] {data.columns[0], data.columns[1], sum}, data.y,
                "singular design: 's' is a linear combination of 'a', 'c'");
    }

    @Test
    void constantColumnIsRefusedByTheFitterWhenThePassLetsItThrough() {
        // The split pass does not check for constant columns, as the in-memory pass does: centred, such
        // a column is (nearly) a multiple of the intercept's, and the factorisation finds it.
        IrlsFitterTest.Random data = IrlsFitterTest.Random.of(5, 300, 1);
        double[] constant = new double[data.n];
        Arrays.fill(constant, 0.1);
        assertThatThrownBy(() -> new IrlsFitter(LogisticOptions.defaults())
                .fit(new SplitPass(List.of("a", "k"), new double[][] {data.columns[0], constant}, data.y, null)))
                .isInstanceOf(FitException.class)
                .hasMessage("singular design: 'k' is constant");
    }

    @Test
    void singleClassSummaryIsRefusedByTheFitter() {
        // The split pass does not check the target either.
        IrlsFitterTest.Random data = IrlsFitterTest.Random.of(5, 50, 1);
        IrlsFitter fitter = new IrlsFitter(LogisticOptions.defaults());
        assertThatThrownBy(() -> fitter.fit(new SplitPass(data.names, data.columns, new byte[data.n], null)))
                .isInstanceOf(FitException.class)
                .hasMessage("the target has no events");
        byte[] all = new byte[data.n];
        Arrays.fill(all, (byte) 1);
        assertThatThrownBy(() -> fitter.fit(new SplitPass(data.names, data.columns, all, null)))
                .isInstanceOf(FitException.class)
                .hasMessage("the target has no non-events");
    }

    @Test
    void summaryIsTakenOnceAndEveryPassStartsFromZero() {
        IrlsFitterTest.Random data = IrlsFitterTest.Random.of(8, 1000, 3);
        SplitPass split = new SplitPass(data.names, data.columns, data.y, null);
        LogisticFit fit = new IrlsFitter(LogisticOptions.defaults()).fit(split);
        assertThat(split.summaries).isEqualTo(1);
        // One pass at the start and at least one per iteration.
        assertThat(split.passes).isGreaterThanOrEqualTo(fit.iterations() + 1);
        assertThat(split.nonZeroOnEntry).isZero();
    }

    @Test
    void inMemoryPassAddsToTheSums() {
        // Fewer rows than a block, so each sum is one addition to 0: a second pass into the same sums
        // doubles every entry exactly.
        IrlsFitterTest.Random data = IrlsFitterTest.Random.of(4, 200, 3);
        InMemoryPass pass = new InMemoryPass(data.names,
                java.util.Arrays.stream(data.columns).map(CodedColumn::of).toArray(CodedColumn[]::new), data.y, null);
        double[] beta = {-0.3, 0.1, -0.2, 0.05};
        PassSums once = new PassSums(4);
        pass.accumulate(beta, once);
        PassSums twice = new PassSums(4);
        pass.accumulate(beta, twice);
        pass.accumulate(beta, twice);
        for (int i = 0; i < 16; i++) {
            assertThat(twice.info()[i]).isEqualTo(2 * once.info()[i]);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(twice.score()[i]).isEqualTo(2 * once.score()[i]);
        }
        assertThat(twice.logLik()).isEqualTo(2 * once.logLik());
        assertThat(twice.misclassified()).isEqualTo(2 * once.misclassified());
        assertThat(twice.confident()).isEqualTo(2 * once.confident());
        assertThat(once.misclassified()).isPositive();
        assertThatThrownBy(() -> pass.accumulate(new double[3], new PassSums(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 4 coefficients and sums of order 4, got 3 and 4");
    }

    @Test
    void passSumsAddEntryByEntry() {
        PassSums a = new PassSums(2);
        a.info()[0] = 1;
        a.info()[1] = 2;
        a.info()[3] = 3;
        a.score()[1] = -1;
        a.addLogLik(-5);
        a.addMisclassified(2);
        a.addConfident(1);
        PassSums b = new PassSums(2);
        b.info()[0] = 0.5;
        b.info()[2] = 7;
        b.score()[0] = 4;
        b.addLogLik(-0.25);
        b.addMisclassified(3);
        b.add(a);
        assertThat(b.info()).containsExactly(1.5, 2, 7, 3);
        assertThat(b.score()).containsExactly(4, -1);
        assertThat(b.logLik()).isEqualTo(-5.25);
        assertThat(b.misclassified()).isEqualTo(5);
        assertThat(b.confident()).isEqualTo(1);
        assertThat(a.info()).containsExactly(1, 2, 0, 3);
        b.clear();
        assertThat(b.info()).containsOnly(0.0);
        assertThat(b.score()).containsOnly(0.0);
        assertThat(b.logLik()).isZero();
        assertThat(b.misclassified()).isZero();
        assertThat(b.confident()).isZero();
        assertThatThrownBy(() -> b.add(new PassSums(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add sums of order 3 to sums of order 2");
        assertThatThrownBy(() -> new PassSums(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the order must be at least 1 (the intercept), got 0");
        assertThat(PassSums.CONFIDENT_ETA).isEqualTo(Math.log(19));
    }

    @Test
    void rowSummaryCopiesAndChecksItsShape() {
        double[] means = {1, 2};
        double[] sds = {0.5, 3};
        RowSummary s = new RowSummary(List.of("a", "b"), 10, 12.5, 4, 8.5, means, sds);
        means[0] = 99;
        assertThat(s.means()).containsExactly(1, 2);
        s.sds()[1] = 99;
        assertThat(s.sds()).containsExactly(0.5, 3);
        assertThat(s).isEqualTo(new RowSummary(List.of("a", "b"), 10, 12.5, 4, 8.5, new double[] {1, 2}, sds))
                .hasSameHashCodeAs(new RowSummary(List.of("a", "b"), 10, 12.5, 4, 8.5, new double[] {1, 2}, sds));
        assertThat(s.toString()).isEqualTo("RowSummary[names=[a, b], rows=10, weightSum=12.5, eventWeight=4.0, "
                + "nonEventWeight=8.5, means=[1.0, 2.0], sds=[0.5, 3.0]]");
        assertThatThrownBy(() -> new RowSummary(List.of("a", "a"), 10, 12.5, 4, 8.5, means, sds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variable name 'a' is repeated");
        assertThatThrownBy(() -> new RowSummary(List.of("(Intercept)", "b"), 10, 12.5, 4, 8.5, means, sds))
                .hasMessage("variable name '(Intercept)' is reserved for the intercept");
        assertThatThrownBy(() -> new RowSummary(List.of("a"), 10, 12.5, 4, 8.5, means, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one mean and one sd per variable: 2 means and 1 sds for 1 names");
        assertThatThrownBy(() -> new RowSummary(List.of("a", "b"), 10, 12.5, -4, 8.5, means, sds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows 10, weightSum 12.5, eventWeight -4.0 and nonEventWeight 8.5 must be finite and at"
                        + " least 0");
        assertThatThrownBy(() -> new RowSummary(List.of("a", "b"), 10, 12.5, 4, 8.5, new double[] {1, Double.NaN},
                sds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'b' has mean NaN and sd 3.0; expected a finite mean and a finite sd at least 0");
    }

    // ---- helpers ----

    private static void assertSameRefusal(List<String> names, double[][] columns, byte[] y, String message) {
        IrlsFitter fitter = new IrlsFitter(LogisticOptions.defaults());
        FitException whole = (FitException) catchThrowable(() -> fitter.fit(names, columns, y, null));
        FitException parts = (FitException) catchThrowable(() -> fitter.fit(new SplitPass(names, columns, y, null)));
        assertThat(whole).hasMessage(message);
        assertThat(parts).hasMessage(message);
        assertThat(parts.variables()).isEqualTo(whole.variables());
    }

    /** Asserts equal fits to {@link #RELATIVE}; returns the largest relative difference. */
    private static double assertSameFit(LogisticFit actual, LogisticFit expected, String where) {
        assertThat(actual.iterations()).as(where).isEqualTo(expected.iterations());
        assertThat(actual.converged()).as(where).isEqualTo(expected.converged());
        assertThat(actual.rows()).as(where).isEqualTo(expected.rows());
        List<Coefficient> a = new ArrayList<>(List.of(actual.intercept()));
        a.addAll(actual.coefficients());
        List<Coefficient> e = new ArrayList<>(List.of(expected.intercept()));
        e.addAll(expected.coefficients());
        assertThat(a).hasSameSizeAs(e);
        double worst = relative(actual.weightSum(), expected.weightSum(), where + " weightSum");
        worst = Math.max(worst, relative(actual.logLikelihood(), expected.logLikelihood(), where + " logLik"));
        worst = Math.max(worst, relative(actual.aic(), expected.aic(), where + " AIC"));
        worst = Math.max(worst, relative(actual.bic(), expected.bic(), where + " BIC"));
        for (int j = 0; j < a.size(); j++) {
            String what = where + " " + e.get(j).name();
            assertThat(a.get(j).name()).isEqualTo(e.get(j).name());
            worst = Math.max(worst, relative(a.get(j).estimate(), e.get(j).estimate(), what + " estimate"));
            worst = Math.max(worst, relative(a.get(j).standardError(), e.get(j).standardError(), what + " SE"));
        }
        return worst;
    }

    private static double relative(double actual, double expected, String what) {
        double diff = actual == expected ? 0 : Math.abs(actual - expected) / Math.abs(expected);
        assertThat(diff).as("%s: %s vs %s", what, actual, expected).isLessThanOrEqualTo(RELATIVE);
        return diff;
    }

    /**
     * Rows in three partitions of unequal sizes, as a cluster holds them: the summary from per-partition
     * counts and sums (a second round for the squared deviations once the means are known), each pass
     * summing every partition into its own sums with a plain per-row loop and adding those. No checks
     * of the data: that is left to the fitter.
     */
    private static final class SplitPass implements RowPass {
        private final List<String> names;
        private final double[][] columns;
        private final byte[] y;
        private final double[] weights;
        private final int[] bounds;
        private RowSummary summary;
        int summaries;
        int passes;
        int nonZeroOnEntry;

        SplitPass(List<String> names, double[][] columns, byte[] y, double[] weights) {
            this.names = names;
            this.columns = columns;
            this.y = y;
            this.weights = weights;
            int n = y.length;
            this.bounds = new int[] {0, n / 5, n / 5 + n / 2, n};
        }

        private double weight(int i) {
            return weights == null ? 1.0 : weights[i];
        }

        @Override
        public RowSummary summary() {
            summaries++;
            if (summary == null) {
                int p = columns.length;
                long rows = 0;
                double weightSum = 0;
                double events = 0;
                double nonEvents = 0;
                double[] sums = new double[p];
                for (int part = 0; part < 3; part++) {
                    long partRows = 0;
                    double partWeight = 0;
                    double partEvents = 0;
                    double[] partSums = new double[p];
                    for (int i = bounds[part]; i < bounds[part + 1]; i++) {
                        double w = weight(i);
                        if (w > 0) {
                            partRows++;
                            partWeight += w;
                            partEvents += y[i] == 1 ? w : 0;
                            for (int j = 0; j < p; j++) {
                                partSums[j] += w * columns[j][i];
                            }
                        }
                    }
                    rows += partRows;
                    weightSum += partWeight;
                    events += partEvents;
                    nonEvents += partWeight - partEvents;
                    for (int j = 0; j < p; j++) {
                        sums[j] += partSums[j];
                    }
                }
                double[] means = new double[p];
                for (int j = 0; j < p; j++) {
                    means[j] = sums[j] / weightSum;
                }
                double[] squares = new double[p];
                for (int part = 0; part < 3; part++) {
                    for (int j = 0; j < p; j++) {
                        double partSquares = 0;
                        for (int i = bounds[part]; i < bounds[part + 1]; i++) {
                            double d = columns[j][i] - means[j];
                            partSquares += weight(i) * d * d;
                        }
                        squares[j] += partSquares;
                    }
                }
                double[] sds = new double[p];
                for (int j = 0; j < p; j++) {
                    sds[j] = Math.sqrt(squares[j] / weightSum);
                }
                summary = new RowSummary(names, rows, weightSum, events, nonEvents, means, sds);
            }
            return summary;
        }

        @Override
        public void accumulate(double[] beta, PassSums sums) {
            passes++;
            boolean zero = sums.logLik() == 0 && sums.misclassified() == 0 && sums.confident() == 0;
            for (double v : sums.info()) {
                zero &= v == 0;
            }
            for (double v : sums.score()) {
                zero &= v == 0;
            }
            nonZeroOnEntry += zero ? 0 : 1;
            int k = beta.length;
            double[] means = summary.means();
            double[] x = new double[k];
            x[0] = 1;
            for (int part = 0; part < 3; part++) {
                PassSums own = new PassSums(k);
                for (int i = bounds[part]; i < bounds[part + 1]; i++) {
                    double w = weight(i);
                    if (w == 0) {
                        continue;
                    }
                    double eta = beta[0];
                    for (int j = 1; j < k; j++) {
                        x[j] = columns[j - 1][i] - means[j - 1];
                        eta += beta[j] * x[j];
                    }
                    addRow(own, x, eta, w, y[i] == 1);
                }
                sums.add(own);
            }
        }

        /** One row's terms; P(1) and P(0) each from e = exp(−|η|), so that neither cancels. */
        private static void addRow(PassSums sums, double[] x, double eta, double w, boolean event) {
            int k = x.length;
            double e = Math.exp(-Math.abs(eta));
            double p1 = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
            double p0 = eta >= 0 ? e / (1 + e) : 1 / (1 + e);
            double residual = event ? p0 : -p1;
            double variance = p1 * p0;
            double[] info = sums.info();
            double[] score = sums.score();
            for (int c = 0; c < k; c++) {
                score[c] += w * residual * x[c];
                for (int m = c; m < k; m++) {
                    info[c * k + m] += w * variance * x[c] * x[m];
                }
            }
            sums.addLogLik(w * (-Math.log1p(e) - Math.max(event ? -eta : eta, 0.0)));
            sums.addMisclassified(event ? (eta > 0 ? 0 : 1) : (eta < 0 ? 0 : 1));
            sums.addConfident(event ? (eta >= PassSums.CONFIDENT_ETA ? 1 : 0)
                    : (eta <= -PassSums.CONFIDENT_ETA ? 1 : 0));
        }
    }
}
