package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Gains against a naive implementation (rank every row by counting, group, count) on seeded random
 * inputs with many ties. Seeds are printed and named in every failure message.
 */
class GainsProperties {
    private static final long SEED = 20261127L;

    /** The gains table the slow way, straight from the documented rule. */
    static List<GainsTable.Group> naive(ScoreCases.Case c, int groups) {
        double[] s = c.scores();
        int n = s.length;
        int[] above = ScoreCases.rowsAbove(s);
        // Nominal group -> {rows, events, min, max}; a TreeMap keeps the groups in order and skips empty ones.
        TreeMap<Long, double[]> byGroup = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            long g = (long) groups * above[i] / n;
            double[] acc = byGroup.computeIfAbsent(g, k -> new double[] {0, 0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY});
            acc[0]++;
            acc[1] += c.target().event(i);
            acc[2] = Math.min(acc[2], s[i] + 0.0);
            acc[3] = Math.max(acc[3], s[i] + 0.0);
        }
        double overall = (double) c.target().eventCount() / n;
        List<GainsTable.Group> out = new ArrayList<>();
        int cumRows = 0;
        int cumEvents = 0;
        int number = 1;
        for (double[] acc : byGroup.values()) {
            int rows = (int) acc[0];
            int events = (int) acc[1];
            cumRows += rows;
            cumEvents += events;
            double rate = (double) events / rows;
            out.add(new GainsTable.Group(number++, rows, events, rate, cumRows, cumEvents,
                    (double) cumEvents / c.target().eventCount(), rate / overall,
                    ((double) cumEvents / cumRows) / overall, acc[2], acc[3]));
        }
        return out;
    }

    @Test
    void equalsTheNaiveTable() {
        System.out.println("GainsProperties.equalsTheNaiveTable seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int k = 0; k < 400; k++) {
            ScoreCases.Case c = ScoreCases.scores(rnd, k < 200 ? 25 : 600, false);
            if (c.target().eventCount() == 0) {
                continue;
            }
            int groups = k % 4 == 0 ? 1 + rnd.nextInt(30) : 10;
            String where = "seed " + SEED + ", case " + k + ", groups " + groups;
            GainsTable g = Gains.byGroups(c.scores(), c.target(), groups);
            assertThat(g.groups()).as(where).isEqualTo(naive(c, groups));
        }
    }

    @Test
    void lastGainIsOneAndTiesAreNeverSplit() {
        System.out.println("GainsProperties.lastGainIsOneAndTiesAreNeverSplit seed " + (SEED + 1));
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int k = 0; k < 300; k++) {
            ScoreCases.Case c = ScoreCases.scores(rnd, 3000, true);
            String where = "seed " + (SEED + 1) + ", case " + k;
            List<GainsTable.Group> g = Gains.byDecile(c.scores(), c.target()).groups();
            GainsTable.Group last = g.get(g.size() - 1);
            assertThat(last.gain()).as(where).isEqualTo(1.0);
            assertThat(last.cumLift()).as(where).isEqualTo(1.0);
            assertThat(last.cumRows()).as(where).isEqualTo(c.scores().length);
            assertThat(g.size()).as(where).isBetween(1, 10);
            for (int i = 1; i < g.size(); i++) {
                assertThat(g.get(i).maxScore()).as(where + ", group " + (i + 1)).isLessThan(g.get(i - 1).minScore());
                assertThat(g.get(i).gain()).as(where).isGreaterThanOrEqualTo(g.get(i - 1).gain());
            }
        }
    }
}
