package dev.scorecard.core.regression;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RowPass#summary()} reports about the rows once per fit. Every figure counts only the
 * rows with a prior weight above 0 (w = 1 for every row when there are no weights).
 *
 * @param names the variables' names, one per column, in design order; distinct, none named
 *     {@code (Intercept)}
 * @param rows the number of rows with a weight above 0 (the fit's {@link LogisticFit#rows()}, BIC's n)
 * @param weightSum Σ w (the fit's {@link LogisticFit#weightSum()})
 * @param eventWeight Σ w over the events (y = 1); the fitter refuses 0
 * @param nonEventWeight Σ w over the non-events (y = 0); the fitter refuses 0
 * @param means each column's weighted mean Σ w·x / Σ w: the centring of {@link RowPass#accumulate}
 * @param sds each column's weighted standard deviation √(Σ w·(x − mean)² / Σ w), used to rank the
 *     slopes a separation message names
 */
public record RowSummary(
        List<String> names,
        long rows,
        double weightSum,
        double eventWeight,
        double nonEventWeight,
        double[] means,
        double[] sds) {

    /**
     * Copies the names and arrays and checks their shape: the values are a pass's programming, not
     * the data's.
     *
     * @throws IllegalArgumentException when the names repeat or take the intercept's, the arrays do
     *     not have one value per name, or a figure is negative or not finite
     */
    public RowSummary {
        names = List.copyOf(names);
        requireUsableNames(names);
        means = means.clone();
        sds = sds.clone();
        if (means.length != names.size() || sds.length != names.size()) {
            throw new IllegalArgumentException("expected one mean and one sd per variable: " + means.length
                    + " means and " + sds.length + " sds for " + names.size() + " names");
        }
        if (rows < 0 || !nonNegative(weightSum) || !nonNegative(eventWeight) || !nonNegative(nonEventWeight)) {
            throw new IllegalArgumentException("rows " + rows + ", weightSum " + weightSum + ", eventWeight "
                    + eventWeight + " and nonEventWeight " + nonEventWeight + " must be finite and at least 0");
        }
        for (int j = 0; j < means.length; j++) {
            if (!Double.isFinite(means[j]) || !nonNegative(sds[j])) {
                throw new IllegalArgumentException("'" + names.get(j) + "' has mean " + means[j] + " and sd "
                        + sds[j] + "; expected a finite mean and a finite sd at least 0");
            }
        }
    }

    /** @return a copy of the means */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** @return a copy of the standard deviations */
    @Override
    public double[] sds() {
        return sds.clone();
    }

    /** The name rules, shared with the in-memory pass so that it can check them before reading data. */
    static void requireUsableNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (IrlsFitter.INTERCEPT.equals(name) || !seen.add(name)) {
                throw new IllegalArgumentException("variable name '" + name + "' is "
                        + (IrlsFitter.INTERCEPT.equals(name) ? "reserved for the intercept" : "repeated"));
            }
        }
    }

    private static boolean nonNegative(double v) {
        return v >= 0 && v < Double.POSITIVE_INFINITY;
    }

    /** Compares the arrays by content, as the other components. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RowSummary s && names.equals(s.names) && rows == s.rows
                && Double.compare(weightSum, s.weightSum) == 0 && Double.compare(eventWeight, s.eventWeight) == 0
                && Double.compare(nonEventWeight, s.nonEventWeight) == 0 && Arrays.equals(means, s.means)
                && Arrays.equals(sds, s.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, rows, weightSum, eventWeight, nonEventWeight, Arrays.hashCode(means),
                Arrays.hashCode(sds));
    }

    @Override
    public String toString() {
        return "RowSummary[names=" + names + ", rows=" + rows + ", weightSum=" + weightSum + ", eventWeight="
                + eventWeight + ", nonEventWeight=" + nonEventWeight + ", means=" + Arrays.toString(means)
                + ", sds=" + Arrays.toString(sds) + "]";
    }
}
