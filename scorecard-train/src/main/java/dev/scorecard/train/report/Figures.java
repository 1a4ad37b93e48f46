package dev.scorecard.train.report;

import dev.scorecard.train.report.html.NumberText;

import dev.scorecard.train.eval.DriftLevel;
import java.util.Locale;

/**
 * How the reports write numbers for people: fixed decimals in {@link Locale#ROOT}, so the same input
 * gives the same page on every machine. A value that is not a number prints as a dash; negative
 * zero prints as zero. (The JSON and CSV outputs write exact values with {@code DoubleFormat}.)
 */
final class Figures {
    /** What a missing or undefined value reads as. */
    static final String NONE = "\u2014";

    private Figures() {
    }

    /** @return {@code v} with exactly {@code decimals} decimals, e.g. {@code fixed(0.5, 2)} is {@code 0.50} */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+\u221e" : "\u2212\u221e";
        }
        return NumberText.fixed(v, decimals);
    }

    /** @return a metric (AUC, KS, Gini, PSI, CSI) with four decimals */
    static String metric(double v) {
        return fixed(v, 4);
    }

    /** @return a share as a percentage with one decimal, e.g. {@code 30.0%} */
    static String percent(double share) {
        return Double.isNaN(share) ? NONE : fixed(100 * share, 1) + "%";
    }

    /** @return a count with thousands separators, e.g. {@code 45,211} */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return a score or points: whole numbers without decimals, others with two */
    static String points(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return fixed(v, 0);
        }
        return fixed(v, 2);
    }

    /** @return a p-value with four decimals, or {@code < 0.0001} */
    static String pValue(double p) {
        return p < 0.00005 ? "< 0.0001" : fixed(p, 4);
    }

    /** @return the level as the reports spell it: {@code stable}, {@code warn}, {@code alert} */
    static String level(DriftLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
