package dev.scorecard.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ScorecardModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §7's parity: for every row of every shipped dataset, plus rows probing every cut point,
 * special value, missing token and unseen level ({@link PmmlEdgeRows}), the exported PMML gives the
 * embedded scorer's results.
 *
 * <p>JPMML-Evaluator, on every row: score, 0–10 score and grade identical, the four reason codes
 * identical and in the same order, probability within 1e-9 (SPEC §7's tolerance; the only difference
 * is {@code Math.exp} against {@code StrictMath.exp}, about 1e-16).
 *
 * <p>pmml4s 0.9.15, on every edge row and at most {@value #PMML4S_DATA_ROWS} data rows (it is about 15
 * times slower): the same, except where pmml4s departs from PMML, which {@link #pmml4sReasons} models
 * and the docs list: it breaks ties in points lost by reverse alphabetical order of the reason code
 * (PMML: the order of the characteristics), and it adds the base points after the partial scores, so
 * unrounded points may sum a few ulps apart (score within 1e-9).
 *
 * <p>Every mismatch is collected before the one failure.
 */
class PmmlParityTest {
    static final int REASONS = Scorecard.DEFAULT_REASONS;
    static final double PROBABILITY_TOLERANCE = 1e-9;
    static final double PMML4S_SCORE_TOLERANCE = 1e-9;
    static final int PMML4S_DATA_ROWS = 2000;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (PmmlTrainedModels.Case c : List.of(PmmlTrainedModels.GERMANCREDIT, PmmlTrainedModels.CREDIT_DATA,
                PmmlTrainedModels.CREDIT_DATA_MERGED, PmmlTrainedModels.BANK_FULL, PmmlTrainedModels.ONLINE_SHOPPERS,
                PmmlTrainedModels.BANK_SPECIAL)) {
            out.add(Arguments.of(c, ReasonBaseline.MAX));
        }
        out.add(Arguments.of(PmmlTrainedModels.CREDIT_DATA, ReasonBaseline.MEAN));
        out.add(Arguments.of(PmmlTrainedModels.BANK_SPECIAL, ReasonBaseline.MEAN));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void pmmlScoresEveryRowAsTheEmbeddedScorer(PmmlTrainedModels.Case c, ReasonBaseline baseline) throws IOException {
        PmmlTrainedModels.Trained t = PmmlTrainedModels.get(c);
        ScorecardModel model = t.model();
        byte[] pmml = export(model, baseline);
        Scorecard scorecard = Scorecard.of(model);
        List<Map<String, ?>> rows = new ArrayList<>(t.rows());
        int dataRows = rows.size();
        rows.addAll(PmmlEdgeRows.of(model, t.rows().get(0)));
        List<Map<String, ?>> sample = sample(rows, dataRows);

        List<String> mismatches = new ArrayList<>();
        PmmlJpmml jpmml = PmmlJpmml.load(pmml);
        PmmlPmml4s pmml4s = PmmlPmml4s.load(pmml);
        int characteristics = model.characteristics().size();
        long t0 = System.nanoTime();
        compare("JPMML", rows, 0, row -> outputs(scorecard.score(row, REASONS, baseline)), jpmml::score, mismatches);
        long t1 = System.nanoTime();
        int[] departures = new int[1];
        compare("pmml4s", sample, PMML4S_SCORE_TOLERANCE, row -> {
            PmmlOutputs pmmlRules = outputs(scorecard.score(row, REASONS, baseline));
            Map<String, ?> seen = unseenAsMissing(model, row);
            PmmlOutputs expected = outputs(scorecard.score(seen, REASONS, baseline));
            List<String> reasons = pmml4sReasons(model, baseline, scorecard.score(seen, characteristics, baseline));
            if (!reasons.equals(pmmlRules.reasons()) || expected.score() != pmmlRules.score()) {
                departures[0]++;
            }
            // Its expressions see the level itself, so the probability is PMML's.
            return new PmmlOutputs(expected.score(), pmmlRules.probability(), expected.score10(), expected.grade(),
                    reasons);
        }, pmml4s::score, mismatches);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "PMML parity %s (%s): %d data rows + %d edge rows, %d characteristics; "
                + "JPMML %d rows in %.0f ms; pmml4s %d rows in %.0f ms, %d of them where it departs from PMML; "
                + "%d mismatches%n", c.name(), baseline.configName(), dataRows, rows.size() - dataRows,
                characteristics, rows.size(), (t1 - t0) / 1e6, sample.size(), (t2 - t1) / 1e6, departures[0],
                mismatches.size());
        assertThat(mismatches).as("%s (%s): %d rows differ; first ones:%n%s", c.name(), baseline.configName(),
                mismatches.size(), String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))))
                .isEmpty();
    }

    /** Every edge row, and at most {@value #PMML4S_DATA_ROWS} data rows, every k-th in file order. */
    static List<Map<String, ?>> sample(List<Map<String, ?>> rows, int dataRows) {
        int step = (dataRows + PMML4S_DATA_ROWS - 1) / PMML4S_DATA_ROWS;
        List<Map<String, ?>> out = new ArrayList<>();
        for (int i = 0; i < dataRows; i += step) {
            out.add(rows.get(i));
        }
        out.addAll(rows.subList(dataRows, rows.size()));
        return out;
    }

    static byte[] export(ScorecardModel model, ReasonBaseline baseline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PmmlExport.write(model, baseline, REASONS, out);
        return out.toByteArray();
    }

    /** @return the scorer's result with its reasons padded with nulls to {@value #REASONS}, as the PMML outputs them */
    static PmmlOutputs outputs(ScoreResult r) {
        String[] reasons = new String[REASONS];
        for (int k = 0; k < r.reasons().size(); k++) {
            reasons[k] = r.reasons().get(k);
        }
        return new PmmlOutputs(r.score(), r.probability(), r.score10(), r.grade(), Arrays.asList(reasons));
    }

    static void compare(String evaluator, List<Map<String, ?>> rows, double scoreTolerance,
            Function<Map<String, ?>, PmmlOutputs> expectation, BiFunction<Map<String, ?>, Integer, PmmlOutputs> pmml,
            List<String> mismatches) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = rows.get(i);
            PmmlOutputs expected = expectation.apply(row);
            PmmlOutputs got;
            try {
                got = pmml.apply(row, REASONS);
            } catch (RuntimeException e) {
                mismatches.add(evaluator + " row " + i + ": " + e + " <- " + row);
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (!(Math.abs(expected.score() - got.score()) <= scoreTolerance)) {
                problems.add("score " + expected.score() + " vs " + got.score());
            }
            if (!(Math.abs(expected.probability() - got.probability()) <= PROBABILITY_TOLERANCE)) {
                problems.add("probability " + expected.probability() + " vs " + got.probability());
            }
            if (Double.compare(expected.score10(), got.score10()) != 0) {
                problems.add("score10 " + expected.score10() + " vs " + got.score10());
            }
            if (!Objects.equals(expected.grade(), got.grade())) {
                problems.add("grade " + expected.grade() + " vs " + got.grade());
            }
            if (!expected.reasons().equals(got.reasons())) {
                problems.add("reasons " + expected.reasons() + " vs " + got.reasons());
            }
            if (!problems.isEmpty()) {
                mismatches.add(evaluator + " row " + i + ": " + String.join("; ", problems) + " <- " + row);
            }
        }
    }

    /**
     * The row as pmml4s's predicates see it: a categorical level outside the field's listed values is
     * missing to them (it codes a level by its index among those values, an unlisted one as NaN, which
     * its predicates read as missing), so it takes the missing bin or the neutral points of a missing
     * value rather than the else bin or the neutral points of an unseen level. Its expressions see the
     * level itself.
     */
    static Map<String, ?> unseenAsMissing(ScorecardModel model, Map<String, ?> row) {
        Map<String, Object> out = new HashMap<>(row);
        for (Characteristic c : model.characteristics()) {
            Object v = row.get(c.name());
            if (c.type() == VariableType.CATEGORICAL && v != null && !model.missingValues().contains(v.toString())
                    && c.bins().stream().noneMatch(b -> b.categories().contains(v.toString()))) {
                out.put(c.name(), null);
            }
        }
        return out;
    }

    /**
     * What pmml4s 0.9.15 outputs for the reasons ({@code org.pmml4s.model.Scorecard#predict}): codes with
     * positive points lost, by points lost, ties in reverse alphabetical order of the code (it ranks
     * ties by their index in a {@code SortedSet} of the codes, larger first); nothing past the last
     * (it would repeat the last code in final {@code reasonCode} fields, but the export's are
     * intermediate).
     */
    static List<String> pmml4sReasons(ScorecardModel model, ReasonBaseline baseline, ScoreResult all) {
        List<String> codes = new ArrayList<>(all.reasons());
        double[] lost = new double[codes.size()];
        List<Characteristic> cs = model.characteristics();
        for (int r = 0; r < codes.size(); r++) {
            for (int k = 0; k < cs.size(); k++) {
                if (codes.get(r).startsWith(cs.get(k).name() + ": ")) {
                    lost[r] = PmmlExport.baselineScore(cs.get(k), baseline) - all.points().get(k);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < codes.size(); r++) {
            order.add(r);
        }
        order.sort(Comparator.<Integer>comparingDouble(r -> -lost[r]).thenComparing(r -> codes.get(r),
                Comparator.reverseOrder()));
        List<String> out = new ArrayList<>();
        for (int rank = 0; rank < REASONS; rank++) {
            out.add(rank < order.size() ? codes.get(order.get(rank)) : null);
        }
        return out;
    }
}
