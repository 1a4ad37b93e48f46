package dev.scorecard.core.model;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One characteristic of the scorecard: its bins in order (regular, else, special, missing), its
 * coefficient, and the points of a row that falls in no bin.
 *
 * @param name the input column
 * @param type numeric or categorical
 * @param coefficient the regression coefficient on its WOE
 * @param bins all bins
 * @param neutralPoints the points of a value that has no bin (missing without a missing bin, unseen
 *     level without an else bin): those of WOE 0
 * @param missingBin the regular (or else) bin that holds the missing values, when binning merged them
 *     into one ({@code missing: merge-with-closest-woe}); empty otherwise, and then a missing value goes
 *     to the bin of kind missing, or scores neutrally when there is none (see {@link #missingValueBin()})
 */
public record Characteristic(String name, VariableType type, double coefficient, List<ModelBin> bins,
        double neutralPoints, OptionalInt missingBin) {
    /**
     * A characteristic whose missing values, if training saw any, have a bin of their own.
     *
     * @param name the input column
     * @param type numeric or categorical
     * @param coefficient the regression coefficient on its WOE
     * @param bins all bins
     * @param neutralPoints the points of a value that has no bin
     */
    public Characteristic(String name, VariableType type, double coefficient, List<ModelBin> bins,
            double neutralPoints) {
        this(name, type, coefficient, bins, neutralPoints, OptionalInt.empty());
    }

    /**
     * Checks SPEC §13's semantic rules: regular bins first, numeric ones contiguous from −∞ to +∞ with
     * strictly increasing finite bounds, unique levels and special values, at most one missing bin,
     * and a {@code missingBin} only in place of one, naming a regular or else bin.
     */
    public Characteristic {
        Objects.requireNonNull(missingBin, "missingBin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        bins = List.copyOf(bins);
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("characteristic '" + name + "' has no bins");
        }
        int missing = 0;
        int regular = 0;
        boolean pastRegular = false;
        double previousUpper = Double.NEGATIVE_INFINITY;
        Set<String> levels = new HashSet<>();
        Set<Double> specials = new HashSet<>();
        for (ModelBin b : bins) {
            boolean isRegular = b.kind() == BinKind.REGULAR || b.kind() == BinKind.ELSE;
            if (isRegular && pastRegular) {
                throw new IllegalArgumentException("characteristic '" + name + "': regular bins must come before the special and missing bins");
            }
            pastRegular |= !isRegular;
            switch (b.kind()) {
                case MISSING -> missing++;
                case SPECIAL -> {
                    if (type != VariableType.NUMERIC || b.specialValues().isEmpty()) {
                        throw new IllegalArgumentException("characteristic '" + name + "': special bin " + b.label()
                                + " needs numeric values");
                    }
                    for (Double v : b.specialValues()) {
                        if (!Double.isFinite(v) || !specials.add(v == 0 ? 0.0 : v)) {
                            throw new IllegalArgumentException("characteristic '" + name + "': special value " + v
                                    + " is not finite or is listed twice");
                        }
                    }
                }
                case REGULAR, ELSE -> {
                    regular++;
                    if (type == VariableType.NUMERIC) {
                        if (b.kind() == BinKind.ELSE) {
                            throw new IllegalArgumentException("characteristic '" + name + "': a numeric characteristic has no else bin");
                        }
                        if (Double.compare(b.lower(), previousUpper) != 0 || !(b.upper() > b.lower())) {
                            throw new IllegalArgumentException("characteristic '" + name + "': bin " + b.label()
                                    + " does not start where the previous one ends or is empty");
                        }
                        previousUpper = b.upper();
                    } else {
                        for (String level : b.categories()) {
                            if (!levels.add(level)) {
                                throw new IllegalArgumentException("characteristic '" + name + "': level '" + level
                                        + "' is in two bins");
                            }
                        }
                    }
                }
                default -> throw new IllegalArgumentException(b.kind().toString());
            }
        }
        if (missing > 1) {
            throw new IllegalArgumentException("characteristic '" + name + "' has " + missing + " missing bins");
        }
        if (regular == 0) {
            throw new IllegalArgumentException("characteristic '" + name + "' has no regular bin");
        }
        if (type == VariableType.NUMERIC && previousUpper != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("characteristic '" + name + "': the last bin must be open to +inf");
        }
        if (missingBin.isPresent()) {
            int m = missingBin.getAsInt();
            if (m < 0 || m >= regular) {
                throw new IllegalArgumentException("characteristic '" + name + "': missingBin " + m
                        + " is not one of its regular bins (0 to " + (regular - 1) + ")");
            }
            if (missing > 0) {
                throw new IllegalArgumentException("characteristic '" + name + "' has a missing bin and a missingBin "
                        + m + "; missing values go to one or the other");
            }
        }
        if (!Double.isFinite(coefficient) || !Double.isFinite(neutralPoints)) {
            throw new IllegalArgumentException("characteristic '" + name + "': coefficient and neutral points must be finite");
        }
    }

    /**
     * Where a missing value goes, the one rule every scoring path follows: the bin named by
     * {@link #missingBin()} when binning merged the missing values into a regular bin, else the bin of
     * kind missing, else none (the value scores neutrally, with a {@code missing:} warning).
     *
     * @return the bin index, or -1 when a missing value scores neutrally
     */
    public int missingValueBin() {
        if (missingBin.isPresent()) {
            return missingBin.getAsInt();
        }
        for (int b = 0; b < bins.size(); b++) {
            if (bins.get(b).kind() == BinKind.MISSING) {
                return b;
            }
        }
        return -1;
    }

    /** @return the highest points any bin gives, for reason codes */
    public double maxPoints() {
        double max = Double.NEGATIVE_INFINITY;
        for (ModelBin b : bins) {
            max = Math.max(max, b.points());
        }
        return max;
    }

    /**
     * @return the training mean of the points, each bin weighted by its training count, in model
     *     order; {@link #maxPoints()} when no bin counted a row. The {@code mean} reason baseline.
     */
    public double meanPoints() {
        double weighted = 0;
        long rows = 0;
        for (ModelBin b : bins) {
            weighted += b.count() * b.points();
            rows += b.count();
        }
        return rows == 0 ? maxPoints() : weighted / rows;
    }
}
