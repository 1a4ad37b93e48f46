package dev.scorecard.train.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Checks go-live gates against an evaluation of the hold-out rows. Stateless and thread-safe. */
public final class Gates {
    private Gates() {
    }

    /**
     * @param gates the gates
     * @param e the evaluation of the hold-out rows
     * @return one result per gate set, in the order of {@link GateOptions}'s fields
     * @throws IllegalArgumentException when a grade gate names a grade the model does not have
     */
    public static List<GateResult> check(GateOptions gates, Evaluation e) {
        List<GateResult> out = new ArrayList<>();
        gates.minAuc().ifPresent(t -> out.add(new GateResult("minAuc", t, e.auc(), e.auc() >= t)));
        gates.minKs().ifPresent(t -> out.add(new GateResult("minKs", t, e.ks().ks(), e.ks().ks() >= t)));
        double psi = e.stability().scorePsi().value();
        gates.maxPsi().ifPresent(t -> out.add(new GateResult("maxPsi", t, psi, psi <= t)));
        gates.maxCsi().ifPresent(t -> {
            for (CharacteristicDrift c : e.stability().characteristics()) {
                double v = c.csi().value();
                out.add(new GateResult("maxCsi." + c.name(), t, v, v <= t));
            }
        });
        grade(out, "minPrecisionAtGrade", gates.minPrecisionAtGrade(), e, GradePerformance.Row::cumPrecision);
        grade(out, "minRecallAtGrade", gates.minRecallAtGrade(), e, GradePerformance.Row::cumRecall);
        return out;
    }

    private static void grade(List<GateResult> out, String key, Map<String, Double> bounds, Evaluation e,
            ToDoubleFunction<GradePerformance.Row> value) {
        bounds.forEach((grade, t) -> {
            GradePerformance.Row row = e.grades().rows().stream().filter(r -> r.grade().equals(grade)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("gates." + key + ": grade '" + grade
                            + "' is not one of the model's grades " + e.grades().rows().stream()
                                    .map(GradePerformance.Row::grade).toList()));
            double v = value.applyAsDouble(row);
            out.add(new GateResult(key + "." + grade, t, v, v >= t));
        });
    }

    /**
     * @param results checked gates
     * @return a plain-text table of the gates, failed ones marked, for the terminal and exceptions
     */
    public static String table(List<GateResult> results) {
        int width = "gate".length();
        for (GateResult r : results) {
            width = Math.max(width, r.gate().length());
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + width + "s  %9s  %9s  %s\n", "gate", "threshold", "actual", "result"));
        for (GateResult r : results) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %9.4f  %9.4f  %s\n", r.gate(), r.threshold(), r.actual(),
                    r.passed() ? "pass" : "FAIL"));
        }
        return b.toString();
    }
}
