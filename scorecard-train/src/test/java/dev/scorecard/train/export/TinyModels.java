package dev.scorecard.train.export;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.Provenance;
import dev.scorecard.core.model.ScoreScale;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.ScalingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hand-built models for the SQL export tests: every number a literal, so the golden SQL is the same
 * on every JVM. The numbers need no pedigree beyond themselves: the tests compare the SQL with the
 * embedded scorer on the same model, not with outside values.
 */
final class TinyModels {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private TinyModels() {
    }

    /**
     * Three characteristics that between them use every kind of bin and every rule of the scorer:
     * <ul>
     *   <li>{@code duration}: numeric, three regular bins, special values -1 and 0 (so -0.0 is
     *       special), a missing bin; a WOE of 0.30000000000000004 that only an exact literal keeps.
     *   <li>{@code Loan "purpose"}: categorical with a quote in its name, levels with quotes, an
     *       else bin that also lists {@code business}, no missing bin (missing scores neutrally).
     *   <li>{@code Âge}: numeric cut at 0 (for -0.0) and 30, no missing bin.
     * </ul>
     *
     * @param unseen the unseen policy
     * @param elseBin false to drop the else bin, so an unseen level scores neutrally or is refused
     */
    static ScorecardModel tiny(UnseenPolicy unseen, boolean elseBin) {
        Characteristic duration = new Characteristic("duration", VariableType.NUMERIC, 0.9712, List.of(
                numeric("(-inf, 8.5)", -INF, 8.5, -1.4427, 40),
                numeric("[8.5, 20.5)", 8.5, 20.5, -0.3228, 9),
                numeric("[20.5, inf)", 20.5, INF, 0.8081, -23),
                special("Special: -1", -1, 0.4418, -12),
                special("Special: 0", 0, 0.30000000000000004, -5),
                new ModelBin("Missing", BinKind.MISSING, NAN, NAN, List.of(), List.of(), 0.6242, -17, 9, 0.44)), 0);
        List<ModelBin> purposeBins = new ArrayList<>(List.of(
                categorical("car (new)", BinKind.REGULAR, List.of("car (new)"), 0.3953, -9, 180),
                categorical("O'Brien's \"shop\", radio/television", BinKind.REGULAR,
                        List.of("O'Brien's \"shop\"", "radio/television"), -0.2513, 6, 320)));
        if (elseBin) {
            purposeBins.add(categorical("Else", BinKind.ELSE, List.of("business"), 0.125, 2, 200));
        }
        Characteristic purpose = new Characteristic("Loan \"purpose\"", VariableType.CATEGORICAL, 0.8123, purposeBins, 0);
        Characteristic age = new Characteristic("Âge", VariableType.NUMERIC, 0.5, List.of(
                numeric("(-inf, 0)", -INF, 0, 0.5, -7),
                numeric("[0, 30)", 0, 30, 0.1, -1),
                numeric("[30, inf)", 30, INF, -0.2, 3)), 0);
        return model(List.of(duration, purpose, age), 600, -0.8473, unseen);
    }

