package dev.scorecard.crm.channels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * Turns counted leads into the channel table: the channels' Beta prior fitted by empirical Bayes
 * ({@link BetaBinomialFitter}), each channel's posterior Beta(α + k, β + n − k), its mean (the
 * shrunk rate) and equal-tailed credible interval; each sub-channel shrunk toward the rate of the
 * rest of its channel (the channel's posterior from its other leads, with that posterior's
 * uncertainty carried into the sub-channel's prior, so no lead counts twice), with one
 * concentration fitted across all sub-channels (a channel has too few sub-channels to fit its own);
 * scores from the mapping, then the experts' overrides; a thin sub-channel takes its
 * channel's final score. Stateless.
 */
final class ChannelScorer {
    private ChannelScorer() {
    }

    static ChannelScores score(LeadCounts counts, ChannelOptions options, ScoreOverrides overrides) {
        SortedMap<String, Tally> channels = counts.channels();
        int m = channels.size();
        long[] k = new long[m];
        long[] n = new long[m];
        int i = 0;
        for (Tally t : channels.values()) {
            k[i] = t.conversions();
            n[i] = t.leads();
            i++;
        }
        BetaPrior prior = BetaBinomialFitter.fit(k, n);
        List<ChannelRow> top = new ArrayList<>();
        double[] shrunk = new double[m];
        i = 0;
        for (Map.Entry<String, Tally> e : channels.entrySet()) {
            Beta post = prior.posterior(k[i], n[i]);
            top.add(row(e.getKey(), "", k[i], n[i], post, options));
            shrunk[i] = post.mean();
            i++;
        }
        double[] sorted = shrunk.clone();
        Arrays.sort(sorted);
        // Sub-channels: one concentration around each channel's shrunk rate.
        List<String[]> subNames = new ArrayList<>();
        List<Tally> subTallies = new ArrayList<>();
        counts.subChannels().forEach((c, subs) -> subs.forEach((s, t) -> {
            subNames.add(new String[] {c, s});
            subTallies.add(t);
        }));
        int s = subTallies.size();
        long[] sk = new long[s];
        long[] sn = new long[s];
        double[] means = new double[s];
        double[] variances = new double[s];
        for (int j = 0; j < s; j++) {
            sk[j] = subTallies.get(j).conversions();
            sn[j] = subTallies.get(j).leads();
            Tally channel = channels.get(subNames.get(j)[0]);
            Beta rest = prior.posterior(channel.conversions() - sk[j], channel.leads() - sn[j]);
            means[j] = rest.mean();
            variances[j] = rest.variance();
        }
        double subKappa = BetaBinomialFitter.fitConcentration(sk, sn, means, variances);

        List<ChannelRow> rows = new ArrayList<>();
        int j = 0;
        for (ChannelRow c : top) {
            OptionalInt own = overrides.channel(c.channel());
            int channelScore = own.orElse(options.mapping().score(c.shrunkRate(), sorted));
            ChannelRow scored = c.withScore(channelScore, own.isPresent() ? ScoreSource.OVERRIDE : ScoreSource.COMPUTED);
            rows.add(scored);
            while (j < s && subNames.get(j)[0].equals(c.channel())) {
                String sub = subNames.get(j)[1];
                double[] ab = BetaBinomialFitter.matched(means[j], variances[j], subKappa);
                ChannelRow r = row(c.channel(), sub, sk[j], sn[j], BetaPrior.of(ab[0], ab[1]).posterior(sk[j], sn[j]),
                        options);
                OptionalInt o = overrides.subChannel(c.channel(), sub);
                if (o.isPresent()) {
                    r = r.withScore(o.getAsInt(), ScoreSource.OVERRIDE);
                } else if (r.thin()) {
                    r = r.withScore(channelScore, ScoreSource.PARENT);
                } else {
                    r = r.withScore(options.mapping().score(r.shrunkRate(), sorted), ScoreSource.COMPUTED);
                }
                rows.add(r);
                j++;
            }
        }
        Beta unseen = prior.shape();
        double[] interval = unseen.interval(options.level());
        OptionalInt o = overrides.channel(ScoreOverrides.UNSEEN);
        rows.add(new ChannelRow(ScoreOverrides.UNSEEN, "", 0, 0, Double.NaN, unseen.mean(), interval[0], interval[1], true,
                o.orElse(options.mapping().score(unseen.mean(), sorted)), o.isPresent() ? ScoreSource.OVERRIDE
                        : ScoreSource.PRIOR));
        return new ChannelScores(rows, prior.mean(), prior.concentration(), subKappa, prior.pooled());
    }

    private static ChannelRow row(String channel, String sub, long k, long n, Beta post, ChannelOptions options) {
        double[] interval = post.interval(options.level());
        return new ChannelRow(channel, sub, n, k, (double) k / n, post.mean(), interval[0], interval[1],
                n < options.minLeads(), 0, ScoreSource.COMPUTED);
    }
}
