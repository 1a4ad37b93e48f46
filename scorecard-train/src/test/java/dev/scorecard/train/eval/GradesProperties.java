package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The grade table against counting by filtering, on seeded random grades. Seeds are printed and
 * named in every failure message.
 */
class GradesProperties {
    private static final long SEED = 20261128L;

    @Test
    void equalsCountingRowByRowForEachGradeAndAbove() {
        System.out.println("GradesProperties.equalsCountingRowByRowForEachGradeAndAbove seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<String> names = List.of("A", "B", "C", "D", "E", "F");
        for (int k = 0; k < 200; k++) {
            int n = 1 + rnd.nextInt(300);
            int used = 1 + rnd.nextInt(names.size());
            String[] grades = new String[n];
            byte[] y = new byte[n];
            for (int i = 0; i < n; i++) {
                int g = rnd.nextInt(used);
                grades[i] = names.get(g);
                // Better grades (lower index) hold more events.
                y[i] = (byte) (rnd.nextInt(names.size() + 1) > g ? 1 : 0);
            }
            y[0] = 1;
            BinaryTarget t = BinaryTarget.of("y", "1", y);
            String where = "seed " + SEED + ", case " + k;
            GradePerformance p = Grades.performance(grades, names, t);
            assertThat(p.rows()).as(where).hasSize(names.size());
            for (int g = 0; g < names.size(); g++) {
                int count = 0;
                int events = 0;
                int cumCount = 0;
                int cumEvents = 0;
                for (int i = 0; i < n; i++) {
                    int rank = names.indexOf(grades[i]);
                    if (rank == g) {
                        count++;
                        events += y[i];
                    }
                    if (rank <= g) {
                        cumCount++;
                        cumEvents += y[i];
                    }
                }
                GradePerformance.Row row = p.rows().get(g);
                String at = where + ", grade " + names.get(g);
                assertThat(row.grade()).as(at).isEqualTo(names.get(g));
                assertThat(row.count()).as(at).isEqualTo(count);
                assertThat(row.events()).as(at).isEqualTo(events);
                assertThat(row.eventRate()).as(at).isEqualTo(count == 0 ? 0 : (double) events / count);
                assertThat(row.cumCount()).as(at).isEqualTo(cumCount);
                assertThat(row.cumEvents()).as(at).isEqualTo(cumEvents);
                assertThat(row.cumPrecision()).as(at).isEqualTo(cumCount == 0 ? 0 : (double) cumEvents / cumCount);
                assertThat(row.cumRecall()).as(at).isEqualTo((double) cumEvents / t.eventCount());
            }
            assertThat(p.rows().get(names.size() - 1).cumRecall()).as(where).isEqualTo(1.0);
        }
    }
}
