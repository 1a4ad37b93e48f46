package dev.scorecard.core.binning;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.BinKind;

import dev.scorecard.core.internal.NumericBins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted bins of one characteristic: how any value maps to a bin, and each bin's training
 * statistics. Immutable and thread-safe.
 *
 * <p>Bins are ordered: regular bins (numeric ranges by increasing value; categorical groups by
 * increasing event rate, or as the user listed them), then special bins, then the missing bin.
 */
public final class Binning {
    private final String variable;
    private final VariableType type;
    private final BinningMethod method;
    private final List<Bin> bins;
    private final double[] cuts;
    private final Map<String, Integer> levelBins;
    private final int elseBin;
    private final double[] specialValues;
    private final int[] specialBins;
    private final int missingBin;
    private final double modeShare;
    private final Monotonic trend;
    private final double iv;
    private final long events;
    private final long nonEvents;
    private final Separation separation;

    /**
     * @param valuesSeparate whether every group of training rows that the binner could tell apart holds
     *     one class (see {@link Separation#VALUES}); the binner knows the values, this class only the bins
     */
    Binning(String variable, VariableType type, BinningMethod method, List<Bin> bins, double[] cuts,
            Map<String, Integer> levelBins, int elseBin, double[] specialValues, int[] specialBins, int missingBin,
            double modeShare, boolean valuesSeparate) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.type = Objects.requireNonNull(type, "type");
        this.method = Objects.requireNonNull(method, "method");
        this.bins = List.copyOf(bins);
        this.cuts = cuts.clone();
        for (int i = 1; i < this.cuts.length; i++) {
            if (!(this.cuts[i] > this.cuts[i - 1])) {
                throw new IllegalArgumentException(variable + ": cut points must increase strictly, found "
                        + this.cuts[i - 1] + " then " + this.cuts[i]);
            }
        }
        this.levelBins = Collections.unmodifiableMap(new HashMap<>(levelBins));
        this.elseBin = elseBin;
        this.specialValues = specialValues.clone();
        this.specialBins = specialBins.clone();
        this.missingBin = missingBin;
        this.modeShare = modeShare;
        this.trend = describeTrend(this.bins);
        double total = 0;
        long e = 0;
        long ne = 0;
        for (Bin b : this.bins) {
            total += b.iv();
            e += b.events();
            ne += b.nonEvents();
        }
        this.iv = total;
        this.events = e;
        this.nonEvents = ne;
        this.separation = separation(this.bins, e, ne, valuesSeparate);
    }

    private static Separation separation(List<Bin> bins, long events, long nonEvents, boolean valuesSeparate) {
        // With one class there is nothing to separate (and selection refuses such a target anyway).
        if (events == 0 || nonEvents == 0) {
            return Separation.NONE;
        }
        boolean everyBinPure = true;
        for (Bin b : bins) {
            everyBinPure &= b.events() == 0 || b.nonEvents() == 0;
        }
        if (everyBinPure) {
            return Separation.BINS;
        }
        return valuesSeparate ? Separation.VALUES : Separation.NONE;
    }

    /** @return the characteristic's name */
    public String variable() {
        return variable;
    }

    /** @return numeric or categorical */
    public VariableType type() {
        return type;
    }

    /** @return the method that formed the regular bins ({@code optimal} also for user bins' source) */
    public BinningMethod method() {
        return method;
    }

    /** @return all bins in order: regular, special, missing */
    public List<Bin> bins() {
        return bins;
    }

    /** @return the numeric cut points, strictly increasing; empty for a categorical characteristic */
    public double[] cuts() {
        return cuts.clone();
    }

    /** @return the total information value */
    public double iv() {
        return iv;
    }

    /**
     * @return whether the variable separates events from non-events perfectly in training: in every
     *     bin, or in its values where the bin constraints merged pure bins away (then the IV is no guide)
     */
    public Separation separation() {
        return separation;
    }

    /** @return the shape the event rate of the regular bins actually follows */
    public Monotonic trend() {
        return trend;
    }

    /** @return the events over all bins */
    public long events() {
        return events;
    }

    /** @return the non-events over all bins */
    public long nonEvents() {
        return nonEvents;
    }

    /** @return the number of regular bins (else bins included) */
    public int regularBinCount() {
        int n = 0;
        for (Bin b : bins) {
            if (b.kind() == BinKind.REGULAR || b.kind() == BinKind.ELSE) {
                n++;
            }
        }
        return n;
    }

    /**
     * @return the share of all rows holding the most frequent single value (missing rows excluded
     *     from the numerator); selection drops near-constant characteristics on it
     */
    public double modeShare() {
        return modeShare;
    }

    /** @return the index of the bin holding missing values, or -1 when training saw none */
    public int missingBin() {
        return missingBin;
    }

    /** @return the index of the categorical else bin, or -1 when there is none */
    public int elseBin() {
        return elseBin;
    }

    /**
     * @param value a numeric value; NaN means missing
     * @return the bin index, or -1 for a missing value when there is no missing bin
     */
    public int binOf(double value) {
        if (type != VariableType.NUMERIC) {
            throw new IllegalStateException(variable + " is categorical; look levels up with binOf(String)");
        }
        return NumericBins.lookup(value, cuts, specialValues, specialBins, missingBin);
    }

    /**
     * @param level a categorical level; null means missing
     * @return the bin index; -1 for a level never seen when there is no else bin, or for a missing
     *     value when there is no missing bin
     */
    public int binOf(String level) {
        if (type != VariableType.CATEGORICAL) {
            throw new IllegalStateException(variable + " is numeric; look values up with binOf(double)");
        }
        if (level == null) {
            return missingBin;
        }
        Integer b = levelBins.get(level);
        return b == null ? elseBin : b;
    }

    /** @return the user-editable breaks that reproduce these bins (see {@link BinsSpec}) */
    public VariableBreaks breaks() {
        if (type == VariableType.NUMERIC) {
            List<Double> list = new ArrayList<>(cuts.length);
            for (double c : cuts) {
                list.add(c);
            }
            return new VariableBreaks.Numeric(list);
        }
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            if (i == elseBin) {
                List<String> g = new ArrayList<>(b.categories());
                g.add(VariableBreaks.ELSE);
                groups.add(g);
            } else if (b.kind() == BinKind.REGULAR) {
                groups.add(b.categories());
            }
        }
        return new VariableBreaks.Categorical(groups);
    }

    static Monotonic describeTrend(List<Bin> bins) {
        List<Double> rates = new ArrayList<>();
        for (Bin b : bins) {
            if ((b.kind() == BinKind.REGULAR || b.kind() == BinKind.ELSE) && b.count() > 0) {
                rates.add(b.eventRate());
            }
        }
        if (rates.size() < 2) {
            return Monotonic.NONE;
        }
        int ups = 0;
        int downs = 0;
        int turns = 0;
        int lastDir = 0;
        for (int i = 1; i < rates.size(); i++) {
            int dir = Double.compare(rates.get(i), rates.get(i - 1));
            if (dir == 0) {
                return Monotonic.NONE;
            }
            if (dir > 0) {
                ups++;
            } else {
                downs++;
            }
            if (lastDir != 0 && dir != lastDir) {
                turns++;
            }
            lastDir = dir;
        }
        if (downs == 0) {
            return Monotonic.ASCENDING;
        }
        if (ups == 0) {
            return Monotonic.DESCENDING;
        }
        if (turns == 1) {
            return Double.compare(rates.get(1), rates.get(0)) > 0 ? Monotonic.PEAK : Monotonic.VALLEY;
        }
        return Monotonic.NONE;
    }

    @Override
    public String toString() {
        return "Binning[" + variable + ", " + type + ", " + bins.size() + " bins, IV " + iv + "]";
    }
}
