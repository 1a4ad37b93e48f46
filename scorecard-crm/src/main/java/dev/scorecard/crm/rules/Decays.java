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

    /** @return the factor for an event of type code {@code type} at {@code time} (at or before the instant) */
    double factor(int type, long time) {
        RuleSpec.Decay d = rules.decayOf[type];
        if (d instanceof RuleSpec.HalfLife h) {
            return StrictMath.pow(0.5, (asOf - time) / (DAY_MS * h.days()));
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
