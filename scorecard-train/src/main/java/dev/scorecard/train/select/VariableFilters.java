package dev.scorecard.train.select;

import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.Separation;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.regression.CodedColumn;
import dev.scorecard.train.binning.VariableResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The filters that run before any regression, in SPEC §4's order: dropped at binning, missing
 * share, single-value share, IV (with the suspicious-IV flag), pairwise WOE correlation (the higher IV
 * stays) and VIF (the highest goes first, one at a time). Deterministic: candidates are taken by IV,
 * highest first, ties by name. A variable that separates the classes perfectly
 * ({@link Separation}) is decided like any other, but its reason starts with the note saying so.
 */
public final class VariableFilters {
    /** Rows read at a time from each WOE column. */
    private static final int BLOCK = 256;

    private VariableFilters() {
    }

    /**
     * @param kept the survivors, by IV from highest
     * @param rows one row per candidate, in the order of {@code kept} then the removed ones
     */
    public record Filtered(List<String> kept, List<SelectionRow> rows) {
        /** Copies the lists. */
        public Filtered {
            kept = List.copyOf(kept);
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param candidates the binning results
     * @param woeOf the training rows' WOE column of a binned variable
     * @param o thresholds
     * @return the survivors and a row per candidate
     */
    public static Filtered apply(List<VariableResult> candidates, Function<String, CodedColumn> woeOf, SelectionOptions o) {
        List<SelectionRow> removed = new ArrayList<>();
        List<VariableResult> alive = new ArrayList<>();
        List<VariableResult> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(VariableResult::iv).reversed().thenComparing(VariableResult::variable));
        for (VariableResult r : sorted) {
            String step = null;
            String reason = null;
            if (!r.binned()) {
                step = "binning";
                reason = r.dropReason().orElse("");
            } else if (r.missingShare() > o.maxMissingShare()) {
                step = "missing";
                reason = "missing share " + pct(r.missingShare()) + " > " + pct(o.maxMissingShare());
            } else if (r.binning().orElseThrow().modeShare() > o.maxModeShare()) {
                step = "single-value";
                reason = "one value holds " + pct(r.binning().orElseThrow().modeShare()) + " of rows > " + pct(o.maxModeShare());
            } else if (r.iv() < o.minIv()) {
                step = "iv";
                reason = "IV " + iv(r.iv()) + " < minIv " + num(o.minIv());
            } else if (r.iv() > o.maxIv() && o.dropSuspicious()) {
                step = "iv";
                reason = "IV " + iv(r.iv()) + " > maxIv " + num(o.maxIv())
                        + (pure(r) ? "" : " (suspicious: check for leakage)");
            }
            if (step != null) {
                removed.add(new SelectionRow(r.variable(), r.iv(), false, step, withPurity(r, reason)));
            } else {
                alive.add(r);
            }
        }
        // Correlation: walk by IV; a variable too correlated with one already kept goes.
        List<VariableResult> uncorrelated = new ArrayList<>();
        List<CodedColumn> keptWoe = new ArrayList<>();
        for (VariableResult r : alive) {
            CodedColumn w = woeOf.apply(r.variable());
            String reason = null;
            for (int k = 0; k < uncorrelated.size() && reason == null; k++) {
                double c = correlation(w, keptWoe.get(k));
                if (Math.abs(c) > o.maxCorrelation()) {
                    reason = "WOE correlation " + String.format(Locale.ROOT, "%.3f", c) + " with '"
                            + uncorrelated.get(k).variable() + "' (higher IV) > " + num(o.maxCorrelation());
                }
            }
            if (reason != null) {
                removed.add(new SelectionRow(r.variable(), r.iv(), false, "correlation", withPurity(r, reason)));
            } else {
                uncorrelated.add(r);
                keptWoe.add(w);
            }
        }
        // VIF: drop the worst while any is above the limit.
        while (uncorrelated.size() > 1) {
            double[] vif = vif(keptWoe);
            int worst = -1;
            for (int j = 0; j < vif.length; j++) {
                // Ties go against the lower IV, which comes later in the list.
                if (vif[j] > o.maxVif() && (worst < 0 || vif[j] >= vif[worst])) {
                    worst = j;
                }
            }
            if (worst < 0) {
                break;
            }
            VariableResult r = uncorrelated.remove(worst);
            keptWoe.remove(worst);
            removed.add(new SelectionRow(r.variable(), r.iv(), false, "vif", withPurity(r, "VIF "
                    + (Double.isInfinite(vif[worst]) ? "infinite (a linear combination of others)"
                            : String.format(Locale.ROOT, "%.2f", vif[worst])) + " > " + num(o.maxVif()))));
        }
        List<SelectionRow> rows = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (VariableResult r : uncorrelated) {
            kept.add(r.variable());
            String flag = r.iv() > o.maxIv() ? "IV " + iv(r.iv()) + " > maxIv " + num(o.maxIv())
                    + (pure(r) ? "" : ": suspicious, check for leakage") : "";
            rows.add(new SelectionRow(r.variable(), r.iv(), true, "", withPurity(r, flag)));
        }
        rows.addAll(removed);
        return new Filtered(kept, rows);
    }

