package dev.scorecard.crm.channels;

import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.SortedMap;

/**
 * Writes {@code channels.csv} and {@code trend.csv} with the project's CSV writer: rates as
 * {@link dev.scorecard.core.internal.ProbabilityFormat} writes probabilities (15 decimals at most,
 * the same text on every JDK), counts and scores as integers, {@code thin} as {@code true}/{@code false}.
 */
final class ChannelsCsv {
    static final List<String> COLUMNS = List.of("channel", "sub_channel", "leads", "conversions", "raw_rate", "shrunk_rate",
            "lower", "upper", "thin", "score", "source");
    static final List<String> TREND_COLUMNS = List.of("channel", "month", "leads", "conversions", "rate");

    private ChannelsCsv() {
    }

    static void write(OutputStream out, List<ChannelRow> rows) throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(COLUMNS);
        for (ChannelRow r : rows) {
            w.field(r.channel());
            w.comma();
            w.field(r.subChannel());
            w.comma();
            w.number(r.leads());
            w.comma();
            w.number(r.conversions());
            w.comma();
            if (!Double.isNaN(r.rawRate())) {
                w.probability(r.rawRate());
            }
            w.comma();
            w.probability(r.shrunkRate());
            w.comma();
            w.probability(r.lower());
            w.comma();
            w.probability(r.upper());
            w.comma();
            w.field(r.thin() ? "true" : "false");
            w.comma();
            w.number(r.score());
            w.comma();
            w.field(r.source().text());
            w.endRow();
        }
        w.flush();
    }

    /** One row per channel and month with leads, by channel, then month. */
    static void writeTrend(OutputStream out, SortedMap<String, SortedMap<Integer, Tally>> months) throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(TREND_COLUMNS);
        for (var c : months.entrySet()) {
            for (var m : c.getValue().entrySet()) {
                Tally t = m.getValue();
                w.field(c.getKey());
                w.comma();
                w.field(LeadCounts.monthText(m.getKey()));
                w.comma();
                w.number(t.leads());
                w.comma();
                w.number(t.conversions());
                w.comma();
                w.probability((double) t.conversions() / t.leads());
                w.endRow();
            }
        }
        w.flush();
    }
}
