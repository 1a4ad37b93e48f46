package dev.scorecard.crm.activate;

/**
 * The difference of two independent proportions, treated less control, with its 95 % confidence
 * interval by Newcombe's hybrid score method (R. G. Newcombe, "Interval estimation for the difference
 * between independent proportions: comparison of eleven methods", Statistics in Medicine 17 (1998)
 * 873–890, method 10): with {@code p1 = x1/n1}, {@code p2 = x2/n2} and {@code [l1, u1]}, {@code [l2,
 * u2]} their Wilson score intervals (no continuity correction),
 * {@code lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)} and {@code upper = d + sqrt((u1 - p1)^2 + (p2 -
 * l2)^2)}, {@code d = p1 - p2}. Chosen over the Wald interval because a goal's rate is often near 0
 * and a control group small, where Wald's interval collapses to a point or leaves [-1, 1]; Newcombe's
 * stays inside and keeps close to its nominal coverage. Undefined (NaN) when either group is empty.
 *
 * @param treatedN treated entries decided
 * @param treatedSuccesses of them, those that reached the goal
 * @param controlN control entries decided
 * @param controlSuccesses of them, those that reached the goal
 * @param difference the treated rate less the control rate
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 */
record ProportionDifference(long treatedN, long treatedSuccesses, long controlN, long controlSuccesses,
        double difference, double lower, double upper) {
    /** The standard normal quantile at 0.975, for 95 % two-sided intervals. */
    static final double Z95 = 1.959963984540054;

    /**
     * @return the difference and its interval; NaN throughout when either group has no entries
     * @throws IllegalArgumentException when a count is negative or successes exceed entries
     */
    static ProportionDifference of(long x1, long n1, long x2, long n2) {
        check(x1, n1);
        check(x2, n2);
        if (n1 == 0 || n2 == 0) {
            return new ProportionDifference(n1, x1, n2, x2, Double.NaN, Double.NaN, Double.NaN);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        double lower = d - StrictMath.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double upper = d + StrictMath.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return new ProportionDifference(n1, x1, n2, x2, d, Math.max(-1, lower), Math.min(1, upper));
    }

    /**
     * The Wilson score interval of one proportion (E. B. Wilson, JASA 22 (1927) 209–212), at 95 %:
     * {@code (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}. At 0 and at n successes the end
     * that the formula puts at 0 or 1 in exact arithmetic is set there, not left a rounding away.
     *
     * @return {lower, upper}; for {@code n = 0}, NaN
     */
    static double[] wilson(long x, long n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * StrictMath.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        double lower = x == 0 ? 0 : Math.max(0, centre - half);
        double upper = x == n ? 1 : Math.min(1, centre + half);
        return new double[] {lower, upper};
    }

    private static double square(double v) {
        return v * v;
    }

    private static void check(long x, long n) {
        if (n < 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("expected 0 <= successes <= entries, got " + x + " of " + n);
        }
    }
}
