package dev.scorecard.core.binning;

import java.util.Objects;

/**
 * How to bin one characteristic. Names follow SPEC §3 and optbinning: {@code min…/max…} pairs,
 * {@code …Share} for proportions of all rows, {@code …Events} for counts.
 *
 * @param method how regular bins are formed
 * @param maxPrebins the most quantile pre-bins before merging (distinct values are never split)
 * @param minBinShare the least share of all rows of the characteristic a regular bin may hold
 * @param minBinEvents the least number of events a regular bin may hold
 * @param minBinNonEvents the least number of non-events a regular bin may hold
 * @param maxBins the most regular bins (missing, special and else bins not counted)
 * @param monotonic the shape the event rate must follow over numeric bins
 * @param chiThreshold for ChiMerge: merging stops once every adjacent pair has χ² at least this;
 *     NaN to merge down to {@code maxBins} only
 * @param bins for the quantile and width methods: the number of bins asked for
 * @param minLevelShare categorical levels rarer than this share are pooled into one group
 * @param missing what happens to missing values
 */
public record BinningOptions(
        BinningMethod method,
        int maxPrebins,
        double minBinShare,
        int minBinEvents,
        int minBinNonEvents,
        int maxBins,
        Monotonic monotonic,
        double chiThreshold,
        int bins,
        double minLevelShare,
        MissingPolicy missing) {

    /** Validates every option and names the one that is out of range. */
    public BinningOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(monotonic, "monotonic");
        Objects.requireNonNull(missing, "missing");
        require(maxPrebins >= 2 && maxPrebins <= 500, "maxPrebins", maxPrebins, "from 2 to 500");
        require(minBinShare >= 0 && minBinShare < 0.5, "minBinShare", minBinShare, "at least 0 and below 0.5");
        require(minBinEvents >= 0, "minBinEvents", minBinEvents, "at least 0");
        require(minBinNonEvents >= 0, "minBinNonEvents", minBinNonEvents, "at least 0");
        require(maxBins >= 1 && maxBins <= 100, "maxBins", maxBins, "from 1 to 100");
        require(Double.isNaN(chiThreshold) || chiThreshold >= 0, "chiThreshold", chiThreshold, "at least 0");
        require(bins >= 1 && bins <= 1000, "bins", bins, "from 1 to 1000");
        require(minLevelShare >= 0 && minLevelShare < 0.5, "minLevelShare", minLevelShare, "at least 0 and below 0.5");
    }

    private static void require(boolean ok, String name, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": " + value + " is out of range; expected " + range);
        }
    }

    /** @return SPEC §3 defaults: optimal, 100 pre-bins, 5 % share, 1 event, 1 non-event, 8 bins, auto */
    public static BinningOptions defaults() {
        return new BinningOptions(BinningMethod.OPTIMAL, 100, 0.05, 1, 1, 8, Monotonic.AUTO, Double.NaN, 10, 0.01,
                MissingPolicy.SEPARATE);
    }

    /** @return a copy with {@code method} replaced */
    public BinningOptions withMethod(BinningMethod method) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code maxPrebins} replaced */
    public BinningOptions withMaxPrebins(int maxPrebins) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code minBinShare} replaced */
    public BinningOptions withMinBinShare(double minBinShare) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code minBinEvents} replaced */
    public BinningOptions withMinBinEvents(int minBinEvents) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code minBinNonEvents} replaced */
    public BinningOptions withMinBinNonEvents(int minBinNonEvents) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code maxBins} replaced */
    public BinningOptions withMaxBins(int maxBins) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code monotonic} replaced */
    public BinningOptions withMonotonic(Monotonic monotonic) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code chiThreshold} replaced */
    public BinningOptions withChiThreshold(double chiThreshold) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code bins} replaced */
    public BinningOptions withBins(int bins) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code minLevelShare} replaced */
    public BinningOptions withMinLevelShare(double minLevelShare) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }

    /** @return a copy with {@code missing} replaced */
    public BinningOptions withMissing(MissingPolicy missing) {
        return new BinningOptions(method, maxPrebins, minBinShare, minBinEvents, minBinNonEvents, maxBins, monotonic,
                chiThreshold, bins, minLevelShare, missing);
    }
}
