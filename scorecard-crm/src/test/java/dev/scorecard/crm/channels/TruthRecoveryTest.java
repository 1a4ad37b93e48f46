package dev.scorecard.crm.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shrinkage recovers the generator's own truth: {@code scorecard channels} on the {@code
 * leads.csv} of {@value #SEEDS} generated datasets (seeds 1 to {@value #SEEDS}, {@value #LEADS}
 * leads each, one event line per lead, since events do not move conversion; about half a second a
 * seed), every channel and sub-channel compared with {@code true_rate} in {@code truth/channels.csv}.
 *
 * <p>{@code true_rate} is the mean {@code conversion_probability} of the leads generated in the
 * (sub-)channel, the rate a channel estimate is after; {@code realised_rate} is the share that did
 * convert, which is the raw rate itself (checked below), so it cannot referee raw against shrunk.
 * The conversions of a channel are a sum of Bernoulli draws with unequal probabilities around
 * {@code true_rate}: a little less spread than the binomial the beta-binomial model takes, which
 * makes its intervals, if anything, conservative. What the model gets wrong is the prior: the 34
 * channels' rates are a fixed catalogue (0.005 to 0.25, the best ones among the smallest channels),
 * not draws from a Beta.
 *
 * <p>The errors are unweighted, one term per channel: a channel's score is one row of the table
 * whatever its size, and the shrinkage is for the small channels; weighted by leads the big
 * channels, where raw and shrunk agree to a few parts in a thousand, swamp the sum. The weighted
 * figures are printed beside. The sums are over all seeds: with ten channels of 20 leads or fewer
 * one seed is too noisy to decide (the shrunk error is the larger on seeds 1 and 3).
 */
class TruthRecoveryTest {
    static final int SEEDS = 10;
    static final int LEADS = 20_000;

    @TempDir
    static Path dir;

    static final Errors channels = new Errors();
    static final Errors subChannels = new Errors();
    /** Sub-channels that are their channel's only one: {sub-channel interval width, channel interval width}. */
    static final Map<String, double[]> soleWidths = new HashMap<>();

    @BeforeAll
    static void measure() throws IOException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Path data = dir.resolve("crm-" + seed);
            new CrmGenerator(CrmGeneratorOptions.of(LEADS).withEvents(LEADS).withSeed(seed).withThreads(2))
                    .generate(data, (p, d, t) -> { });
            ChannelScores scores = ChannelsWorkflow.run(new ChannelsWorkflow.Request(data.resolve("leads.csv"),
                    data.resolve("channels"), InputFormat.DEFAULT, Optional.empty(), Optional.empty(),
                    ChannelOptions.defaults(), Optional.empty(), 0.01)).scores();
            Map<String, String[]> truth = new HashMap<>();
            List<String> lines = Files.readAllLines(data.resolve("truth/channels.csv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                truth.put(f[0] + "/" + f[1], f);
            }
            Map<String, ChannelRow> channelRows = new HashMap<>();
            for (ChannelRow r : scores.rows()) {
                if (r.channel().equals(ChannelScores.UNSEEN)) {
                    continue;
                }
                if (r.subChannel().isEmpty()) {
                    channelRows.put(r.channel(), r);
                }
                String[] t = truth.get(r.channel() + "/" + r.subChannel());
                String where = "seed " + seed + " " + r;
                assertThat(t).as(where).isNotNull();
                // The same leads and conversions: the raw rate is the realised rate.
                assertThat(Long.parseLong(t[2])).as(where).isEqualTo(r.leads());
                assertThat(Long.parseLong(t[3])).as(where).isEqualTo(r.conversions());
                (r.subChannel().isEmpty() ? channels : subChannels).add(r, Double.parseDouble(t[4]));
            }
            for (ChannelRow r : scores.rows()) {
                ChannelRow parent = channelRows.get(r.channel());
                if (!r.subChannel().isEmpty() && parent.leads() == r.leads()) {
                    soleWidths.put(seed + " " + r.channel(), new double[] {r.upper() - r.lower(),
                            parent.upper() - parent.lower()});
                }
            }
        }
        System.out.println("TruthRecoveryTest, " + SEEDS + " seeds of " + LEADS + " leads: channels " + channels
                + "; sub-channels " + subChannels);
    }

    @Test
    void shrunkRatesAreCloserToTheTrueRatesAndChannelIntervalsCoverAtAboutTheirLevel() {
        assertThat(channels.shrunk).as("channels " + channels).isLessThan(channels.raw);
        assertThat(subChannels.shrunk).as("sub-channels " + subChannels).isLessThan(subChannels.raw);
        // Nominal 0.90 over 340 intervals (sd of the share about 0.016 if they were independent; they
        // are not, each seed's ten tiny channels share one fitted prior). Measured 0.874: the prior's
        // misfit on the tiny channels with extreme rates (alumni_network at 0.25, test_channel near
        // 0.001) costs a few points. The band is the simulation's (RecoveryTest).
        assertThat(channels.coverage()).as("channels " + channels).isBetween(0.80, 0.97);
    }

    /**
     * A sub-channel's prior is centred on the rest of its channel, with that rate's uncertainty
     * carried in, so a channel's only sub-channel (the same leads) gets the channel's interval, not
     * one several times narrower (as when the channel's rate, which holds the sub-channel's own leads,
     * was taken as known: coverage 0.50, median width ratio 0.21).
     */
    @Test
    void subChannelIntervalsCoverAtAboutTheirLevel() {
        assertThat(subChannels.coverage()).as("sub-channels " + subChannels).isBetween(0.80, 0.97);
        assertThat(soleWidths).isNotEmpty();
        double[] ratios = soleWidths.values().stream().mapToDouble(w -> w[0] / w[1]).sorted().toArray();
        assertThat(ratios[ratios.length / 2]).as("median width ratio of %d sole sub-channels", ratios.length)
                .isBetween(0.8, 1.25);
    }

    /** Sums of squared errors against the true rate, raw and shrunk, unweighted and by leads, and the intervals' hits. */
    static final class Errors {
        int count;
        int covered;
        double raw;
        double shrunk;
        double leads;
        double rawByLeads;
        double shrunkByLeads;

        void add(ChannelRow r, double truth) {
            count++;
            double rawError = sq(r.rawRate() - truth);
            double shrunkError = sq(r.shrunkRate() - truth);
            raw += rawError;
            shrunk += shrunkError;
            leads += r.leads();
            rawByLeads += r.leads() * rawError;
            shrunkByLeads += r.leads() * shrunkError;
            if (r.lower() <= truth && truth <= r.upper()) {
                covered++;
            }
        }

        double coverage() {
            return covered / (double) count;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d rows, MSE raw %.3g shrunk %.3g (by leads raw %.3g shrunk %.3g),"
                    + " 90 %% coverage %d/%d = %.3f", count, raw / count, shrunk / count, rawByLeads / leads,
                    shrunkByLeads / leads, covered, count, coverage());
        }

        private static double sq(double x) {
            return x * x;
        }
    }
}
