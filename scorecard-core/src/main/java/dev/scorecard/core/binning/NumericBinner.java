package dev.scorecard.core.binning;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.BinKind;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.internal.DoubleFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bins a numeric characteristic (SPEC §3): missing and special values apart, then pre-bins on
 * distinct values and the chosen method over them. Holds only its options; thread-safe.
 */
public final class NumericBinner {
    private final BinningOptions options;

    /** @param options how to bin */
    public NumericBinner(BinningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options this binner uses */
    public BinningOptions options() {
        return options;
    }

    /**
     * Finds bins automatically.
     *
     * @param column the values, NaN for missing
     * @param target the binary target, same length
     * @param specialValues groups of special values; each non-empty group present in the data gets a bin
     * @return the fitted binning
     */
    public Binning fit(NumericColumn column, BinaryTarget target, List<List<Double>> specialValues) {
        Sorted s = Sorted.of(column, target, Specials.of(column.name(), specialValues));
        int n = s.values.length;
        int[] ends;
        double[] cuts;
        if (n == 0) {
            ends = new int[0];
            cuts = new double[0];
        } else if (options.method() == BinningMethod.WIDTH) {
            cuts = widthCuts(s.values, options.bins());
            ends = null;
        } else {
            ends = regularEnds(s, column.size());
            cuts = new double[ends.length - 1];
            for (int g = 0; g + 1 < ends.length; g++) {
                cuts[g] = midpoint(s.values[ends[g] - 1], s.values[ends[g]]);
            }
        }
        return build(column.name(), options.method(), s, cuts, options.missing());
    }

    /**
     * Bins with the user's cut points: every value is counted into {@code [c_i, c_i+1)}.
     *
     * @param column the values, NaN for missing
     * @param target the binary target
     * @param breaks the cut points
     * @param specialValues groups of special values
     * @return the binning with the statistics of those bins
     */
    public Binning apply(NumericColumn column, BinaryTarget target, VariableBreaks.Numeric breaks,
            List<List<Double>> specialValues) {
        Sorted s = Sorted.of(column, target, Specials.of(column.name(), specialValues));
        double[] cuts = breaks.cuts().stream().mapToDouble(Double::doubleValue).toArray();
        return build(column.name(), options.method(), s, cuts, options.missing());
    }

    private int[] regularEnds(Sorted s, int totalRows) {
        int n = s.values.length;
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = (long) s.events[i] + s.nonEvents[i];
        }
        if (options.method() == BinningMethod.QUANTILE) {
            return n <= options.bins() ? Partitions.identity(n) : Partitions.quantileEnds(counts, options.bins());
        }
        int[] prebinEnds = n <= options.maxPrebins() ? Partitions.identity(n)
                : Partitions.quantileEnds(counts, options.maxPrebins());
        int[] pe = Partitions.sum(s.events, prebinEnds);
        int[] pn = Partitions.sum(s.nonEvents, prebinEnds);
        OptimalMerger.Limits limits = limits(options, totalRows);
        int[] groupEnds;
        if (options.method() == BinningMethod.CHIMERGE) {
            groupEnds = ChiMerger.solve(pe, pn, limits, options.chiThreshold());
        } else {
            groupEnds = bestTrend(pe, pn, s.totalEvents, s.totalNonEvents, limits, options.monotonic());
        }
        return Partitions.compose(groupEnds, prebinEnds);
    }

    static OptimalMerger.Limits limits(BinningOptions o, int totalRows) {
        long minCount = (long) Math.ceil(o.minBinShare() * totalRows - 1e-9);
        return new OptimalMerger.Limits(minCount, o.minBinEvents(), o.minBinNonEvents(), o.maxBins());
    }

    /** Solves for the trend asked, AUTO trying each shape; falls back to one group when none is admissible. */
    static int[] bestTrend(int[] pe, int[] pn, double totalE, double totalN, OptimalMerger.Limits limits,
            Monotonic monotonic) {
        Monotonic[] trends = monotonic == Monotonic.AUTO
                ? new Monotonic[] {Monotonic.ASCENDING, Monotonic.DESCENDING, Monotonic.PEAK, Monotonic.VALLEY}
                : new Monotonic[] {monotonic};
        int[] best = null;
        double bestIv = Double.NEGATIVE_INFINITY;
        for (Monotonic t : trends) {
            int[] ends = OptimalMerger.solve(pe, pn, totalE, totalN, limits, t);
            if (ends == null) {
                continue;
            }
            double iv = OptimalMerger.iv(pe, pn, ends, totalE, totalN);
            if (iv > bestIv) {
                bestIv = iv;
                best = ends;
            }
        }
        return best != null ? best : new int[] {pe.length};
    }

