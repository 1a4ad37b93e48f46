package dev.scorecard.train.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Go-live gates (SPEC §8), the config's {@code gates} block: a model passes when the hold-out rows
 * meet every gate that is set. None is set by default.
 *
 * <pre>{@code
 * gates: {minAuc: 0.70, minKs: 0.30, maxPsi: 0.10, maxCsi: 0.25,
 *         minPrecisionAtGrade: {B: 0.40}, minRecallAtGrade: {C: 0.60}}
 * }</pre>
 *
 * @param minAuc the least AUC
 * @param minKs the least KS statistic
 * @param maxPsi the largest score PSI against the training baseline
 * @param maxCsi the largest CSI of any characteristic
 * @param minPrecisionAtGrade per grade, the least event rate among rows graded that or better (the
 *     precision of calling every lead down to that grade)
 * @param minRecallAtGrade per grade, the least share of all events graded that or better
 */
public record GateOptions(OptionalDouble minAuc, OptionalDouble minKs, OptionalDouble maxPsi, OptionalDouble maxCsi,
        Map<String, Double> minPrecisionAtGrade, Map<String, Double> minRecallAtGrade) {
    /** Checks every threshold is a number in range and copies the maps, keeping their order. */
    public GateOptions {
        check("minAuc", minAuc, 0, 1);
        check("minKs", minKs, 0, 1);
        check("maxPsi", maxPsi, 0, Double.MAX_VALUE);
        check("maxCsi", maxCsi, 0, Double.MAX_VALUE);
        minPrecisionAtGrade = copy("minPrecisionAtGrade", minPrecisionAtGrade);
        minRecallAtGrade = copy("minRecallAtGrade", minRecallAtGrade);
    }

    /** @return no gates */
    public static GateOptions none() {
        return new GateOptions(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                Map.of(), Map.of());
    }

    /** @return true when at least one gate is set */
    public boolean any() {
        return minAuc.isPresent() || minKs.isPresent() || maxPsi.isPresent() || maxCsi.isPresent()
                || !minPrecisionAtGrade.isEmpty() || !minRecallAtGrade.isEmpty();
    }

    private static void check(String key, OptionalDouble v, double lo, double hi) {
        Objects.requireNonNull(v, key);
        if (v.isPresent() && !(v.getAsDouble() >= lo && v.getAsDouble() <= hi)) {
            throw new IllegalArgumentException("gates." + key + ": " + v.getAsDouble() + " is out of range; expected "
                    + (hi == Double.MAX_VALUE ? "at least " + lo : lo + " to " + hi));
        }
    }

    private static Map<String, Double> copy(String key, Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((grade, v) -> {
            Objects.requireNonNull(grade, key);
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("gates." + key + "." + grade + ": " + v + " is out of range; expected 0 to 1");
            }
            out.put(grade, v);
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
