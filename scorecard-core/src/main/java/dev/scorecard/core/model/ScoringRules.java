package dev.scorecard.core.model;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;

/**
 * The scoring rules that every path states the same way: the scorer, the model reader and writer,
 * and the SQL and PMML exports. Reason codes read {@code characteristic: bin label}; a value scored
 * neutrally reads {@code characteristic: Missing} or {@code characteristic: unseen} and raises a
 * warning {@code missing:characteristic} or {@code unseen:characteristic=level}; a row's warnings are
 * joined by {@code ;}. Which fields a bin carries depends on its kind and its characteristic's type:
 * bounds on the regular bins of a numeric characteristic, categories on the regular and else bins of a
 * categorical one, special values on special bins. The reason baseline is
 * {@link Characteristic#maxPoints()} or {@link Characteristic#meanPoints()}.
 */
public final class ScoringRules {
    /** Joins a row's warnings. */
    public static final String WARNING_SEPARATOR = ";";
    /** What a bin with bounds must be. */
    public static final String BOUNDS_RULE = "only the regular bins of a numeric characteristic have bounds";
    /** What a bin with categories must be. */
    public static final String CATEGORIES_RULE =
            "only the regular and else bins of a categorical characteristic have categories";
    /** What a bin with special values must be. */
    public static final String SPECIAL_VALUES_RULE = "only special bins have special values";

    private ScoringRules() {
    }

    /** @return the reason code of a bin: {@code characteristic: label} */
    public static String reason(String characteristic, String binLabel) {
        return characteristic + ": " + binLabel;
    }

    /** @return the reason code of a missing value scored neutrally (the characteristic has no missing bin) */
    public static String missingReason(String characteristic) {
        return reason(characteristic, "Missing");
    }

    /** @return the reason code of an unseen level scored neutrally (the characteristic has no else bin) */
    public static String unseenReason(String characteristic) {
        return reason(characteristic, "unseen");
    }

    /** @return the warning of a missing value scored neutrally */
    public static String missingWarning(String characteristic) {
        return "missing:" + characteristic;
    }

    /** @return the warning of an unseen level scored neutrally, without the level: {@code unseen:characteristic=} */
    public static String unseenWarningPrefix(String characteristic) {
        return "unseen:" + characteristic + "=";
    }

    /** @return the warning of an unseen level scored neutrally */
    public static String unseenWarning(String characteristic, String level) {
        return unseenWarningPrefix(characteristic) + level;
    }

    /** @return true when a bin of this kind, in a characteristic of this type, has lower and upper bounds */
    public static boolean hasBounds(VariableType type, BinKind kind) {
        return type == VariableType.NUMERIC && kind == BinKind.REGULAR;
    }

    /** @return true when a bin of this kind, in a characteristic of this type, lists categories */
    public static boolean hasCategories(VariableType type, BinKind kind) {
        return type == VariableType.CATEGORICAL && (kind == BinKind.REGULAR || kind == BinKind.ELSE);
    }

    /** @return true when a bin of this kind lists special values */
    public static boolean hasSpecialValues(BinKind kind) {
        return kind == BinKind.SPECIAL;
    }
}
