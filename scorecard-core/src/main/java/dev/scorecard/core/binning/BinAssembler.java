package dev.scorecard.core.binning;

import dev.scorecard.core.model.BinKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns group counts into {@link Bin}s with shares, event rates, WOE and IV, and places the special
 * and missing bins. Shared by the numeric and categorical binners so both follow one rule set.
 */
final class BinAssembler {
    /** A group of rows before its statistics are computed. */
    record Group(String label, BinKind kind, double lower, double upper, List<String> categories,
            List<Double> specialValues, long events, long nonEvents) {
        Group plus(long e, long ne, String suffix) {
            return new Group(label + suffix, kind, lower, upper, categories, specialValues, events + e, nonEvents + ne);
        }
    }

    /** The assembled bins and where the missing values went. */
    record Result(List<Bin> bins, int missingBin, int firstSpecial) {
    }

    private BinAssembler() {
    }

    /**
     * @param regular regular (and else) groups in order
     * @param special special-value groups, only non-empty ones
     * @param missingEvents events among missing rows
     * @param missingNonEvents non-events among missing rows
     * @param policy what to do with missing rows when there are some
     */
    static Result assemble(List<Group> regular, List<Group> special, long missingEvents, long missingNonEvents,
            MissingPolicy policy) {
        long totalE = missingEvents;
        long totalN = missingNonEvents;
        for (Group g : regular) {
            totalE += g.events();
            totalN += g.nonEvents();
        }
        for (Group g : special) {
            totalE += g.events();
            totalN += g.nonEvents();
        }
        List<Group> groups = new ArrayList<>(regular);
        int missingBin = -1;
        boolean hasMissing = missingEvents + missingNonEvents > 0;
        if (hasMissing && policy == MissingPolicy.MERGE_WITH_CLOSEST_WOE && !regular.isEmpty()) {
            double missingWoe = WeightOfEvidence.woe(missingEvents, missingNonEvents, totalE, totalN);
            int closest = 0;
            double bestGap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < regular.size(); i++) {
                Group g = regular.get(i);
                if (g.events() + g.nonEvents() == 0) {
                    continue;
                }
                double gap = Math.abs(WeightOfEvidence.woe(g.events(), g.nonEvents(), totalE, totalN) - missingWoe);
                if (gap < bestGap) {
                    bestGap = gap;
                    closest = i;
                }
            }
            groups.set(closest, groups.get(closest).plus(missingEvents, missingNonEvents, ", Missing"));
            missingBin = closest;
        }
        int firstSpecial = groups.size();
        groups.addAll(special);
        if (hasMissing && missingBin < 0) {
            missingBin = groups.size();
            groups.add(new Group("Missing", BinKind.MISSING, Double.NaN, Double.NaN, List.of(), List.of(),
                    missingEvents, missingNonEvents));
        }
        double rows = totalE + totalN;
        List<Bin> bins = new ArrayList<>(groups.size());
        for (Group g : groups) {
            long count = g.events() + g.nonEvents();
            double woe = count == 0 ? 0 : WeightOfEvidence.woe(g.events(), g.nonEvents(), totalE, totalN);
            double iv = count == 0 ? 0 : WeightOfEvidence.iv(g.events(), g.nonEvents(), totalE, totalN);
            bins.add(new Bin(g.label(), g.kind(), g.lower(), g.upper(), g.categories(), g.specialValues(), count,
                    g.events(), g.nonEvents(), rows == 0 ? 0 : count / rows,
                    count == 0 ? Double.NaN : (double) g.events() / count, woe, iv));
        }
        return new Result(bins, missingBin, firstSpecial);
    }
}
