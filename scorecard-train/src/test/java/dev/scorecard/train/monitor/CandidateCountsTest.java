package dev.scorecard.train.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.DriftThresholds;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Ten current rows counted into three candidate baselines by hand, and their CSI against a hand
 * calculation: CSI = Σ (a − e) · ln(a / e) over the bins that got rows (python3 {@code math.log},
 * shortest repr; 1e-15 covers the different order of the same additions).
 */
class CandidateCountsTest {
    private static final double NAN = Double.NaN;
    /** age: [−∞, 30), [30, 50), [50, ∞), the special −1, and its own missing bin. */
    private static final Baseline.Candidate AGE = new Baseline.Candidate("age", VariableType.NUMERIC, List.of(30.0, 50.0),
            List.of(), -1, List.of(List.of(-1.0)), 4, List.of("[-inf, 30)", "[30, 50)", "[50, inf)", "Special: -1", "Missing"),
            List.of(0.3, 0.4, 0.2, 0.05, 0.05));
    /** region: east and west share the else bin; training saw no missing value. */
    private static final Baseline.Candidate REGION = new Baseline.Candidate("region", VariableType.CATEGORICAL, List.of(),
            List.of(List.of("north"), List.of("south"), List.of("east", "west")), 2, List.of(), -1,
            List.of("north", "south", "east | west | else"), List.of(0.5, 0.3, 0.2));
    /** flag: missing values were merged into the y bin; no else bin. */
    private static final Baseline.Candidate FLAG = new Baseline.Candidate("flag", VariableType.CATEGORICAL, List.of(),
            List.of(List.of("y"), List.of("n")), -1, List.of(), 0, List.of("y, Missing", "n"), List.of(0.4, 0.6));
    private static final Baseline.Candidate INCOME = new Baseline.Candidate("income", VariableType.NUMERIC, List.of(1000.0),
            List.of(), -1, List.of(), -1, List.of("[-inf, 1000)", "[1000, inf)"), List.of(0.5, 0.5));

    private static final double[] AGES = {25, 30, 49.9, 50, 70, -1, NAN, NAN, 29.999, -1};
    private static final String[] BAD_AGES = {null, null, null, null, null, null, null, "abc", null, null};
    private static final String[] REGIONS = {"north", "north", "south", "south", "south", "east", "mars", "mars", "", null};
    private static final String[] FLAGS = {"y", "n", "n", "n", null, "maybe", "y", "n", "maybe", null};

    private static NonModelDrift counted() {
        CandidateCounts counts = new CandidateCounts(List.of(AGE, REGION, FLAG, INCOME),
                new boolean[] {true, true, true, false}, List.of("", "NA"));
        for (int row = 0; row < AGES.length; row++) {
            counts.add(new double[] {AGES[row], NAN, NAN, NAN}, new String[] {BAD_AGES[row], null, null, null},
                    new String[] {null, REGIONS[row], FLAGS[row], null});
        }
        assertThat(counts.rows()).isEqualTo(10);
        return counts.drift(DriftThresholds.defaults());
    }

    @Test
    void csiOfHandCountedRowsMatchesTheHandCalculation() {
        NonModelDrift d = counted();
        // By CSI from the highest; income has no column in the current file.
        assertThat(d.variables()).extracting(CandidateDrift::name).containsExactly("age", "region", "flag");
        assertThat(d.absent()).containsExactly("income");
        assertThat(d.worstLevel()).isEqualTo(DriftLevel.ALERT);

        // age: 25, 29.999 → bin 0; 30, 49.9 → 1; 50, 70 → 2; −1, −1 → 3; NaN → 4; "abc" is not a number.
        // 9 binned: a = 2/9, 2/9, 2/9, 2/9, 1/9 against e = 0.3, 0.4, 0.2, 0.05, 0.05 → 0.4358720304017142.
        CandidateDrift age = d.variables().get(0);
        assertThat(age.csi().bins()).extracting(b -> b.actualShare())
                .containsExactly(2 / 9.0, 2 / 9.0, 2 / 9.0, 2 / 9.0, 1 / 9.0);
        assertThat(age.csi().value()).isCloseTo(0.4358720304017142, Offset.offset(1e-15));
        assertThat(age.level()).isEqualTo(DriftLevel.ALERT);
        assertThat(age.notNumbers()).isEqualTo(1);
        assertThat(age.missingShare()).isEqualTo(0.1); // one NaN is missing; the other is "abc", counted apart
        assertThat(age.baselineMissingShare()).isEqualTo(0.05);

        // region: north 2, south 3, else 3 (east, mars, mars); "" and null are missing with no bin.
        // a = 2/8, 3/8, 3/8 against 0.5, 0.3, 0.2 → 0.3000290768874675.
        CandidateDrift region = d.variables().get(1);
        assertThat(region.csi().value()).isCloseTo(0.3000290768874675, Offset.offset(1e-15));
        assertThat(region.missingShare()).isEqualTo(0.2);
        assertThat(region.unseen()).isZero();
        assertThat(region.baselineMissingShare()).isZero();

        // flag: y 2 + missing 2 → bin 0, n 4 → bin 1; "maybe" twice has no bin.
        // a = 0.5, 0.5 against 0.4, 0.6 → 0.04054651081081643.
        CandidateDrift flag = d.variables().get(2);
        assertThat(flag.csi().value()).isCloseTo(0.04054651081081643, Offset.offset(1e-15));
        assertThat(flag.level()).isEqualTo(DriftLevel.STABLE);
        assertThat(flag.unseen()).isEqualTo(2);
        assertThat(flag.baselineMissingShare()).isNaN(); // merged into y: the file no longer tells them apart
    }

    @Test
    void theSameRowsAsTrainingGiveZero() {
        CandidateCounts counts = new CandidateCounts(List.of(REGION), new boolean[] {true}, List.of());
        String[] rows = {"north", "north", "north", "north", "north", "south", "south", "south", "west", "east"};
        for (String level : rows) {
            counts.add(new double[] {NAN}, new String[] {null}, new String[] {level});
        }
        assertThat(counts.drift(DriftThresholds.defaults()).variables().get(0).csi().value()).isZero();
    }

    @Test
    void withoutTheByColumnAndWithoutRows() {
        assertThat(counted().without("region").variables()).extracting(CandidateDrift::name).containsExactly("age", "flag");
        CandidateCounts none = new CandidateCounts(List.of(REGION), new boolean[] {true}, List.of());
        assertThatThrownBy(() -> none.drift(DriftThresholds.defaults())).isInstanceOf(IllegalStateException.class)
                .hasMessage("non-model drift needs at least one counted row");
    }
}
