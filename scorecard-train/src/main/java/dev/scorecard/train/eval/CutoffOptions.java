package dev.scorecard.train.eval;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How the cut-off table cuts the score into bands, the config's {@code cutoffs} block: either
 * {@code bands} equal-frequency bands by rank (R {@code scorecard::gains_table}'s {@code method =
 * "freq"}, {@code bin_num}), or bands {@code width} points wide on the score scale ({@code method =
 * "width"}, {@code width_by}). Exactly one is set; the default is ten equal-frequency bands.
 *
 * <pre>{@code
 * cutoffs: {bands: 10}   # or: cutoffs: {width: 20}; --cutoff-bands N, --cutoff-width W
 * }</pre>
 *
 * @param bands the number of equal-frequency bands, at least 1, when cutting by rank
 * @param width the band width in points, finite and above 0, when cutting by score
 */
public record CutoffOptions(OptionalInt bands, OptionalDouble width) {
    /** The number of bands by default. */
    public static final int DEFAULT_BANDS = 10;

    /** Checks that exactly one of the two is set, and in range. */
    public CutoffOptions {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(width, "width");
        if (bands.isPresent() == width.isPresent()) {
            throw new IllegalArgumentException("cutoffs: give either bands (equal-frequency bands) or width "
                    + "(equal-width bands), not " + (bands.isPresent() ? "both" : "neither"));
        }
        if (bands.isPresent() && bands.getAsInt() < 1) {
            throw new IllegalArgumentException("cutoffs.bands: " + bands.getAsInt() + " is out of range; expected at least 1");
        }
        if (width.isPresent() && !(width.getAsDouble() > 0 && width.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("cutoffs.width: " + width.getAsDouble()
                    + " is out of range; expected a finite number above 0");
        }
    }

    /** @return ten equal-frequency bands */
    public static CutoffOptions defaults() {
        return bands(DEFAULT_BANDS);
    }

    /** @return {@code n} equal-frequency bands */
    public static CutoffOptions bands(int n) {
        return new CutoffOptions(OptionalInt.of(n), OptionalDouble.empty());
    }

    /** @return bands {@code w} points wide, aligned to multiples of {@code w} */
    public static CutoffOptions width(double w) {
        return new CutoffOptions(OptionalInt.empty(), OptionalDouble.of(w));
    }

    /** @return true for bands of a fixed width, false for equal-frequency bands */
    public boolean byWidth() {
        return width.isPresent();
    }
}
