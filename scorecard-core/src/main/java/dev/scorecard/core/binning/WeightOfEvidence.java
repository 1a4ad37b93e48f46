package dev.scorecard.core.binning;

/**
 * The WOE and IV formulas of SPEC §3 in one place, so that every binner, report and test agrees.
 * A zero count is replaced by 0.5 in both the WOE and the IV term of that bin.
 */
public final class WeightOfEvidence {
    /** What a zero event or non-event count is replaced with. */
    public static final double ZERO_COUNT = 0.5;

    private WeightOfEvidence() {
    }

    /**
     * @param events events in the bin
     * @param nonEvents non-events in the bin
     * @param totalEvents events in the whole characteristic
     * @param totalNonEvents non-events in the whole characteristic
     * @return ln((e/E) / (n/N)); positive when the bin holds more events than average
     */
    public static double woe(double events, double nonEvents, double totalEvents, double totalNonEvents) {
        double e = events == 0 ? ZERO_COUNT : events;
        double n = nonEvents == 0 ? ZERO_COUNT : nonEvents;
        return Math.log((e / totalEvents) / (n / totalNonEvents));
    }

    /**
     * @return the bin's IV contribution (e/E − n/N) · WOE, with the same zero-count rule; never negative
     */
    public static double iv(double events, double nonEvents, double totalEvents, double totalNonEvents) {
        double e = events == 0 ? ZERO_COUNT : events;
        double n = nonEvents == 0 ? ZERO_COUNT : nonEvents;
        double pe = e / totalEvents;
        double pn = n / totalNonEvents;
        return (pe - pn) * Math.log(pe / pn);
    }
}
