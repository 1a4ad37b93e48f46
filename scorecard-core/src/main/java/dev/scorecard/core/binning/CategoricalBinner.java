package dev.scorecard.core.binning;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.BinKind;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bins a categorical characteristic (SPEC §3): levels rarer than {@code minLevelShare} are pooled
 * into one group (SPEC's {@code OTHER}; its bin lists the pooled levels by name, so that the bins file
 * stays exact), the rest are ordered by event rate, and the ordered levels are merged like
 * numeric pre-bins. Holds only its options; thread-safe.
 */
public final class CategoricalBinner {
    private static final int LABEL_LEVELS = 12;

    private final BinningOptions options;

    /** @param options how to bin; {@code monotonic} does not apply (levels are ordered by event rate) */
    public CategoricalBinner(BinningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options this binner uses */
    public BinningOptions options() {
        return options;
    }

    /**
     * Finds groups of levels automatically.
     *
     * @param column the dictionary-encoded levels
     * @param target the binary target, same length
     * @return the fitted binning; bins ordered by increasing event rate
     */
    public Binning fit(CategoricalColumn column, BinaryTarget target) {
        Counts c = Counts.of(column, target);
        int rows = column.size();
        // Units: each frequent level alone, the rare ones pooled, ordered by event rate (ties by name).
        List<Unit> units = new ArrayList<>();
        Unit other = new Unit(new ArrayList<>(), 0, 0);
        List<String> levels = column.levels();
        for (int code = 0; code < levels.size(); code++) {
            long n = c.events[code] + c.nonEvents[code];
            if (n == 0) {
                continue;
            }
            if (n < options.minLevelShare() * rows) {
                other.levels.add(levels.get(code));
                other.events += c.events[code];
                other.nonEvents += c.nonEvents[code];
            } else {
                units.add(new Unit(new ArrayList<>(List.of(levels.get(code))), c.events[code], c.nonEvents[code]));
            }
        }
        if (!other.levels.isEmpty()) {
            units.add(other);
        }
        units.sort((a, b) -> {
            int cmp = Long.compare(a.events * (b.events + b.nonEvents), b.events * (a.events + a.nonEvents));
            return cmp != 0 ? cmp : a.levels.get(0).compareTo(b.levels.get(0));
        });
        int n = units.size();
        int[] ue = new int[n];
        int[] un = new int[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            ue[i] = (int) units.get(i).events;
            un[i] = (int) units.get(i).nonEvents;
            counts[i] = ue[i] + un[i];
        }
        int[] ends;
        if (n == 0) {
            ends = new int[0];
        } else {
            int[] prebinEnds = n <= options.maxPrebins() ? Partitions.identity(n)
                    : Partitions.quantileEnds(counts, options.maxPrebins());
            int[] pe = Partitions.sum(ue, prebinEnds);
            int[] pn = Partitions.sum(un, prebinEnds);
            OptimalMerger.Limits limits = NumericBinner.limits(options, rows);
            int[] groupEnds = options.method() == BinningMethod.CHIMERGE
                    ? ChiMerger.solve(pe, pn, limits, options.chiThreshold())
                    // Sorted by event rate, any contiguous grouping already has non-decreasing rates.
                    : NumericBinner.bestTrend(pe, pn, target.eventCount(), target.nonEventCount(), limits, Monotonic.NONE);
            ends = Partitions.compose(groupEnds, prebinEnds);
        }
        List<List<String>> groups = new ArrayList<>();
        int start = 0;
        for (int end : ends) {
            List<String> g = new ArrayList<>();
            for (int u = start; u < end; u++) {
                g.addAll(units.get(u).levels);
            }
            groups.add(g);
            start = end;
        }
        return build(column.name(), options.method(), c, column, groups, -1, false);
    }

    /**
     * Bins with the user's groups. Levels seen in the data but listed in no group go to the group
     * holding {@link VariableBreaks#ELSE}, or to a new else bin when no group does.
     *
     * @param column the dictionary-encoded levels
     * @param target the binary target
     * @param breaks the groups
     * @return the binning with the statistics of those groups
     */
    public Binning apply(CategoricalColumn column, BinaryTarget target, VariableBreaks.Categorical breaks) {
        Counts c = Counts.of(column, target);
        List<List<String>> groups = new ArrayList<>();
        int elseGroup = -1;
        for (List<String> g : breaks.groups()) {
            List<String> levels = new ArrayList<>();
            for (String level : g) {
                if (level.equals(VariableBreaks.ELSE)) {
                    elseGroup = groups.size();
                } else {
                    levels.add(level);
                }
            }
            groups.add(levels);
        }
        boolean addedElse = elseGroup < 0;
        if (addedElse) {
            groups.add(new ArrayList<>());
            elseGroup = groups.size() - 1;
        }
        return build(column.name(), options.method(), c, column, groups, elseGroup, addedElse);
    }

    private Binning build(String name, BinningMethod method, Counts c, CategoricalColumn column,
            List<List<String>> groups, int elseGroup, boolean addedElse) {
        Map<String, Integer> levelBins = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String level : groups.get(g)) {
                levelBins.put(level, g);
            }
        }
        long[] e = new long[groups.size()];
        long[] ne = new long[groups.size()];
        List<String> levels = column.levels();
        Set<String> unlisted = new LinkedHashSet<>();
        for (int code = 0; code < levels.size(); code++) {
            Integer g = levelBins.get(levels.get(code));
            if (g == null) {
                if (c.events[code] + c.nonEvents[code] == 0) {
                    continue;
                }
                g = elseGroup;
                unlisted.add(levels.get(code));
            }
            e[g] += c.events[code];
            ne[g] += c.nonEvents[code];
        }
        List<BinAssembler.Group> regular = new ArrayList<>();
        int elseBin = -1;
        for (int g = 0; g < groups.size(); g++) {
            List<String> members = groups.get(g);
            BinKind kind = BinKind.REGULAR;
            String label = label(members);
            if (g == elseGroup) {
                elseBin = regular.size();
                // The else kind, even with listed members, is what tells the scorer that this bin also
                // takes every other level: those the group took in training and those never seen.
                kind = BinKind.ELSE;
                if (members.isEmpty()) {
                    if (addedElse && e[g] + ne[g] == 0) {
                        // An else bin nobody asked for and nothing fell into (always the last group):
                        // keep it out of the table; unseen levels then follow the model's unseen policy.
                        elseBin = -1;
                        continue;
                    }
                }
                label = members.isEmpty() ? "else" : label + " | else";
            }
            regular.add(new BinAssembler.Group(label, kind, Double.NaN, Double.NaN, members, List.of(), e[g], ne[g]));
        }
        BinAssembler.Result r = BinAssembler.assemble(regular, List.of(), c.missingEvents, c.missingNonEvents,
                options.missing());
        long mode = 0;
        for (int code = 0; code < c.events.length; code++) {
            mode = Math.max(mode, c.events[code] + c.nonEvents[code]);
        }
        return new Binning(name, VariableType.CATEGORICAL, method, r.bins(), new double[0], levelBins, elseBin,
                new double[0], new int[0], r.missingBin(), column.size() == 0 ? 0 : (double) mode / column.size(),
                c.separatesClasses());
    }

    private static String label(List<String> members) {
        if (members.size() <= LABEL_LEVELS) {
            return String.join(" | ", members);
        }
        return String.join(" | ", members.subList(0, LABEL_LEVELS)) + " | … (" + (members.size() - LABEL_LEVELS)
                + " more)";
    }

    private static final class Unit {
        final List<String> levels;
        long events;
        long nonEvents;

        Unit(List<String> levels, long events, long nonEvents) {
            this.levels = levels;
            this.events = events;
            this.nonEvents = nonEvents;
        }
    }

    /** Events and non-events per level code, and among missing rows. */
    private static final class Counts {
        long[] events;
        long[] nonEvents;
        long missingEvents;
        long missingNonEvents;

        static Counts of(CategoricalColumn column, BinaryTarget target) {
            if (target.size() != column.size()) {
                throw new IllegalArgumentException(column.name() + ": " + column.size() + " rows but the target has "
                        + target.size());
            }
            Counts c = new Counts();
            int levels = column.levels().size();
            c.events = new long[levels];
            c.nonEvents = new long[levels];
            for (int i = 0; i < column.size(); i++) {
                int code = column.code(i);
                boolean event = target.isEvent(i);
                if (code == CategoricalColumn.MISSING) {
                    if (event) {
                        c.missingEvents++;
                    } else {
                        c.missingNonEvents++;
                    }
                } else if (event) {
                    c.events[code]++;
                } else {
                    c.nonEvents[code]++;
                }
            }
            return c;
        }

        /** True when each level, and the missing rows, hold one class: the level alone tells the class. */
        boolean separatesClasses() {
            if (missingEvents > 0 && missingNonEvents > 0) {
                return false;
            }
            for (int code = 0; code < events.length; code++) {
                if (events[code] > 0 && nonEvents[code] > 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
