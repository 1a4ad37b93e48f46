package dev.scorecard.train.monitor;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.internal.NumericBins;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.PsiResult;
import dev.scorecard.train.eval.Stability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts current rows into the bins of the candidates the model does not use, one row at a time, as
 * binning put training rows into them: a numeric value in its range {@code [a, b)} unless it is one
 * of the special values; a level in the bin that lists it, else in the else bin; a missing value (NaN,
 * null, or one of the model's missing tokens) in the missing bin. Values with no bin are counted
 * apart. Not thread-safe; fill it from one thread.
 */
public final class CandidateCounts {
    private final List<Baseline.Candidate> candidates;
    private final boolean[] present;
    private final Set<String> missingTokens;
    private final double[][] cuts;
    private final double[][] specials;
    private final int[][] specialBins;
    private final List<Map<String, Integer>> levelBins = new ArrayList<>();
    private final long[][] counts;
    private final long[] missing;
    private final long[] unseen;
    private final long[] notNumbers;
    private long rows;

    /**
     * @param candidates the model file's candidate baselines
     * @param present for each candidate, whether the current file has its column (the others are
     *     reported absent)
     * @param missingTokens the model's missing tokens, which make a level missing
     */
    public CandidateCounts(List<Baseline.Candidate> candidates, boolean[] present, List<String> missingTokens) {
        this.candidates = List.copyOf(candidates);
        if (present.length != this.candidates.size()) {
            throw new IllegalArgumentException(present.length + " presence flags for " + this.candidates.size()
                    + " candidates");
        }
        this.present = present.clone();
        this.missingTokens = Set.copyOf(missingTokens);
        int n = this.candidates.size();
        cuts = new double[n][];
        specials = new double[n][];
        specialBins = new int[n][];
        counts = new long[n][];
        missing = new long[n];
        unseen = new long[n];
        notNumbers = new long[n];
        for (int k = 0; k < n; k++) {
            Baseline.Candidate c = this.candidates.get(k);
            counts[k] = new long[c.bins()];
            cuts[k] = c.cuts().stream().mapToDouble(Double::doubleValue).toArray();
            // NumericBins looks special values up by binary search, -0.0 as 0.0, as binning does.
            List<double[]> valueBin = new ArrayList<>();
            for (int s = 0; s < c.specialValues().size(); s++) {
                for (double v : c.specialValues().get(s)) {
                    valueBin.add(new double[] {v == 0 ? 0.0 : v, c.regularBins() + s});
                }
            }
            valueBin.sort((a, b) -> Double.compare(a[0], b[0]));
            specials[k] = valueBin.stream().mapToDouble(x -> x[0]).toArray();
            specialBins[k] = valueBin.stream().mapToInt(x -> (int) x[1]).toArray();
            Map<String, Integer> levels = new HashMap<>();
            for (int b = 0; b < c.categories().size(); b++) {
                for (String level : c.categories().get(b)) {
                    levels.put(level, b);
                }
            }
            levelBins.add(levels);
        }
    }

    /**
     * Counts one row.
     *
     * @param numbers per candidate, its number in the row (NaN for missing or not a number); read for
     *     the present numeric ones
     * @param badNumbers per candidate, its text when that is not a number, else null; read likewise
     * @param levels per candidate, its level as written (null for missing); read for the present
     *     categorical ones
     */
    public void add(double[] numbers, String[] badNumbers, String[] levels) {
        rows++;
        for (int k = 0; k < counts.length; k++) {
            if (!present[k]) {
                continue;
            }
            Baseline.Candidate c = candidates.get(k);
            int bin;
            if (c.type() == VariableType.NUMERIC) {
                if (badNumbers[k] != null) {
                    notNumbers[k]++;
                    continue;
                }
                double v = numbers[k];
                if (v != v) {
                    missing[k]++;
                }
                bin = NumericBins.lookup(v, cuts[k], specials[k], specialBins[k], c.missingBin());
            } else {
                String level = levels[k];
                if (level == null || missingTokens.contains(level)) {
                    missing[k]++;
                    bin = c.missingBin();
                } else {
                    Integer b = levelBins.get(k).get(level);
                    bin = b != null ? b : c.elseBin();
                    if (bin < 0) {
                        unseen[k]++;
                    }
                }
            }
            if (bin >= 0) {
                counts[k][bin]++;
            }
        }
    }

    /** @return rows counted */
    public long rows() {
        return rows;
    }

    /**
     * @param thresholds when CSI warns and alerts
     * @return the drift of every present candidate, and the names of the absent ones
     * @throws IllegalStateException when no row was counted
     */
    public NonModelDrift drift(DriftThresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        if (rows == 0) {
            throw new IllegalStateException("non-model drift needs at least one counted row");
        }
        List<CandidateDrift> out = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            Baseline.Candidate c = candidates.get(k);
            if (!present[k]) {
                absent.add(c.name());
                continue;
            }
            // Every value may have had no bin (all missing without a missing bin): then there is no distribution.
            PsiResult csi = Arrays.stream(counts[k]).sum() == 0 ? new PsiResult(0, List.of())
                    : Stability.csi(new Baseline.BinShares(c.name(), c.shares()), counts[k]);
            double baselineMissing = c.missingBin() < 0 ? 0 : c.hasOwnMissingBin() ? c.shares().get(c.missingBin())
                    : Double.NaN;
            out.add(new CandidateDrift(c.name(), c.type(), c.labels(), c.shares(), csi, thresholds.level(csi.value()),
                    baselineMissing, (double) missing[k] / rows, unseen[k], notNumbers[k]));
        }
        return new NonModelDrift(out, absent);
    }
}
