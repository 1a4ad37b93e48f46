package dev.scorecard.core.model;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Hand-built models for the model-file tests. Every number is a literal so that the model, and the
 * golden file written from it, are the same on every JVM.
 */
public final class TestModels {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private TestModels() {
    }

    /**
     * A small but complete credit model in the shape of German credit: 700 training rows, 210 events
     * (event = default, so a high score means unlikely to default). One numeric characteristic with a
     * special and a missing bin, one categorical with an empty else bin (its event rate is NaN and is
     * left out of the file).
     *
     * <p>Pedigree of the numbers (hand calculation, python3 {@code math}, rounded where shown):
     * <ul>
     *   <li>WOE_j = ln((e_j/210)/(n_j/490)), rounded to 4 decimals; event rate e_j/(e_j+n_j);
     *       baseline share (e_j+n_j)/700. duration bins (e/n): 8/79, 90/290, 100/104, 8/12, 4/5;
     *       purpose bins: 70/110, 80/240, 60/140, 0/0.</li>
     *   <li>intercept −0.8473 ≈ ln(210/490); factor = 20/ln 2; base points round(600 − factor·β₀) = 624
     *       (higherScoreMeans non-event); bin points round(−factor·β·WOE), half away from zero.</li>
     *   <li>z = estimate/standardError; p = erfc(|z|/√2).</li>
     *   <li>verification: score = 624 + points; probability = 1/(1+e^−η), η = β₀ + Σβ·WOE, with
     *       {@code StrictMath.exp}; grade from the table; reasons = bins losing the most points against
     *       their characteristic's best bin.</li>
     * </ul>
     */
    public static ScorecardModel germanLike() {
        Characteristic duration = new Characteristic("duration", VariableType.NUMERIC, 0.9712, List.of(
                numeric("[-inf, 8.5)", -INF, 8.5, -1.4427, 40, 87, 0.09195402298850575),
                numeric("[8.5, 20.5)", 8.5, 20.5, -0.3228, 9, 380, 0.23684210526315788),
                numeric("[20.5, inf)", 20.5, INF, 0.8081, -23, 204, 0.49019607843137253),
                new ModelBin("Special: -1", BinKind.SPECIAL, NAN, NAN, List.of(), List.of(-1.0), 0.4418, -12, 20, 0.4),
                new ModelBin("Missing", BinKind.MISSING, NAN, NAN, List.of(), List.of(), 0.6242, -17, 9,
                        0.4444444444444444)), 0);
        Characteristic purpose = new Characteristic("purpose", VariableType.CATEGORICAL, 0.8123, List.of(
                categorical("car (new)", BinKind.REGULAR, List.of("car (new)"), 0.3953, -9, 180, 0.3888888888888889),
                categorical("furniture/equipment, radio/television", BinKind.REGULAR,
                        List.of("furniture/equipment", "radio/television"), -0.2513, 6, 320, 0.25),
                categorical("business, education, vacation (été)", BinKind.REGULAR,
                        List.of("business", "education", "vacation (été)"), 0, 0, 200, 0.3),
                categorical("Else", BinKind.ELSE, List.of(), 0, 0, 0, NAN)), 0);
        List<Coefficient> coefficients = List.of(
                new Coefficient("(Intercept)", -0.8473, 0.0911, -9.300768386388585, 1.3943432893005033e-20),
                new Coefficient("duration", 0.9712, 0.1207, 8.04639602319801, 8.526776537516738e-16),
                new Coefficient("purpose", 0.8123, 0.1876, 4.3299573560767595, 1.4913821971358561e-05));
        GradeTable grades = new GradeTable(List.of(new Grade("A", 655), new Grade("B", 635), new Grade("C", 620),
                new Grade("D", 605), new Grade("E", -INF)));
        ScoreScale score10 = new ScoreScale(
                new double[] {592, 601, 607, 612, 615, 624, 630, 633, 664, 670},
                new double[] {0.0857142857142857, 0.15, 0.2, 0.31, 0.4, 0.52, 0.74, 0.83, 0.9, 1});
        Baseline baseline = new Baseline(
                List.of(598.0, 604.0, 609.0, 613.0, 617.0, 624.0, 630.0, 633.0, 660.0),
                List.of(0.0857142857142857, 0.1142857142857143, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1),
                List.of(new Baseline.BinShares("duration", List.of(0.12428571428571429, 0.5428571428571428,
                                0.2914285714285714, 0.02857142857142857, 0.012857142857142857)),
                        new Baseline.BinShares("purpose", List.of(0.2571428571428571, 0.45714285714285713,
                                0.2857142857142857, 0.0))));
        List<SplitMetrics> metrics = List.of(new SplitMetrics("train", 700, 210, 0.7412, 0.3688, 0.4824),
                new SplitMetrics("test", 300, 90, 0.7203, 0.3391, 0.4406));
        Provenance provenance = new Provenance("german_credit.csv",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1000, 0, 700, 300,
                "random 0.7 stratified", 42,
                "{\"target\":\"default\",\"event\":\"1\",\"split\":0.7,\"seed\":42,\"scaling\":{\"higherScoreMeans\":\"non-event\"}}");
        Map<String, String> first = new LinkedHashMap<>();
        first.put("duration", "6");
        first.put("purpose", "car (new)");
        Map<String, String> second = new LinkedHashMap<>();
        second.put("duration", null);
        second.put("purpose", "retraining");
        List<VerificationCase> verification = List.of(
                new VerificationCase(first, List.of(40.0, -9.0), 655, 0.1270444015282525, "A",
                        List.of("purpose: car (new)")),
                new VerificationCase(second, List.of(-17.0, 0.0), 607, 0.44002096796272694, "D",
                        List.of("duration: Missing", "purpose: Else")));
        return new ScorecardModel("german-like", "scorecard 0.1.0-SNAPSHOT", "default", "1",
                ScalingOptions.defaults().withHigherScoreMeans(ScoreDirection.NON_EVENT), 624, -0.8473,
                List.of("", "NA", "N/A"), UnseenPolicy.ELSE_BIN_NEUTRAL, List.of(duration, purpose), coefficients, grades,
                score10, baseline, metrics, provenance, verification);
    }