    private static double[] widthCuts(double[] values, int bins) {
        double min = values[0];
        double max = values[values.length - 1];
        if (!(max > min) || !Double.isFinite(max - min)) {
            return new double[0];
        }
        double width = (max - min) / bins;
        List<Double> kept = new ArrayList<>();
        int idx = 0;
        for (int k = 1; k < bins; k++) {
            double c = min + k * width;
            if (!(c > min) || c > max) {
                continue;
            }
            int start = idx;
            while (idx < values.length && values[idx] < c) {
                idx++;
            }
            // An empty bin to the left of c is dropped by not cutting there.
            if (idx > start) {
                kept.add(c);
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A cut point strictly above {@code a} and at most {@code b}: the midpoint where it exists. */
    static double midpoint(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.isInfinite(b) && b > 0 ? Math.nextUp(a) : b;
        }
        double m = a / 2 + b / 2;
        if (!(m > a)) {
            m = Math.nextUp(a);
        }
        return Math.min(m, b);
    }

    private static Binning build(String name, BinningMethod method, Sorted s, double[] cuts, MissingPolicy missing) {
        int bins = cuts.length + 1;
        long[] e = new long[bins];
        long[] ne = new long[bins];
        int b = 0;
        for (int i = 0; i < s.values.length; i++) {
            while (b < cuts.length && s.values[i] >= cuts[b]) {
                b++;
            }
            e[b] += s.events[i];
            ne[b] += s.nonEvents[i];
        }
        List<BinAssembler.Group> regular = new ArrayList<>(bins);
        for (int g = 0; g < bins; g++) {
            double lower = g == 0 ? Double.NEGATIVE_INFINITY : cuts[g - 1];
            double upper = g == bins - 1 ? Double.POSITIVE_INFINITY : cuts[g];
            regular.add(new BinAssembler.Group(rangeLabel(lower, upper), BinKind.REGULAR, lower, upper, List.of(),
                    List.of(), e[g], ne[g]));
        }
        List<BinAssembler.Group> special = new ArrayList<>();
        int[] specialBinOfGroup = new int[s.specials.groups.size()];
        Arrays.fill(specialBinOfGroup, -1);
        for (int g = 0; g < s.specials.groups.size(); g++) {
            if (s.specialEvents[g] + s.specialNonEvents[g] == 0) {
                continue;
            }
            List<Double> values = s.specials.groups.get(g);
            specialBinOfGroup[g] = bins + special.size();
            special.add(new BinAssembler.Group(specialLabel(values), BinKind.SPECIAL, Double.NaN, Double.NaN, List.of(),
                    values, s.specialEvents[g], s.specialNonEvents[g]));
        }
        BinAssembler.Result r = BinAssembler.assemble(regular, special, s.missingEvents, s.missingNonEvents, missing);
        // Special values absent from training still map to their group's bin when it exists.
        List<Double> sv = new ArrayList<>();
        List<Integer> sb = new ArrayList<>();
        for (int k = 0; k < s.specials.sorted.length; k++) {
            int bin = specialBinOfGroup[s.specials.groupOf[k]];
            if (bin >= 0) {
                sv.add(s.specials.sorted[k]);
                sb.add(bin);
            }
        }
        return new Binning(name, VariableType.NUMERIC, method, r.bins(), cuts, Map.of(), -1,
                sv.stream().mapToDouble(Double::doubleValue).toArray(), sb.stream().mapToInt(Integer::intValue).toArray(),
                r.missingBin(), s.modeShare(), s.separatesClasses());
    }

    static String rangeLabel(double lower, double upper) {
        String lo = Double.isInfinite(lower) ? "(-inf" : "[" + DoubleFormat.format(lower);
        String hi = Double.isInfinite(upper) ? "inf)" : DoubleFormat.format(upper) + ")";
        return lo + ", " + hi;
    }

    private static String specialLabel(List<Double> values) {
        StringBuilder sb = new StringBuilder("Special: ");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(DoubleFormat.format(values.get(i)));
        }
        return sb.toString();
    }

    /** Special values in a sorted lookup table, each with its group. */
    static final class Specials {
        final List<List<Double>> groups;
        final double[] sorted;
        final int[] groupOf;

        private Specials(List<List<Double>> groups, double[] sorted, int[] groupOf) {
            this.groups = groups;
            this.sorted = sorted;
            this.groupOf = groupOf;
        }

        static Specials of(String variable, List<List<Double>> groups) {
            List<List<Double>> clean = new ArrayList<>();
            List<double[]> pairs = new ArrayList<>();
            for (List<Double> g : groups) {
                if (g.isEmpty()) {
                    continue;
                }
                List<Double> norm = new ArrayList<>();
                for (Double v : g) {
                    double d = v == 0 ? 0.0 : v;
                    if (Double.isNaN(d)) {
                        throw new IllegalArgumentException(variable + ": a special value cannot be NaN; missing values get their own bin");
                    }
                    norm.add(d);
                    pairs.add(new double[] {d, clean.size()});
                }
                clean.add(List.copyOf(norm));
            }
            pairs.sort((x, y) -> Double.compare(x[0], y[0]));
            double[] sorted = new double[pairs.size()];
            int[] groupOf = new int[pairs.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = pairs.get(i)[0];
                groupOf[i] = (int) pairs.get(i)[1];
                if (i > 0 && sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException(variable + ": special value " + DoubleFormat.format(sorted[i])
                            + " is listed twice");
                }
            }
            return new Specials(List.copyOf(clean), sorted, groupOf);
        }

        int groupOf(double v) {
            if (sorted.length == 0) {
                return -1;
            }
            int k = Arrays.binarySearch(sorted, v);
            return k >= 0 ? groupOf[k] : -1;
        }
    }

    /** Regular values as sorted distinct values with event counts, plus the missing and special counts. */
    static final class Sorted {
        double[] values;
        int[] events;
        int[] nonEvents;
        long missingEvents;
        long missingNonEvents;
        long[] specialEvents;
        long[] specialNonEvents;
        Specials specials;
        double totalEvents;
        double totalNonEvents;

        /**
         * True when the missing rows, each special group and the regular values on either side of one cut
         * point each hold one class. One cut, not any number of them: continuous values are nearly all
         * distinct, so each would be "pure" on its own without telling anything about the target.
         */
        boolean separatesClasses() {
            if (missingEvents > 0 && missingNonEvents > 0) {
                return false;
            }
            for (int g = 0; g < specialEvents.length; g++) {
                if (specialEvents[g] > 0 && specialNonEvents[g] > 0) {
                    return false;
                }
            }
            int changes = 0;
            boolean previousEvent = false;
            for (int i = 0; i < values.length; i++) {
                if (events[i] > 0 && nonEvents[i] > 0) {
                    return false;
                }
                boolean event = events[i] > 0;
                if (i > 0 && event != previousEvent) {
                    changes++;
                }
                previousEvent = event;
            }
            return changes <= 1;
        }

        /** The most frequent regular value's (or special group's) share of all rows. */
        double modeShare() {
            long mode = 0;
            for (int i = 0; i < values.length; i++) {
                mode = Math.max(mode, (long) events[i] + nonEvents[i]);
            }
            for (int g = 0; g < specialEvents.length; g++) {
                mode = Math.max(mode, specialEvents[g] + specialNonEvents[g]);
            }
            double rows = totalEvents + totalNonEvents;
            return rows == 0 ? 0 : mode / rows;
        }

        static Sorted of(NumericColumn column, BinaryTarget target, Specials specials) {
            int rows = column.size();
            if (target.size() != rows) {
                throw new IllegalArgumentException(column.name() + ": " + rows + " rows but the target has " + target.size());
            }
            Sorted s = new Sorted();
            s.specials = specials;
            s.specialEvents = new long[specials.groups.size()];
            s.specialNonEvents = new long[specials.groups.size()];
            double[] ev = new double[target.eventCount()];
            double[] nv = new double[target.nonEventCount()];
            int ec = 0;
            int nc = 0;
            for (int i = 0; i < rows; i++) {
                double v = column.value(i);
                boolean event = target.isEvent(i);
                if (Double.isNaN(v)) {
                    if (event) {
                        s.missingEvents++;
                    } else {
                        s.missingNonEvents++;
                    }
                    continue;
                }
                if (v == 0) {
                    v = 0.0; // -0.0 and 0.0 are one value
                }
                int g = specials.groupOf(v);
                if (g >= 0) {
                    if (event) {
                        s.specialEvents[g]++;
                    } else {
                        s.specialNonEvents[g]++;
                    }
                    continue;
                }
                if (event) {
                    ev[ec++] = v;
                } else {
                    nv[nc++] = v;
                }
            }
            RadixSort.sort(ev, ec);
            RadixSort.sort(nv, nc);
            // Count the distinct values first, so that the tables are allocated once at their size.
            int distinct = 0;
            double last = Double.NaN;
            for (int i = 0, j = 0; i < ec || j < nc;) {
                double v = j >= nc || (i < ec && ev[i] <= nv[j]) ? ev[i++] : nv[j++];
                if (distinct == 0 || v != last) {
                    distinct++;
                    last = v;
                }
            }
            double[] values = new double[distinct];
            int[] e = new int[distinct];
            int[] n = new int[distinct];
            int d = -1;
            int i = 0;
            int j = 0;
            while (i < ec || j < nc) {
                boolean takeEvent = j >= nc || (i < ec && ev[i] <= nv[j]);
                double v = takeEvent ? ev[i++] : nv[j++];
                if (d < 0 || v != values[d]) {
                    values[++d] = v;
                }
                if (takeEvent) {
                    e[d]++;
                } else {
                    n[d]++;
                }
            }
            s.values = values;
            s.events = e;
            s.nonEvents = n;
            s.totalEvents = target.eventCount();
            s.totalNonEvents = target.nonEventCount();
            return s;
        }
    }
}
