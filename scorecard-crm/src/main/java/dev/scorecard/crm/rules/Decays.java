package dev.scorecard.crm.rules;

import java.time.ZoneId;

/**
 * How much of an event's points are left as of one instant, per event type: {@code 0.5 ^ (age /
 * half-life)} from the exact age, the factor of the first step window (calendar days back in the
 * zone, as the features' windows) the event lies in, or 1. Shared by the scorer and the fit, so the
 * fitted points decay as they will be scored.
 */
final class Decays {
    private static final long DAY_MS = 86_400_000L;

    private final CompiledRules rules;
    private final long asOf;
    private final long[][] stepFrom;

    Decays(CompiledRules rules, long asOf, ZoneId zone) {
        this.rules = rules;
        this.asOf = asOf;
        stepFrom = new long[rules.typeCount][];
        for (int t = 0; t < rules.typeCount; t++) {
            if (rules.decayOf[t] instanceof RuleSpec.Steps s) {
                stepFrom[t] = new long[s.days().length];
                for (int k = 0; k < s.days().length; k++) {
                    stepFrom[t][k] = LeadScorer.windowStart(asOf, zone, s.days()[k]);
                }
            }
        }
    }

    // 2^(-j/1024), j = 0..1023: with a four-term series for what is left, 0.5^x in about 10 ns, where
    // StrictMath.pow takes about 100 (the night's scoring spent 40 % of its time there). Plain double
    // arithmetic only (no Math.pow, whose intrinsic may differ from the interpreter), so every machine
    // gets the same bits.
    private static final double[] STEPS = new double[1024];
    private static final double LN2 = 0.6931471805599453;

    static {
        for (int j = 0; j < STEPS.length; j++) {
            STEPS[j] = StrictMath.pow(2, -j / 1024.0);
        }
    }

    /**
     * {@code 0.5 ^ x} to within a few units in the last place, exact at whole {@code x}.
     *
     * @param x at least 0 (an age in half-lives)
     * @return the factor
     */
    static double half(double x) {
        if (!(x > 0)) {
            return x == 0 ? 1 : StrictMath.pow(0.5, x); // a negative or NaN age: never in a run, kept exact
        }
        if (x >= 1100) {
            return 0; // below the smallest double
        }
        double whole = Math.floor(x);
        double f = x - whole; // exact, in [0, 1)
        int j = (int) (f * 1024);
        double u = (f - j / 1024.0) * LN2; // the subtraction is exact; u < 6.8e-4, so u^5/120 is below an ulp
        double e = 1 - u * (1 - u * (0.5 - u * (1.0 / 6 - u * (1.0 / 24))));
        return Math.scalb(STEPS[j] * e, -(int) whole);
    }

    /** @return the factor for an event of type code {@code type} at {@code time} (at or before the instant) */
    double factor(int type, long time) {
        RuleSpec.Decay d = rules.decayOf[type];
        if (d instanceof RuleSpec.HalfLife h) {
            return half((asOf - time) / (DAY_MS * h.days()));
        }
        if (d instanceof RuleSpec.Steps s) {
            long[] from = stepFrom[type];
            for (int k = 0; k < from.length; k++) {
                if (time > from[k]) {
                    return s.factors()[k];
                }
            }
            return 0;
        }
        return 1;
    }
}
