package dev.scorecard.core.internal;

import java.util.Arrays;

/**
 * The one numeric bin lookup, shared by binning and scoring so that training and scoring can never
 * disagree on an edge: NaN goes to the missing bin, a special value (−0.0 equal to 0.0) to its bin,
 * anything else to regular bin {@code i} = the number of cut points at or below the value, which
 * makes bins {@code [a, b)} with −∞ and +∞ in the first and last.
 */
public final class NumericBins {
    private static final int LINEAR_CUTS = 16;
    private NumericBins() {
    }

    /**
     * @param value the value
     * @param cuts strictly increasing cut points
     * @param specials sorted special values (−0.0 normalised to 0.0)
     * @param specialBins the bin of each special value
     * @param missing what to return for NaN
     * @return the bin index
     */
    public static int lookup(double value, double[] cuts, double[] specials, int[] specialBins, int missing) {
        if (value != value) {
            return missing;
        }
        if (specials.length > 0) {
            int s = Arrays.binarySearch(specials, value == 0 ? 0.0 : value);
            if (s >= 0) {
                return specialBins[s];
            }
        }
        if (cuts.length <= LINEAR_CUTS) {
            // A few cuts (the usual case, maxBins 8): counting without branches beats a binary search.
            int bin = 0;
            for (double c : cuts) {
                bin += c <= value ? 1 : 0;
            }
            return bin;
        }
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