    /** @return the model with every points value, the neutral ones and the base points changed by {@code f} */
    static ScorecardModel mapPoints(ScorecardModel m, UnaryOperator<Double> f) {
        List<Characteristic> cs = new ArrayList<>();
        for (Characteristic c : m.characteristics()) {
            List<ModelBin> bins = new ArrayList<>();
            for (ModelBin b : c.bins()) {
                bins.add(new ModelBin(b.label(), b.kind(), b.lower(), b.upper(), b.categories(), b.specialValues(), b.woe(),
                        f.apply(b.points()), b.count(), b.eventRate()));
            }
            cs.add(new Characteristic(c.name(), c.type(), c.coefficient(), bins, f.apply(c.neutralPoints()), c.missingBin()));
        }
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), f.apply(m.basePoints()),
                m.intercept(), m.missingValues(), m.unseen(), cs, m.coefficients(), m.grades(), m.score10(), m.baseline(),
                m.metrics(), m.provenance(), m.verification());
    }

    /** @return the model with bin {@code bin} of characteristic {@code k} replaced by {@code f} of it */
    static ScorecardModel mapBin(ScorecardModel m, int k, int bin, UnaryOperator<ModelBin> f) {
        List<Characteristic> cs = new ArrayList<>(m.characteristics());
        Characteristic c = cs.get(k);
        List<ModelBin> bins = new ArrayList<>(c.bins());
        bins.set(bin, f.apply(bins.get(bin)));
        cs.set(k, new Characteristic(c.name(), c.type(), c.coefficient(), bins, c.neutralPoints(), c.missingBin()));
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), cs, m.coefficients(), m.grades(), m.score10(), m.baseline(),
                m.metrics(), m.provenance(), m.verification());
    }

    /** @return the model with the cut point between bins {@code bin - 1} and {@code bin} of characteristic {@code k} moved */
    static ScorecardModel withCut(ScorecardModel m, int k, int bin, double cut) {
        List<Characteristic> cs = new ArrayList<>(m.characteristics());
        Characteristic c = cs.get(k);
        List<ModelBin> bins = new ArrayList<>(c.bins());
        ModelBin below = bins.get(bin - 1);
        ModelBin above = bins.get(bin);
        bins.set(bin - 1, new ModelBin(below.label(), below.kind(), below.lower(), cut, below.categories(),
                below.specialValues(), below.woe(), below.points(), below.count(), below.eventRate()));
        bins.set(bin, new ModelBin(above.label(), above.kind(), cut, above.upper(), above.categories(),
                above.specialValues(), above.woe(), above.points(), above.count(), above.eventRate()));
        cs.set(k, new Characteristic(c.name(), c.type(), c.coefficient(), bins, c.neutralPoints(), c.missingBin()));
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), cs, m.coefficients(), m.grades(), m.score10(), m.baseline(),
                m.metrics(), m.provenance(), m.verification());
    }

    /** @return the model with another unseen policy */
    static ScorecardModel withUnseen(ScorecardModel m, UnseenPolicy unseen) {
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), unseen, m.characteristics(), m.coefficients(), m.grades(), m.score10(),
                m.baseline(), m.metrics(), m.provenance(), m.verification());
    }

    /** @return a model of these characteristics with grades A (from 620), B (from 600) and C */
    static ScorecardModel model(List<Characteristic> cs, double basePoints, double intercept, UnseenPolicy unseen) {
        List<Coefficient> coefficients = new ArrayList<>(List.of(new Coefficient("(Intercept)", intercept, 0.1, 0, 1)));
        List<Baseline.BinShares> shares = new ArrayList<>();
        for (Characteristic c : cs) {
            coefficients.add(new Coefficient(c.name(), c.coefficient(), 0.1, 0, 1));
            shares.add(new Baseline.BinShares(c.name(), c.bins().stream().map(b -> 1.0 / c.bins().size()).toList()));
        }
        GradeTable grades = new GradeTable(List.of(new Grade("A", 620), new Grade("B", 600), new Grade("C", -INF)));
        return new ScorecardModel("tiny 'model'", "scorecard test", "bad", "1", ScalingOptions.defaults(), basePoints,
                intercept, List.of("", "NA"), unseen, cs, coefficients, grades,
                new ScoreScale(new double[] {600}, new double[] {1}), new Baseline(List.of(), List.of(1.0), shares),
                List.of(), new Provenance("tiny.csv", "0".repeat(64), 700, 0, 700, 0, "none", 42, "{}"), List.of());
    }

    private static ModelBin numeric(String label, double lower, double upper, double woe, double points) {
        return new ModelBin(label, BinKind.REGULAR, lower, upper, List.of(), List.of(), woe, points, 100, 0.3);
    }

    private static ModelBin special(String label, double value, double woe, double points) {
        return new ModelBin(label, BinKind.SPECIAL, NAN, NAN, List.of(), List.of(value), woe, points, 20, 0.4);
    }

    private static ModelBin categorical(String label, BinKind kind, List<String> levels, double woe, double points,
            long count) {
        return new ModelBin(label, kind, NAN, NAN, levels, List.of(), woe, points, count, 0.3);
    }
}
