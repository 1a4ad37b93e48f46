package dev.scorecard.crm.synth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What every lead of a run shares, drawn once before the leads and then only read (so the worker
 * threads share it): the calendar, each lead's creation time and channel, the channels' intent
 * means and the sub-channels' offsets.
 */
final class World {
    static final long SALT_CREATED = 1;
    static final long SALT_CHANNELS = 2;
    static final long SALT_SUB_CHANNELS = 3;
    static final long SALT_LEAD = 4;
    static final long SALT_EXTRAS = 5;

    final CrmGeneratorOptions options;
    final Calendar calendar;
    final int leads;
    /** Lead ids are {@code L} and this many digits: the width of the number of leads. */
    final int idWidth;
    /** Seconds from the start, increasing with the lead's index. */
    final int[] created;
    final byte[] channelOf;
    final int[] channelCounts;
    final double[] channelMean;
    final int[] subFirst;
    final double[] subOffset;
    final double[][] subCumulative;
    final byte[][] channelBytes;
    final byte[][] subBytes;
    final String[] subNames;
    final int[] subChannelOf;

    World(CrmGeneratorOptions options) {
        this.options = options;
        this.calendar = new Calendar(options.start(), options.end());
        this.leads = options.leads();
        this.idWidth = Integer.toString(leads).length();
        List<Catalogue.Channel> channels = Catalogue.CHANNELS;
        int subs = Catalogue.subChannelCount();
        channelBytes = new byte[channels.size()][];
        channelMean = new double[channels.size()];
        subFirst = new int[channels.size() + 1];
        subCumulative = new double[channels.size()][];
        subBytes = new byte[subs][];
        subNames = new String[subs];
        subChannelOf = new int[subs];
        int s = 0;
        for (int c = 0; c < channels.size(); c++) {
            Catalogue.Channel ch = channels.get(c);
            channelBytes[c] = ch.name().getBytes(StandardCharsets.US_ASCII);
            channelMean[c] = intentMean(ch.targetRate());
            subFirst[c] = s;
            subCumulative[c] = Catalogue.cumulative(Arrays.copyOf(Catalogue.SUB_WEIGHTS, ch.subChannels().size()));
            for (String sub : ch.subChannels()) {
                subNames[s] = sub;
                subBytes[s] = sub.getBytes(StandardCharsets.US_ASCII);
                subChannelOf[s] = c;
                s++;
            }
        }
        subFirst[channels.size()] = s;
        subOffset = new double[subs];
        SplittableRandom r = Draws.stream(options.seed(), SALT_SUB_CHANNELS, 0);
        for (int i = 0; i < subs; i++) {
            subOffset[i] = Parameters.SUB_CHANNEL_SIGMA * Draws.gaussian(r);
        }
        created = creationTimes();
        channelCounts = channelCounts(leads);
        channelOf = assignChannels();
    }

    int channels() {
        return channelMean.length;
    }

    int subChannels() {
        return subOffset.length;
    }

    /**
     * Solves {@code E[sigmoid(μ + σε)] = rate} for μ by bisection, with ε standard normal integrated on
     * a grid: the channel's intent mean that gives it its target rate before the attributes, the
     * engagement and the negative events move each lead.
     */
    static double intentMean(double rate) {
        double lo = -15;
        double hi = 5;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            if (meanProbability(mid) < rate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double meanProbability(double mu) {
        double sum = 0;
        double weights = 0;
        for (int k = -60; k <= 60; k++) {
            double x = k / 10.0;
            double w = StrictMath.exp(-x * x / 2);
            sum += w * Draws.sigmoid(mu + Parameters.INTENT_SIGMA * x);
            weights += w;
        }
        return sum / weights;
    }

    /**
     * Leads arrive more and more often (linear growth), less at the weekend and by the hour table of
     * {@link Profile#LEADS}; sorted, so that lead ids follow creation.
     */
    private int[] creationTimes() {
        SplittableRandom r = Draws.stream(options.seed(), SALT_CREATED, 0);
        int days = calendar.days;
        double g = Parameters.LEAD_GROWTH;
        int[] t = new int[leads];
        for (int i = 0; i < leads; i++) {
            int day = 0;
            for (int attempt = 0; attempt < 8; attempt++) {
                double x = (StrictMath.sqrt(1 + g * (2 + g) * r.nextDouble()) - 1) / g;
                day = Math.min(days - 1, (int) (x * days));
                if (Profile.LEADS.accepts(calendar.weekday((long) day * Calendar.DAY), r)) {
                    break;
                }
            }
            t[i] = day * Calendar.DAY + Profile.LEADS.secondOfDay(r);
        }
        Arrays.sort(t);
        return t;
    }

    /**
     * @return each channel's leads: its share of {@code n}, at least {@link Catalogue#MIN_CHANNEL_LEADS},
     *     the remainder given by largest fraction and any excess taken from the largest channels
     */
    static int[] channelCounts(int n) {
        List<Catalogue.Channel> channels = Catalogue.CHANNELS;
        double total = 0;
        for (Catalogue.Channel c : channels) {
            total += c.perMillion();
        }
        int[] count = new int[channels.size()];
        double[] fraction = new double[channels.size()];
        long sum = 0;
        for (int i = 0; i < count.length; i++) {
            double exact = n * channels.get(i).perMillion() / total;
            count[i] = Math.max(Catalogue.MIN_CHANNEL_LEADS, (int) exact);
            fraction[i] = count[i] > exact ? -1 : exact - (int) exact;
            sum += count[i];
        }
        while (sum < n) {
            int best = 0;
            for (int i = 1; i < count.length; i++) {
                if (fraction[i] > fraction[best]) {
                    best = i;
                }
            }
            count[best]++;
            fraction[best] = -1;
            sum++;
            if (fraction[best] == -1 && Arrays.stream(fraction).allMatch(f -> f == -1)) {
                Arrays.fill(fraction, 0); // every channel got one: start a new round, largest first
            }
        }
        while (sum > n) {
            int largest = 0;
            for (int i = 1; i < count.length; i++) {
                if (count[i] > count[largest]) {
                    largest = i;
                }
            }
            count[largest]--;
            sum--;
        }
        return count;
    }

    /** Each channel's count of leads, in a random order of the leads (so channels do not follow time). */
    private byte[] assignChannels() {
        byte[] of = new byte[leads];
        int at = 0;
        for (int c = 0; c < channelCounts.length; c++) {
            Arrays.fill(of, at, at + channelCounts[c], (byte) c);
            at += channelCounts[c];
        }
        SplittableRandom r = Draws.stream(options.seed(), SALT_CHANNELS, 0);
        for (int i = leads - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            byte b = of[i];
            of[i] = of[j];
            of[j] = b;
        }
        return of;
    }
}
