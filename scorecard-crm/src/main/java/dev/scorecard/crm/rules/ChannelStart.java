package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channel initial scores of a {@code channels.csv} (as {@code scorecard channels} writes it),
 * looked up per lead: the lead's sub-channel row, else its channel's row, else the {@code (unseen)}
 * row; a lead whose channel has none of them starts at 0 and is counted. Public for the blend
 * ({@code dev.scorecard.crm.blend}), whose channel part is this lookup.
 */
public final class ChannelStart {
    private static final String UNSEEN = "(unseen)";

    private final Map<String, Integer> scores;

    private ChannelStart(Map<String, Integer> scores) {
        this.scores = scores;
    }

    /**
     * @param file a channels table
     * @return its scores
     * @throws InputDataException naming the file, line and column of a missing column or a bad score
     */
    public static ChannelStart read(Path file) {
        Map<String, Integer> scores = new HashMap<>();
        try (CsvRows rows = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8)) {
            List<String> header = rows.header();
            int channel = column(file, rows, header, "channel");
            int sub = column(file, rows, header, "sub_channel");
            int score = column(file, rows, header, "score");
            while (rows.next()) {
                if (rows.fieldCount() != header.size()) {
                    throw new InputDataException(file.toString(), rows.line(), null, "expected " + header.size()
                            + " fields as in the header, found " + rows.fieldCount());
                }
                String s = rows.field(score);
                int v;
                try {
                    v = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    v = -1;
                }
                if (v < 0 || v > 10) {
                    throw new InputDataException(file.toString(), rows.line(), "score", "value '" + s
                            + "' is not a whole score from 0 to 10");
                }
                if (scores.put(key(rows.field(channel), rows.field(sub)), v) != null) {
                    throw new InputDataException(file.toString(), rows.line(), null, "channel '" + rows.field(channel)
                            + "' sub_channel '" + rows.field(sub) + "' is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChannelStart(scores);
    }

    private static int column(Path file, CsvRows rows, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputDataException(file.toString(), rows.headerLine(), null, "no column '" + name + "'; a channels"
                    + " table (from scorecard channels) has channel, sub_channel and score (its header: "
                    + String.join(", ", header) + ")");
        }
        return i;
    }

    private static String key(String channel, String sub) {
        return channel + '\u0000' + sub;
    }

    /**
     * @param leads the leads
     * @return each lead's channel score, -1 where the table has none for it
     */
    public int[] scores(LeadTable leads) {
        Optional<LeadTable.AttributeColumn> channel = leads.attribute(LeadTable.CHANNEL);
        Optional<LeadTable.AttributeColumn> sub = leads.attribute(LeadTable.SUB_CHANNEL);
        Integer unseen = scores.get(key(UNSEEN, ""));
        int[] out = new int[leads.size()];
        for (int i = 0; i < out.length; i++) {
            String c = channel.isPresent() ? channel.get().value(i) : "";
            String s = sub.isPresent() ? sub.get().value(i) : "";
            Integer v = s.isEmpty() ? null : scores.get(key(c, s));
            if (v == null) {
                v = scores.get(key(c, ""));
            }
            if (v == null) {
                v = unseen;
            }
            out[i] = v == null ? -1 : v;
        }
        return out;
    }
}