    /**
     * {@link #germanLike()} with the baseline of two candidates it does not use, as a trainer writes
     * them since issue 10: a numeric one with a special and its own missing bin, and a categorical
     * one with an else bin and its missing values merged into a regular bin. The shares are counts
     * over the 700 training rows: age 140, 280, 210, 35, 35; housing 420, 210, 70.
     */
    public static ScorecardModel germanLikeWithCandidates() {
        ScorecardModel m = germanLike();
        List<Baseline.Candidate> candidates = List.of(
                new Baseline.Candidate("age", VariableType.NUMERIC, List.of(25.0, 35.5), List.of(), -1,
                        List.of(List.of(-1.0)), 4,
                        List.of("[-inf, 25)", "[25, 35.5)", "[35.5, inf)", "Special: -1", "Missing"),
                        List.of(0.2, 0.4, 0.3, 0.05, 0.05)),
                new Baseline.Candidate("housing", VariableType.CATEGORICAL, List.of(),
                        List.of(List.of("own"), List.of("rent"), List.of("for free")), 2, List.of(), 1,
                        List.of("own", "rent, Missing", "for free | else"), List.of(0.6, 0.3, 0.1)));
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), m.characteristics(), m.coefficients(), m.grades(),
                m.score10(), m.baseline().withCandidates(candidates), m.metrics(), m.provenance(), m.verification());
    }

    /**
     * {@link #germanLike()} binned with {@code missing: merge-with-closest-woe}: duration's 9 missing
     * rows (4 events, 5 non-events) are merged into its top bin, which becomes
     * {@code [20.5, inf), Missing}, and the characteristic names it with {@code missingBin} 2 instead
     * of having a missing bin. Written as {@code model/v1/small-model-merged-missing.json}.
     *
     * <p>Pedigree (python3 {@code math}, as for {@link #germanLike()}): the merged bin has 104 events
     * and 109 non-events, WOE ln((104/210)/(109/490)) = 0.80034 → 0.8003, points
     * round(−(20/ln 2)·0.9712·0.8003) = round(−22.43) = −22, event rate 104/213, share 213/700. A row
     * with duration missing and purpose in the else bin: score 624 − 22 + 0 = 602 (grade E), η = −0.8473 + 0.9712·0.8003 =
     * −0.07004864, probability e^η/(1+e^η) = 0.4824949972277897; reasons by points lost against the
     * best bin: duration 40 − (−22) = 62, purpose 6 − 0 = 6. The second verification row (duration
     * missing, purpose never seen) is that row: purpose's else bin has WOE 0 and 0 points.
     */
    public static ScorecardModel germanLikeMergedMissing() {
        ScorecardModel m = germanLike();
        Characteristic d = m.characteristics().get(0);
        Characteristic duration = new Characteristic(d.name(), d.type(), d.coefficient(), List.of(d.bins().get(0),
                d.bins().get(1), numeric("[20.5, inf), Missing", 20.5, INF, 0.8003, -22, 213, 0.48826291079812206),
                d.bins().get(3)), d.neutralPoints(), OptionalInt.of(2));
        Baseline baseline = new Baseline(m.baseline().scoreEdges(), m.baseline().scoreShares(),
                List.of(new Baseline.BinShares("duration", List.of(0.12428571428571429, 0.5428571428571428,
                                0.30428571428571427, 0.02857142857142857)),
                        m.baseline().characteristics().get(1)));
        List<VerificationCase> verification = List.of(m.verification().get(0),
                new VerificationCase(m.verification().get(1).inputs(), List.of(-22.0, 0.0), 602, 0.4824949972277897,
                        "E", List.of("duration: [20.5, inf), Missing", "purpose: Else")));
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), List.of(duration, m.characteristics().get(1)),
                m.coefficients(), m.grades(), m.score10(), baseline, m.metrics(), m.provenance(), verification);
    }

    /** @return the model with one bin's WOE replaced */
    public static ScorecardModel withWoe(ScorecardModel m, int characteristic, int bin, double woe) {
        Characteristic c = m.characteristics().get(characteristic);
        ModelBin[] bins = c.bins().toArray(new ModelBin[0]);
        ModelBin b = bins[bin];
        bins[bin] = new ModelBin(b.label(), b.kind(), b.lower(), b.upper(), b.categories(), b.specialValues(), woe,
                b.points(), b.count(), b.eventRate());
        Characteristic[] cs = m.characteristics().toArray(new Characteristic[0]);
        cs[characteristic] = new Characteristic(c.name(), c.type(), c.coefficient(), Arrays.asList(bins), c.neutralPoints(), c.missingBin());
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), Arrays.asList(cs), m.coefficients(), m.grades(), m.score10(),
                m.baseline(), m.metrics(), m.provenance(), m.verification());
    }

    private static ModelBin numeric(String label, double lower, double upper, double woe, double points, long count,
            double eventRate) {
        return new ModelBin(label, BinKind.REGULAR, lower, upper, List.of(), List.of(), woe, points, count, eventRate);
    }

    private static ModelBin categorical(String label, BinKind kind, List<String> levels, double woe, double points,
            long count, double eventRate) {
        return new ModelBin(label, kind, NAN, NAN, levels, List.of(), woe, points, count, eventRate);
    }
}
