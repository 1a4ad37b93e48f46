package dev.scorecard.train.report.html;

/**
 * An axis range with ticks at round steps (1, 2 or 5 times a power of ten). An automatic end is
 * rounded out to a tick; a fixed end stays where it is. Degenerate input gives a usable range: no
 * data gives [0, 1], a single value v gives a range around v.
 */
final class NiceScale {
    private static final double EPS = 1e-9;
    private static final int MAX_TICKS = 50;

    private final double min;
    private final double max;
    /** The step is {@code mantissa · 10^exponent}; mantissa 0 means no step (ticks at the ends only). */
    private final int mantissa;
    private final int exponent;

    private NiceScale(double min, double max, int mantissa, int exponent) {
        this.min = min;
        this.max = max;
        this.mantissa = mantissa;
        this.exponent = exponent;
    }

    /**
     * @param dataMin the least data value, or {@code NaN} when there is none
     * @param dataMax the greatest data value, or {@code NaN} when there is none
     * @param fixedMin the fixed lower end, or {@code NaN} for automatic
     * @param fixedMax the fixed upper end, or {@code NaN} for automatic
     * @param targetTicks about how many intervals between ticks to aim for
     */
    static NiceScale of(double dataMin, double dataMax, double fixedMin, double fixedMax, int targetTicks) {
        boolean autoMin = Double.isNaN(fixedMin);
        boolean autoMax = Double.isNaN(fixedMax);
        boolean noData = !Double.isFinite(dataMin) || !Double.isFinite(dataMax);
        double lo = autoMin ? (noData ? Double.NaN : dataMin) : fixedMin;
        double hi = autoMax ? (noData ? Double.NaN : dataMax) : fixedMax;
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            lo = 0;
            hi = 1;
        } else if (Double.isNaN(lo)) {
            lo = hi - widening(hi);
        } else if (Double.isNaN(hi)) {
            hi = lo + widening(lo);
        }
        if (!(lo < hi)) { // all values equal, or a fixed end beyond the data
            if (!autoMin) {
                hi = lo + widening(lo);
            } else if (!autoMax) {
                lo = hi - widening(hi);
            } else {
                double w = widening(lo);
                lo -= w / 2;
                hi += w / 2;
            }
        }
        double span = hi - lo;
        if (!Double.isFinite(span) || span <= 0) { // extreme magnitudes: two ticks at the ends
            return new NiceScale(lo, hi, 0, 0);
        }
        int[] nice = nice(span / Math.max(1, targetTicks));
        NiceScale stepOnly = new NiceScale(lo, hi, nice[0], nice[1]);
        double step = stepOnly.step();
        if (autoMin) {
            lo = stepOnly.multiple((long) Math.floor(lo / step + EPS));
        }
        if (autoMax) {
            hi = stepOnly.multiple((long) Math.ceil(hi / step - EPS));
        }
        return new NiceScale(lo, hi, nice[0], nice[1]);
    }

    private static double widening(double v) {
        double w = Math.abs(v) * 0.1;
        return w > 0 && Double.isFinite(w) && v + w != v ? w : 1;
    }

    /** @return the round step nearest {@code raw}: 1, 2 or 5 times a power of ten */
    static double niceStep(double raw) {
        int[] nice = nice(raw);
        return new NiceScale(0, 1, nice[0], nice[1]).step();
    }

    /** @return {mantissa, exponent} of the round step nearest {@code raw} */
    private static int[] nice(double raw) {
        int exp = (int) Math.floor(Math.log10(raw));
        double frac = raw / Math.pow(10, exp);
        if (frac < 1.5) {
            return new int[] {1, exp};
        }
        if (frac < 3) {
            return new int[] {2, exp};
        }
        return frac < 7 ? new int[] {5, exp} : new int[] {1, exp + 1};
    }

    private double step() {
        return multiple(1);
    }

    /**
     * @return {@code k} steps, computed so that decimal ticks are the doubles nearest their decimal
     *     value (66 · 0.1 is 6.6000000000000005, but 66 / 10 is 6.6)
     */
    private double multiple(long k) {
        double v = exponent >= 0 ? k * mantissa * Math.pow(10, exponent)
                : (double) (k * mantissa) / Math.pow(10, -exponent);
        return v == 0 ? 0 : v; // no -0.0
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** @return decimals that tell the ticks apart */
    int decimals() {
        return mantissa == 0 ? 0 : Math.max(0, -exponent);
    }

    /** @return the tick values from {@link #min()} to {@link #max()}, multiples of the step */
    double[] ticks() {
        if (mantissa == 0) {
            return new double[] {min, max};
        }
        double step = step();
        long first = (long) Math.ceil(min / step - EPS);
        long last = (long) Math.floor(max / step + EPS);
        int n = (int) Math.max(0, Math.min(MAX_TICKS, last - first + 1));
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = multiple(first + i);
        }
        return ticks;
    }

    /** @return the tick labels, formatted alike */
    String[] labels() {
        double[] t = ticks();
        String[] labels = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            labels[i] = label(t[i]);
        }
        return labels;
    }

    /** @return {@code v} formatted with this scale's decimals */
    String label(double v) {
        return NumberText.fixed(v, decimals());
    }

    /** @return the position of {@code v} from 0 at {@link #min()} to 1 at {@link #max()} */
    double fraction(double v) {
        return (v - min) / (max - min);
    }

    /** @return whether {@code v} lies in the range, up to rounding */
    boolean contains(double v) {
        double tol = (max - min) * EPS;
        return v >= min - tol && v <= max + tol;
    }
}
