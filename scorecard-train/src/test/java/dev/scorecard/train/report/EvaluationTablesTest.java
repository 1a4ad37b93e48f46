package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.eval.CutoffTable;
import dev.scorecard.train.eval.Evaluation;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV tables of an evaluation: headers, one row per group, bin or characteristic, RFC 4180 quoting. */
class EvaluationTablesTest {
    private static final GermanCreditFixture F = GermanCreditFixture.get();
    private static final List<Evaluation> BOTH = List.of(F.trainEvaluation, F.testEvaluation);
    private static final List<Evaluation> ONE = List.of(F.testEvaluation);

    interface Table {
        void write(List<Evaluation> evaluations, StringWriter out) throws IOException;
    }

    static List<List<String>> csv(List<Evaluation> evaluations, Table table) throws IOException {
        StringWriter out = new StringWriter();
        table.write(evaluations, out);
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(out.toString())) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        return rows;
    }

    @Test
    void gradesHaveOneRowPerGradeSummingToTheRows() throws IOException {
        List<List<String>> rows = csv(BOTH, EvaluationTables::writeGrades);

        assertThat(rows.get(0)).containsExactly("evaluation", "grade", "count", "events", "event_rate", "cum_count",
                "cum_events", "cum_precision", "cum_recall");
        int grades = F.model.grades().grades().size();
        assertThat(rows).hasSize(1 + 2 * grades);
        for (Evaluation e : BOTH) {
            List<List<String>> mine = rows.stream().skip(1).filter(r -> r.get(0).equals(e.name())).toList();
            assertThat(mine).hasSize(grades);
            assertThat(mine).extracting(r -> r.get(1))
                    .containsExactlyElementsOf(F.model.grades().grades().stream().map(g -> g.name()).toList());
            assertThat(mine.stream().mapToInt(r -> Integer.parseInt(r.get(2))).sum()).isEqualTo(e.rows());
            assertThat(mine.stream().mapToInt(r -> Integer.parseInt(r.get(3))).sum()).isEqualTo(e.events());
            assertThat(Double.parseDouble(mine.get(grades - 1).get(8))).isEqualTo(1.0); // all events by the last grade
        }
        // the groups come in evaluation order
        assertThat(rows.get(1).get(0)).isEqualTo("train");
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("test");
    }

    @Test
    void oneEvaluationLeavesTheEvaluationColumnOut() throws IOException {
        List<List<String>> rows = csv(ONE, EvaluationTables::writeGrades);

        assertThat(rows.get(0)).containsExactlyElementsOf(EvaluationTables.GRADES_HEADER);
        assertThat(rows).hasSize(1 + F.model.grades().grades().size());
    }

    @Test
    void gainsHaveOneRowPerDecileWithRealScores() throws IOException {
        List<List<String>> rows = csv(ONE, (e, w) -> EvaluationTables.writeGains(e, ScoreDirection.NON_EVENT, w));

        assertThat(rows.get(0)).containsExactlyElementsOf(EvaluationTables.GAINS_HEADER);
        assertThat(rows).hasSize(1 + F.testEvaluation.gains().groups().size());
        assertThat(rows.stream().skip(1).mapToInt(r -> Integer.parseInt(r.get(1))).sum())
                .isEqualTo(F.testEvaluation.rows());
        assertThat(rows.get(rows.size() - 1).get(6)).isEqualTo("1"); // gain of the last group
        // the riskiest decile of a credit model holds the lowest scores
        assertThat(Double.parseDouble(rows.get(1).get(10))).isLessThan(Double.parseDouble(rows.get(2).get(9)) + 1e-9);
    }

    @Test
    void cutoffsHaveOneRowPerBandHighestScoresFirstFormattedAsGains() throws IOException {
        List<List<String>> rows = csv(BOTH, EvaluationTables::writeCutoffs);

        assertThat(rows.get(0)).containsExactly("evaluation", "band", "min_score", "max_score", "rows", "events",
                "non_events", "event_rate", "share", "cum_rows", "cum_share", "cum_events", "cum_event_rate",
                "events_captured", "non_events_captured", "ks");
        for (Evaluation e : BOTH) {
            List<List<String>> mine = rows.stream().skip(1).filter(r -> r.get(0).equals(e.name())).toList();
            List<CutoffTable.Band> bands = e.cutoffs().bands();
            assertThat(mine).hasSize(bands.size());
            for (int i = 0; i < mine.size(); i++) {
                CutoffTable.Band b = bands.get(i);
                List<String> r = mine.get(i);
                assertThat(r.subList(1, r.size())).containsExactly(Integer.toString(b.band()),
                        DoubleFormat.format(b.minScore()), DoubleFormat.format(b.maxScore()), Integer.toString(b.rows()),
                        Integer.toString(b.events()), Integer.toString(b.rows() - b.events()),
                        DoubleFormat.format(b.eventRate()), DoubleFormat.format(b.share()), Integer.toString(b.cumRows()),
                        DoubleFormat.format(b.cumShare()), Integer.toString(b.cumEvents()),
                        DoubleFormat.format(b.cumEventRate()), DoubleFormat.format(b.eventsCaptured()),
                        DoubleFormat.format(b.nonEventsCaptured()), DoubleFormat.format(b.ks()));
                if (i > 0) { // the model's own scores, highest first, for this credit model as for any
                    assertThat(b.maxScore()).isLessThan(bands.get(i - 1).minScore());
                }
            }
            assertThat(mine.get(mine.size() - 1).get(10)).isEqualTo("1"); // cum_share: every row at the lowest cut-off
            assertThat(Integer.parseInt(mine.get(mine.size() - 1).get(9))).isEqualTo(e.rows());
        }
    }

    @Test
    void calibrationStabilityAndScorePsiTables() throws IOException {
        List<List<String>> calibration = csv(BOTH, EvaluationTables::writeCalibration);
        assertThat(calibration.get(0)).containsExactly("evaluation", "group", "count", "events", "mean_predicted",
                "observed_rate", "min_predicted", "max_predicted");
        assertThat(calibration).hasSize(1 + F.trainEvaluation.calibration().groups().size()
                + F.testEvaluation.calibration().groups().size());

        List<List<String>> stability = csv(BOTH, EvaluationTables::writeStability);
        assertThat(stability.get(0)).containsExactly("evaluation", "characteristic", "csi", "level",
                "baseline_missing_share", "missing_share", "unseen", "max_woe_shift");
        assertThat(stability).hasSize(1 + 2 * F.model.characteristics().size());
        assertThat(stability.get(1).get(1)).isEqualTo(F.model.characteristics().get(0).name());
        assertThat(stability.get(1).get(3)).isIn("stable", "warn", "alert");

        List<List<String>> psi = csv(ONE, (e, w) -> EvaluationTables.writeScorePsi(e, F.model.baseline(), w));
        assertThat(psi.get(0)).containsExactly("bin", "lower", "upper", "expected_share", "actual_share", "contribution");
        int bins = F.model.baseline().scoreShares().size();
        assertThat(psi).hasSize(1 + bins);
        assertThat(psi.get(1).get(1)).isEmpty(); // open below
        assertThat(psi.get(bins).get(2)).isEmpty(); // open above
        assertThat(psi.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.get(5))).sum())
                .isCloseTo(F.testEvaluation.stability().scorePsi().value(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void fieldsAreQuotedPerRfc4180() throws IOException {
        Evaluation odd = F.evaluate("test, \"Q4\"", F.test);
        StringWriter out = new StringWriter();

        EvaluationTables.writeGrades(List.of(odd, F.trainEvaluation), out);

        assertThat(out.toString()).contains("\n\"test, \"\"Q4\"\"\",A,").doesNotContain("\r");
    }
}
