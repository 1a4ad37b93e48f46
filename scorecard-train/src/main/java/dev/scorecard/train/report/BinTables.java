package dev.scorecard.train.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.scorecard.core.binning.Bin;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.Separation;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.binning.VariableResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The bins table ({@code bins.csv}), the IV table ({@code iv.csv}) and the console IV summary. */
public final class BinTables {
    /** Header of {@code bins.csv}. */
    public static final List<String> BINS_HEADER = List.of("variable", "bin_index", "bin", "kind", "count", "share",
            "events", "non_events", "event_rate", "woe", "iv", "note");
    /** Header of {@code iv.csv}. */
    public static final List<String> IV_HEADER = List.of("variable", "type", "iv", "bins", "trend", "missing_share",
            "source", "status", "reason");

    private BinTables() {
    }

    /**
     * @param results the binning results in column order
     * @param optionsOf the options each variable was binned with (for the "too small to trust" note)
     * @param out where to write; not closed
     */
    public static void writeBins(List<VariableResult> results, Function<String, BinningOptions> optionsOf, Writer out)
            throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(BINS_HEADER);
        for (VariableResult r : results) {
            if (r.binning().isEmpty()) {
                continue;
            }
            Binning b = r.binning().get();
            BinningOptions o = optionsOf.apply(r.variable());
            List<Bin> bins = b.bins();
            for (int i = 0; i < bins.size(); i++) {
                Bin bin = bins.get(i);
                csv.writeRecord(r.variable(), Integer.toString(i), BinText.full(bin.label(), bin.kind(), bin.categories()),
                        bin.kind().name().toLowerCase(Locale.ROOT),
                        Long.toString(bin.count()), num(bin.share()), Long.toString(bin.events()),
                        Long.toString(bin.nonEvents()), num(bin.eventRate()), num(bin.woe()), num(bin.iv()), note(bin, o));
            }
        }
        csv.flush();
    }

    /** @return a warning for a bin whose WOE rests on too little data, empty otherwise */
    static String note(Bin bin, BinningOptions o) {
        if (bin.count() == 0) {
            return "empty: WOE set to 0";
        }
        List<String> notes = new ArrayList<>();
        if (bin.events() == 0) {
            notes.add("no events: WOE uses 0.5 for 0");
        } else if (bin.nonEvents() == 0) {
            notes.add("no non-events: WOE uses 0.5 for 0");
        }
        if (bin.kind() != BinKind.REGULAR && bin.share() < o.minBinShare()) {
            notes.add("small: under minBinShare, WOE unreliable");
        }
        return String.join("; ", notes);
    }

    /** @return results by IV, highest first; dropped variables last, in column order */
    public static List<VariableResult> byIv(List<VariableResult> results) {
        List<VariableResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((VariableResult r) -> !r.binned())
                .thenComparing(Comparator.comparingDouble(VariableResult::iv).reversed()));
        return sorted;
    }

    /**
     * Writes {@code iv.csv}: one row per candidate variable, by IV; a binned variable that separates the
     * classes perfectly has its {@link Separation} note as the reason.
     */
    public static void writeIv(List<VariableResult> results, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(IV_HEADER);
        for (VariableResult r : byIv(results)) {
            String type = r.type().name().toLowerCase(Locale.ROOT);
            if (r.binning().isPresent()) {
                Binning b = r.binning().get();
                csv.writeRecord(r.variable(), type, num(b.iv()), Integer.toString(b.bins().size()),
                        b.trend().configName(), num(r.missingShare()), r.userBins() ? "bins file" : b.method().configName(),
                        "binned", b.separation().note());
            } else {
                csv.writeRecord(r.variable(), type, "", "", "", num(r.missingShare()), "", "dropped",
                        r.dropReason().orElse(""));
            }
        }
        csv.flush();
    }

    /**
     * @param results the binned variables
     * @param maxIv the IV above which a variable is suspicious of leakage: the config's
     *     {@code selection.maxIv}, which {@code train} flags with too
     * @return a plain-text table of the variables by IV for the console
     */
    public static String summary(List<VariableResult> results, double maxIv) {
        List<VariableResult> sorted = byIv(results);
        int width = "variable".length();
        for (VariableResult r : sorted) {
            width = Math.max(width, Math.min(40, r.variable().length()));
        }
        StringBuilder sb = new StringBuilder();
        String fmt = "%-" + width + "s  %8s  %4s  %-10s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "variable", "IV", "bins", "trend", "strength"));
        for (VariableResult r : sorted) {
            String name = r.variable().length() > 40 ? r.variable().substring(0, 39) + "…" : r.variable();
            if (r.binning().isPresent()) {
                Binning b = r.binning().get();
                sb.append(String.format(Locale.ROOT, fmt, name, String.format(Locale.ROOT, "%.4f", b.iv()),
                        b.bins().size(), b.trend().configName(), strength(b, maxIv)));
            } else {
                sb.append(String.format(Locale.ROOT, fmt, name, "-", "-", "-", "dropped: " + r.dropReason().orElse("")));
            }
        }
        return sb.toString();
    }

    /**
     * @return the separation note of a variable that splits the classes perfectly (its IV, 0 or huge,
     *     says nothing then), else {@link #strength(double, double)}
     */
    static String strength(Binning b, double maxIv) {
        return b.separation() == Separation.NONE ? strength(b.iv(), maxIv) : b.separation().note();
    }

    /** Siddiqi's rule of thumb for IV, as analysts read it, with the config's bound for "suspicious". */
    static String strength(double iv, double maxIv) {
        if (iv > maxIv) {
            return "suspicious (> maxIv " + DoubleFormat.format(maxIv) + ": check for leakage)";
        }
        if (iv < 0.02) {
            return "not predictive";
        }
        if (iv < 0.1) {
            return "weak";
        }
        if (iv < 0.3) {
            return "medium";
        }
        return "strong";
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : DoubleFormat.format(d);
    }
}
