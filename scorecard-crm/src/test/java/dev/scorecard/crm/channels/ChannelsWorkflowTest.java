package dev.scorecard.crm.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsWorkflowTest {
    @TempDir
    Path dir;

    /** {@code channel,sub_channel} leads: {@code conv} of {@code n} converted, created in the month given. */
    private static void leads(StringBuilder sb, int[] id, String channel, String sub, int n, int conv, String month) {
        for (int i = 0; i < n; i++) {
            boolean c = i < conv;
            sb.append("L").append(id[0]++).append(',').append(channel).append(',').append(sub).append(',').append(month)
                    .append("-05T10:00:00Z,").append(c ? "1" : "0").append(',').append(c ? month + "-20T10:00:00Z" : "")
                    .append('\n');
        }
    }

    private Path fixture() throws IOException {
        StringBuilder sb = new StringBuilder("lead_id,channel,sub_channel,created_at,converted,converted_at\n");
        int[] id = {1};
        leads(sb, id, "search", "brand", 200, 30, "2026-01");
        leads(sb, id, "search", "generic", 300, 15, "2026-02");
        leads(sb, id, "search", "tiny", 5, 5, "2026-02");
        leads(sb, id, "feed", "", 400, 8, "2026-01");
        leads(sb, id, "agent", "x", 50, 10, "2026-02");
        leads(sb, id, "referral", "", 20, 8, "2026-03");
        leads(sb, id, "", "", 40, 2, "2026-03");
        Path f = dir.resolve("leads.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private ChannelsWorkflow.Request request(Path leads, Path out, Optional<String> asOf, Optional<Path> overrides,
            double maxShare) {
        return new ChannelsWorkflow.Request(leads, out, InputFormat.DEFAULT, asOf, overrides, ChannelOptions.defaults(),
                Optional.empty(), maxShare);
    }

    private static List<String[]> csv(Path f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static String[] row(List<String[]> rows, String channel, String sub) {
        return rows.stream().filter(r -> r[0].equals(channel) && r[1].equals(sub)).findFirst().orElseThrow();
    }

    @Test
    void writesTheTableTrendAndPageWithThinSubChannelsOnTheirParent() throws IOException {
        Path out = dir.resolve("out");
        ChannelsWorkflow.Outcome o = ChannelsWorkflow.run(request(fixture(), out, Optional.empty(), Optional.empty(), 0.01));
        assertThat(o.rowsRead()).isEqualTo(1015);
        assertThat(o.used()).isEqualTo(1015);
        assertThat(o.rowsRead()).isEqualTo(o.used() + o.createdLater() + o.withoutOutcome() + o.rejected());
        List<String[]> rows = csv(out.resolve("channels.csv"));
        assertThat(String.join(",", rows.get(0))).isEqualTo(
                "channel,sub_channel,leads,conversions,raw_rate,shrunk_rate,lower,upper,thin,score,source");
        // Order: by channel (the empty channel's "(none)" sorts first), sub-channels under their channel, (unseen) last.
        assertThat(rows.stream().skip(1).map(r -> r[0] + "/" + r[1]).toList()).containsExactly("(none)/", "agent/",
                "agent/x", "feed/", "referral/", "search/", "search/brand", "search/generic", "search/tiny", "(unseen)/");
        String[] tiny = row(rows, "search", "tiny");
        assertThat(tiny[2]).isEqualTo("5");
        assertThat(tiny[8]).isEqualTo("true");
        assertThat(tiny[9]).isEqualTo(row(rows, "search", "")[9]);
        assertThat(tiny[10]).isEqualTo("parent");
        // Shrinkage pulls a channel toward the prior mean: referral's 8 of 20 (0.4) well below 0.4.
        String[] referral = row(rows, "referral", "");
        assertThat(referral[4]).isEqualTo("0.4");
        assertThat(Double.parseDouble(referral[5])).isLessThan(0.4).isGreaterThan(Double.parseDouble(referral[6]) - 1);
        assertThat(referral[8]).isEqualTo("true");
        String[] unseen = row(rows, "(unseen)", "");
        assertThat(unseen[4]).isEmpty();
        assertThat(unseen[10]).isEqualTo("prior");
        assertThat(Double.parseDouble(unseen[5])).isCloseTo(o.scores().priorMean(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Files.readAllLines(out.resolve("trend.csv"))).startsWith("channel,month,leads,conversions,rate",
                "(none),2026-03,40,2,0.05", "agent,2026-02,50,10,0.2");
        String html = Files.readString(out.resolve("channels.html"));
        assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=").contains("Monthly volume");
        assertThat(out.resolve("rejects.csv")).doesNotExist();
    }

    @Test
    void twoRunsAreByteIdentical() throws IOException {
        Path leads = fixture();
        ChannelsWorkflow.run(request(leads, dir.resolve("a"), Optional.empty(), Optional.empty(), 0.01));
        ChannelsWorkflow.run(request(leads, dir.resolve("b"), Optional.empty(), Optional.empty(), 0.01));
        for (String f : List.of("channels.csv", "trend.csv", "channels.html")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("a")
                    .resolve(f)));
        }
    }

    @Test
    void asOfLeavesOutLaterLeadsAndLaterConversions() throws IOException {
        Path out = dir.resolve("out");
        // At 2026-02-10 the January leads exist and have converted (on the 20th of January); the February
        // leads (created on the 5th) exist but have not converted yet (the 20th); March does not exist.
        ChannelsWorkflow.Outcome o = ChannelsWorkflow.run(request(fixture(), out, Optional.of("2026-02-10"), Optional.empty(),
                0.01));
        assertThat(o.createdLater()).isEqualTo(60);
        assertThat(o.used()).isEqualTo(955);
        List<String[]> rows = csv(out.resolve("channels.csv"));
        assertThat(row(rows, "search", "brand")[3]).isEqualTo("30");
        assertThat(row(rows, "search", "generic")[3]).isEqualTo("0");
        assertThat(rows.stream().noneMatch(r -> r[0].equals("referral"))).isTrue();
    }

    @Test
    void rejectsBadRowsWithLineAndReasonAndTheSummaryAddsUp() throws IOException {
        Path leads = dir.resolve("leads.csv");
        StringBuilder sb = new StringBuilder("lead_id,channel,sub_channel,created_at,converted,converted_at\n");
        for (int i = 0; i < 100; i++) {
            sb.append("L").append(i).append(",search,,2026-01-05,").append(i % 10 == 0 ? 1 : 0).append(",\n");
        }
        sb.append("B1,search,,2026-01-05,yes,\n");
        sb.append("B2,search,,yesterday,0,\n");
        sb.append("U1,search,,2026-01-05,,\n");
        Files.writeString(leads, sb.toString());
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.empty(), 0.01)))
                .isInstanceOf(InputDataException.class).hasMessage(leads + ": 2 of 103 rows (1.94 %) could not be used, over "
                        + "--max-reject-share 0.01; see " + out.resolve("rejects.csv"));
        ChannelsWorkflow.Outcome o = ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.empty(), 0.05));
        assertThat(o.rowsRead()).isEqualTo(103);
        assertThat(o.rejected()).isEqualTo(2);
        assertThat(o.withoutOutcome()).isEqualTo(1);
        assertThat(o.used()).isEqualTo(100);
        assertThat(o.rowsRead()).isEqualTo(o.used() + o.createdLater() + o.withoutOutcome() + o.rejected());
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(3);
        assertThat(rejects.get(1)).startsWith("102,").contains("column 'converted': value 'yes' is not 0, 1 or empty");
        assertThat(rejects.get(2)).startsWith("103,").contains("column 'created_at': value 'yesterday' is not a time");
    }

    @Test
    void overridesReplaceScoresAndAnUnknownChannelNamesItsLine() throws IOException {
        Path yaml = dir.resolve("overrides.yaml");
        Files.writeString(yaml, "channels:\n  referral: 9\n  search:\n    sub_channels:\n      generic: 7\n  \"(unseen)\": 1\n");
        Path out = dir.resolve("out");
        Path leads = fixture();
        ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01));
        List<String[]> rows = csv(out.resolve("channels.csv"));
        assertThat(row(rows, "referral", "")[9]).isEqualTo("9");
        assertThat(row(rows, "referral", "")[10]).isEqualTo("override");
        assertThat(row(rows, "search", "generic")[9]).isEqualTo("7");
        assertThat(row(rows, "search", "generic")[10]).isEqualTo("override");
        assertThat(row(rows, "search", "")[10]).isEqualTo("computed");
        assertThat(row(rows, "(unseen)", "")[9]).isEqualTo("1");

        Files.writeString(yaml, "channels:\n  referral: 9\n  serach: 4\n");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01)))
                .hasMessage(yaml + ", line 3: key 'channels.serach': no channel 'serach' in the leads; did you mean 'search'?");
        Files.writeString(yaml, "channels:\n  search:\n    sub_channels:\n      brnad: 4\n");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01)))
                .hasMessage(yaml + ", line 4: key 'channels.search.sub_channels.brnad': channel 'search' has no sub-channel "
                        + "'brnad' in the leads; did you mean 'brand'?");
        Files.writeString(yaml, "channels:\n  search: 11\n");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01)))
                .hasMessage(yaml + ", line 2: key 'channels.search': must be a whole number from 0 to 10, got 11");
        Files.writeString(yaml, "channels:\n  search: 7.5\n");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01)))
                .hasMessage(yaml + ", line 2: key 'channels.search': must be a whole number from 0 to 10, got 7.5");
        Files.writeString(yaml, "chanels:\n  search: 7\n");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01)))
                .hasMessage(yaml + ", line 1: key 'chanels': unknown key; the only key is channels; did you mean 'channels'?");
        Files.writeString(yaml, "channels:\n  search: 7\n  search: 8\n");
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, out, Optional.empty(), Optional.of(yaml), 0.01)))
                .hasMessageStartingWith(yaml + ", line 3: ");
    }

    @Test
    void aBadAsOfNamesTheOption() {
        assertThatThrownBy(() -> request(dir.resolve("x.csv"), dir, Optional.of("soon"), Optional.empty(), 0.01))
                .hasMessage("--as-of: 'soon' is not a time; expected e.g. 2026-11-30T23:59:59+08:00, 2026-11-30 23:59:59 "
                        + "(in --timezone) or 2026-11-30 (its start)");
    }

    @Test
    void noLeadToCountIsAnError() throws IOException {
        Path leads = fixture();
        assertThatThrownBy(() -> ChannelsWorkflow.run(request(leads, dir.resolve("out"), Optional.of("2025-01-01"),
                Optional.empty(), 0.01))).hasMessage(leads + ": no lead to count: 1015 created after --as-of 2025-01-01, 0 "
                        + "without an outcome (converted empty)");
    }
}
