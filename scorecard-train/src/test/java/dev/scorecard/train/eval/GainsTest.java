package dev.scorecard.train.eval;

import static dev.scorecard.train.eval.CurvesTest.y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gains and lift on cases small enough to compute by hand, the tie rule, and the errors. */
class GainsTest {
    @Test
    void handComputedWithATieAcrossAGroupBoundary() {
        double[] s = {80, 30, 90, 60, 80, 40, 50, 80};
        BinaryTarget t = y(1, 0, 1, 0, 0, 0, 1, 1);
        GainsTable g = Gains.byGroups(s, t, 4);
        // 8 rows, 4 events, overall rate 1/2. Rows strictly above: 90 -> 0, each 80 -> 1, 60 -> 4,
        // 50 -> 5, 40 -> 6, 30 -> 7; group floor(4 r / 8): 0, 0, 2, 2, 3, 3. The three 80s start in group
        // 0 and stay there; nominal group 1 is left empty and dropped.
        // Group 1: 90 (e), 80 (e, n, e): 4 rows, 3 events, rate 3/4, gain 3/4, lift 1.5, cum lift 1.5.
        // Group 2: 60 (n), 50 (e): 2 rows, 1 event, rate 1/2, lift 1; cum 4 of 6, gain 1, cum lift 4/3.
        // Group 3: 40 (n), 30 (n): 2 rows, 0 events, lift 0; cum 4 of 8, gain 1, cum lift 1.
        assertThat(g.groups()).containsExactly(
                new GainsTable.Group(1, 4, 3, 0.75, 4, 3, 0.75, 1.5, 1.5, 80, 90),
                new GainsTable.Group(2, 2, 1, 0.5, 6, 4, 1, 1, (4.0 / 6) / 0.5, 50, 60),
                new GainsTable.Group(3, 2, 0, 0, 8, 4, 1, 0, 1, 30, 40));
        assertThat(g.rows()).isEqualTo(8);
        assertThat(g.events()).isEqualTo(4);
        assertThat(g.eventRate()).isEqualTo(0.5);
    }

    @Test
    void decilesWithoutTiesHaveSizesDifferingByOne() {
        // 12 distinct scores: group floor(10 r / 12) for r = 0..11 is 0 0 1 2 3 4 5 5 6 7 8 9, so groups 1
        // and 6 take two rows and the others one.
        double[] s = new double[12];
        byte[] b = new byte[12];
        for (int i = 0; i < 12; i++) {
            s[i] = i;
            b[i] = (byte) (i % 3 == 0 ? 1 : 0);
        }
        GainsTable g = Gains.byDecile(s, BinaryTarget.of("y", "1", b));
        assertThat(g.groups()).extracting(GainsTable.Group::rows).containsExactly(2, 1, 1, 1, 1, 2, 1, 1, 1, 1);
        assertThat(g.groups().get(0).maxScore()).isEqualTo(11);
        assertThat(g.groups().get(0).minScore()).isEqualTo(10);
        assertThat(g.groups().get(9).maxScore()).isZero();
    }

    @Test
    void oneScoreForAllIsOneGroup() {
        GainsTable g = Gains.byDecile(new double[] {5, 5, 5, 5}, y(1, 0, 0, 0));
        assertThat(g.groups()).containsExactly(new GainsTable.Group(1, 4, 1, 0.25, 4, 1, 1, 1, 1, 5, 5));
    }

    @Test
    void allEventsIsDefined() {
        // Every group's rate equals the overall rate: lift 1 everywhere.
        GainsTable g = Gains.byGroups(new double[] {3, 2, 1}, y(1, 1, 1), 3);
        assertThat(g.groups()).extracting(GainsTable.Group::lift).containsExactly(1.0, 1.0, 1.0);
        assertThat(g.groups()).extracting(GainsTable.Group::gain).containsExactly(1.0 / 3, 2.0 / 3, 1.0);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> Gains.byDecile(new double[] {1, 2, 3}, y(0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gains needs at least one event, but target 'y' has 0 events in 3 rows");
        assertThatThrownBy(() -> Gains.byDecile(new double[0], y()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gains needs at least one event, but target 'y' has 0 events in 0 rows");
        assertThatThrownBy(() -> Gains.byDecile(new double[] {1, 2}, y(1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gains: 2 scores for 3 rows of target 'y'");
        assertThatThrownBy(() -> Gains.byDecile(new double[] {1, Double.NaN, 3}, y(1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gains: scores[1] is NaN; every row needs a score");
        assertThatThrownBy(() -> Gains.byGroups(new double[] {1}, y(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gains: groups must be at least 1, got 0");
    }

    @Test
    void recordsCheckTheirValues() {
        assertThatThrownBy(() -> new GainsTable(List.of(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a gains table needs at least one group");
        GainsTable.Group ok = new GainsTable.Group(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0);
        assertThatThrownBy(() -> new GainsTable(List.of(ok), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a gains table needs 1 <= events <= rows, got 0 events in 1 rows");
        assertThatThrownBy(() -> new GainsTable.Group(1, 1, 2, 1, 1, 2, 1, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gains group 1: inconsistent counts: 2 events in 1 rows, 2 in 1 cumulative");
        assertThatThrownBy(() -> new GainsTable.Group(1, 1, 1, 1, 1, 1, 1.5, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gains group 1: rates out of range: event rate 1.0, gain 1.5, lift 1.0, cumulative lift 1.0");
        assertThatThrownBy(() -> new GainsTable.Group(1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gains group 1: minScore 2.0 is not at most maxScore 0.0");
    }
}
