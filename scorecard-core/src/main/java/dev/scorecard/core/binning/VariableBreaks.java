package dev.scorecard.core.binning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The user-editable definition of one characteristic's regular bins, as kept in a bins file. */
public sealed interface VariableBreaks permits VariableBreaks.Numeric, VariableBreaks.Categorical {
    /** The level name that stands for "every level not listed", in a categorical group. */
    String ELSE = "else";

    /**
     * Numeric cut points: bins {@code (-inf, c1), [c1, c2), …, [ck, inf)}.
     *
     * @param cuts strictly increasing finite cut points
     */
    record Numeric(List<Double> cuts) implements VariableBreaks {
        /** Checks the cut points are finite and strictly increasing. */
        public Numeric {
            cuts = List.copyOf(cuts);
            for (int i = 0; i < cuts.size(); i++) {
                double c = cuts.get(i);
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("cut point " + (i + 1) + " is " + c + "; cut points must be finite");
                }
                if (i > 0 && !(c > cuts.get(i - 1))) {
                    throw new IllegalArgumentException("cut points must increase strictly: " + cuts.get(i - 1)
                            + " is followed by " + c);
                }
            }
        }
    }

    /**
     * Categorical groups of levels; a group may contain {@link #ELSE} for the levels listed nowhere.
     *
     * @param groups the groups, each non-empty, no level in two groups
     */
    record Categorical(List<List<String>> groups) implements VariableBreaks {
        /** Checks that groups are non-empty and that no level appears twice. */
        public Categorical {
            groups = groups.stream().map(List::copyOf).toList();
            Set<String> seen = new HashSet<>();
            for (List<String> g : groups) {
                if (g.isEmpty()) {
                    throw new IllegalArgumentException("a group of levels is empty");
                }
                for (String level : g) {
                    if (!seen.add(level)) {
                        throw new IllegalArgumentException("level '" + level + "' appears in two groups");
                    }
                }
            }
        }
    }
}
