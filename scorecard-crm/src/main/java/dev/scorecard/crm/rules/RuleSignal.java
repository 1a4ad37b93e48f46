package dev.scorecard.crm.rules;

import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rules of a rule set carry signal over a backtest's lead-nights, and which do nothing. A
 * rule's contribution on a lead-night is what it added to the score: a points rule's event type its
 * points after decay and the type's daily and total caps (before its level's and the total cap); a
 * condition its points when it held, or 1 when it held and gives none (a tag or a tier); the channel
 * start its points. Per rule: the lead-nights it contributed on, their conversion rate, the
 * information value of the contribution (optimal bins down to 1 % of the rows, or half the rule's
 * share when it adds to fewer; read with the usual bands: below 0.02 not predictive, 0.02 weak, 0.1
 * medium, 0.3 strong), its AUC alone, and the change in AUC when it is taken out of the score before
 * clamping.
 *
 * <p>Held as int hundredths, one column per rule; past {@link #MAX_CELLS} cells the lead-nights are
 * sampled by a fixed hash of lead and night, so the same data gives the same table.
 */
final class RuleSignal {
    /** Cells held at most (about 160 MB). */
    static final long MAX_CELLS = 40_000_000L;

    private final CompiledRules rules;
    private final boolean channel;
    private final List<String> names = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final int[] typeOf;
    private final int every;
    private int[][] columns;
    private long[] raw = new long[1024];
    private byte[] targets = new byte[1024];
    private int size;

    /**
     * @param rules the compiled rule set, bound to the log
     * @param channel whether the start values come from a channel table
     * @param leadNights how many lead-nights the backtest will score, to decide the sampling
     */
    RuleSignal(CompiledRules rules, boolean channel, long leadNights) {
        this.rules = rules;
        this.channel = channel;
        Set<String> types = new LinkedHashSet<>();
        for (RuleSpec.PointRule p : rules.spec.points()) {
            types.add(p.type());
        }
        typeOf = new int[types.size()];
        int k = 0;
        for (String t : types) {
            names.add(t);
            kinds.add("points");
            typeOf[k++] = Arrays.asList(rules.typeNames).indexOf(t);
        }
        for (RuleSpec.Condition c : rules.spec.conditions()) {
            names.add(c.name());
            kinds.add("condition");
        }
        if (channel) {
            names.add("channel");
            kinds.add("channel");
        }
        every = (int) Math.max(1, (leadNights * names.size() + MAX_CELLS - 1) / MAX_CELLS);
        columns = new int[names.size()][1024];
    }

    /** @return 1 when every lead-night is kept, else one in this many (by hash) */
    int every() {
        return every;
    }

    /** Records the lead just scored, on night {@code night}, unless the sample leaves it out. */
    void add(LeadScorer s, int lead, int night, byte target) {
        if (every > 1 && Math.floorMod(mix(lead, night), every) != 0) {
            return;
        }
        if (size == raw.length) {
            int n = size * 2;
            raw = Arrays.copyOf(raw, n);
            targets = Arrays.copyOf(targets, n);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], n);
            }
        }
        int c = 0;
        for (int t : typeOf) {
            columns[c++][size] = t < 0 ? 0 : (int) s.typeTotal(t);
        }
        List<RuleSpec.Condition> conditions = rules.spec.conditions();
        for (int k = 0; k < conditions.size(); k++) {
            long cents = conditions.get(k).cents();
            columns[c++][size] = !s.fired[k] ? 0 : cents == 0 ? 100 : (int) cents;
        }
        if (channel) {
            columns[c][size] = (int) s.channel;
        }
        raw[size] = s.raw;
        targets[size++] = target;
    }

    /** @return the evidence per rule: the types in the order of their first points rule, the conditions, the channel */
    List<RulesBacktest.RuleEvidence> rows() {
        byte[] y = Arrays.copyOf(targets, size);
        long converters = 0;
        for (byte b : y) {
            converters += b;
        }
        boolean both = converters > 0 && converters < size;
        BinaryTarget target = BinaryTarget.of("converted", "1", y);
        double[] total = new double[size];
        for (int r = 0; r < size; r++) {
            total[r] = raw[r];
        }
        double totalAuc = both ? Metrics.auc(total, target) : Double.NaN;
        List<RulesBacktest.RuleEvidence> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            double[] x = new double[size];
            double[] without = new double[size];
            long with = 0;
            long convertersWith = 0;
            for (int r = 0; r < size; r++) {
                x[r] = columns[c][r];
                without[r] = raw[r] - columns[c][r];
                if (columns[c][r] != 0) {
                    with++;
                    convertersWith += y[r];
                }
            }
            // Bins down to 1 % of the rows, or half the rule's share when it adds to fewer, so that a rare rule's
            // lead-nights can form a bin of their own.
            double share = Math.min(0.01, 0.5 * with / size);
            double iv = both && with > 0 ? new NumericBinner(BinningOptions.defaults().withMinBinShare(share))
                    .fit(NumericColumn.of(names.get(c), x), target, List.of()).iv() : 0;
            double auc = both ? Metrics.auc(x, target) : Double.NaN;
            double change = both ? totalAuc - Metrics.auc(without, target) : Double.NaN;
            out.add(new RulesBacktest.RuleEvidence(names.get(c), kinds.get(c), size, with, convertersWith, iv, auc, change));
        }
        return out;
    }

    /** A fixed mix of lead and night (SplitMix64's finaliser), so the sample is the same on every run. */
    private static long mix(int lead, int night) {
        long z = ((long) lead << 20) ^ night;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