    private static boolean pure(VariableResult r) {
        return r.binning().map(Binning::separation).orElse(Separation.NONE) != Separation.NONE;
    }

    /**
     * @return the reason with the note of a variable that separates the classes perfectly in front: that
     *     explains the IV the reason quotes (0 when the bin constraints merged its pure bins, huge otherwise)
     */
    private static String withPurity(VariableResult r, String reason) {
        String note = r.binning().map(b -> b.separation().note()).orElse("");
        if (note.isEmpty()) {
            return reason;
        }
        return reason.isEmpty() ? note : note + "; " + reason;
    }

    /** Pearson correlation; 0 when either column is constant. */
    static double correlation(CodedColumn a, CodedColumn b) {
        int n = a.size();
        // A block of each at a time; the sums run in row order, as over plain arrays.
        double[] ba = new double[BLOCK];
        double[] bb = new double[BLOCK];
        double ma = 0;
        double mb = 0;
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            a.copy(start, ba, 0, len);
            b.copy(start, bb, 0, len);
            for (int r = 0; r < len; r++) {
                ma += ba[r];
                mb += bb[r];
            }
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            a.copy(start, ba, 0, len);
            b.copy(start, bb, 0, len);
            for (int r = 0; r < len; r++) {
                double da = ba[r] - ma;
                double db = bb[r] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** VIF_j = 1/(1 − R²_j) = the j-th diagonal element of the inverse correlation matrix. */
    static double[] vif(List<CodedColumn> columns) {
        int p = columns.size();
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < p; j++) {
                r[i][j] = r[j][i] = correlation(columns.get(i), columns.get(j));
            }
        }
        return inverseDiagonal(r);
    }

    /** Diagonal of the inverse of a symmetric positive semi-definite matrix; +∞ where it is singular. */
    static double[] inverseDiagonal(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][2 * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(m[i], 0, a[i], 0, p);
            a[i][p + i] = 1;
        }
        boolean[] singular = new boolean[p];
        for (int col = 0; col < p; col++) {
            // Diagonal pivots suffice for a correlation matrix; a vanishing one marks collinearity.
            double pivot = a[col][col];
            if (Math.abs(pivot) < 1e-10) {
                singular[col] = true;
                continue;
            }
            for (int j = 0; j < 2 * p; j++) {
                a[col][j] /= pivot;
            }
            for (int i = 0; i < p; i++) {
                if (i != col && a[i][col] != 0) {
                    double f = a[i][col];
                    for (int j = 0; j < 2 * p; j++) {
                        a[i][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = singular[i] ? Double.POSITIVE_INFINITY : a[i][p + i];
        }
        return d;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** A threshold as the user wrote it (0.02, 0.7, 10). */
    private static String num(double v) {
        return DoubleFormat.format(v);
    }

    private static String iv(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
