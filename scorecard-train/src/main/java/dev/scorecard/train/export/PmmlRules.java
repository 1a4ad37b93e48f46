package dev.scorecard.train.export;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScoringRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One characteristic as an ordered list of rules, the first that holds deciding, exactly as the
 * embedded scorer decides (SPEC §7): a missing value first (its bin, or the regular bin it was merged
 * into, or neutral points when training saw none), then the special values, then the regular bins, then a catch-all. The same list is
 * written twice: as the scorecard's {@code Attribute}s and as the nested {@code if} that gives the
 * row's WOE for the probability.
 *
 * @param field the input field
 * @param rules in evaluation order, the last one {@link Always}
 */
record PmmlRules(String field, List<Rule> rules) {
    /** Copies the list. */
    PmmlRules {
        rules = List.copyOf(rules);
    }

    /**
     * @param condition when the rule holds
     * @param points the partial score
     * @param woe the WOE the probability uses (0 for neutral points)
     * @param reason the reason code, {@code characteristic: bin label} as the scorer words it
     */
    record Rule(Condition condition, double points, double woe, String reason) {
    }

    /** A rule's condition on the characteristic's field. */
    sealed interface Condition permits IsMissing, SpecialValues, Interval, Levels, Always {
    }

    /** The value is missing (null, or one of the model's missing tokens). */
    record IsMissing() implements Condition {
    }

    /**
     * The number is one of the special values.
     *
     * @param values the values
     */
    record SpecialValues(List<Double> values) implements Condition {
        /** Copies the list. */
        SpecialValues {
            values = List.copyOf(values);
        }
    }

    /**
     * The number lies in {@code [lower, upper)}; an infinite bound is left out.
     *
     * @param lower inclusive, or −∞
     * @param upper exclusive, or +∞
     */
    record Interval(double lower, double upper) implements Condition {
    }

    /**
     * The level is one of these.
     *
     * @param levels the levels
     */
    record Levels(List<String> levels) implements Condition {
        /** Copies the list. */
        Levels {
            levels = List.copyOf(levels);
        }
    }

    /** Always holds: the last rule. */
    record Always() implements Condition {
    }

    /** @return the rules of a characteristic, in the order the scorer applies them */
    static PmmlRules of(Characteristic c) {
        String name = c.name();
        // Its own bin, or the regular bin binning merged the missing values into.
        ModelBin missingBin = c.missingValueBin() >= 0 ? c.bins().get(c.missingValueBin()) : null;
        ModelBin elseBin = null;
        List<Rule> specials = new ArrayList<>();
        List<Rule> regular = new ArrayList<>();
        for (ModelBin b : c.bins()) {
            String reason = ScoringRules.reason(name, b.label());
            switch (b.kind()) {
                case MISSING -> { }
                case ELSE -> elseBin = b;
                case SPECIAL -> specials.add(new Rule(new SpecialValues(b.specialValues()), b.points(), b.woe(), reason));
                case REGULAR -> regular.add(new Rule(c.type() == VariableType.NUMERIC
                        ? new Interval(b.lower(), b.upper()) : new Levels(b.categories()), b.points(), b.woe(), reason));
                default -> throw new IllegalArgumentException("bin kind " + b.kind());
            }
        }
        Rule missing = missingBin != null
                ? new Rule(new IsMissing(), missingBin.points(), missingBin.woe(), ScoringRules.reason(name, missingBin.label()))
                : new Rule(new IsMissing(), c.neutralPoints(), 0, ScoringRules.missingReason(name));
        List<Rule> rules = new ArrayList<>();
        rules.add(missing);
        rules.addAll(specials);
        rules.addAll(regular);
        if (c.type() == VariableType.NUMERIC) {
            // Every number falls in a regular bin; what is left (NaN not declared missing) scores as missing,
            // as the scorer scores a NaN.
            rules.add(new Rule(new Always(), missing.points(), missing.woe(), missing.reason()));
        } else if (elseBin != null) {
            // The else bin's own levels and every level never seen.
            rules.add(new Rule(new Always(), elseBin.points(), elseBin.woe(), name + ": " + elseBin.label()));
        } else {
            rules.add(new Rule(new Always(), c.neutralPoints(), 0, ScoringRules.unseenReason(name)));
        }
        return new PmmlRules(name, rules);
    }

    /** @return whether the characteristic has an else bin */
    static boolean hasElseBin(Characteristic c) {
        return c.bins().stream().anyMatch(b -> b.kind() == BinKind.ELSE);
    }

    /** Writes a condition as a PMML predicate on the field. */
    void writePredicate(PmmlXml x, Condition condition) throws IOException {
        if (condition instanceof IsMissing) {
            simple(x, "isMissing", null);
        } else if (condition instanceof Always) {
            x.start("True").end();
        } else if (condition instanceof SpecialValues s) {
            List<String> values = specialTexts(s.values());
            if (values.size() == 1) {
                simple(x, "equal", values.get(0));
            } else {
                x.start("CompoundPredicate").attr("booleanOperator", "or");
                for (String v : values) {
                    simple(x, "equal", v);
                }
                x.end();
            }
        } else if (condition instanceof Interval i) {
            boolean hasLower = i.lower() != Double.NEGATIVE_INFINITY;
            boolean hasUpper = i.upper() != Double.POSITIVE_INFINITY;
            if (hasLower && hasUpper) {
                x.start("CompoundPredicate").attr("booleanOperator", "and");
                simple(x, "greaterOrEqual", cut(i.lower()));
                simple(x, "lessThan", cut(i.upper()));
                x.end();
            } else if (hasLower) {
                simple(x, "greaterOrEqual", cut(i.lower()));
            } else if (hasUpper) {
                simple(x, "lessThan", cut(i.upper()));
            } else {
                x.start("True").end();
            }
        } else {
            writeLevels(x, ((Levels) condition).levels());
        }
    }

    private void writeLevels(PmmlXml x, List<String> levels) throws IOException {
        if (levels.isEmpty()) {
            x.start("False").end();
            return;
        }
        // PMML's string arrays escape only a double quote (\"), so a level holding a quote or a
        // backslash is not written into one: it gets its own equal predicate instead.
        boolean arraySafe = levels.stream().noneMatch(l -> l.indexOf('"') >= 0 || l.indexOf('\\') >= 0);
        if (arraySafe) {
            x.start("SimpleSetPredicate").attr("field", field).attr("booleanOperator", "isIn");
            StringBuilder sb = new StringBuilder();
            for (String level : levels) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append('"').append(level).append('"');
            }
            x.start("Array").attr("n", levels.size()).attr("type", "string").text(sb.toString()).end();
            x.end();
        } else if (levels.size() == 1) {
            simple(x, "equal", levels.get(0));
        } else {
            x.start("CompoundPredicate").attr("booleanOperator", "or");
            for (String level : levels) {
                simple(x, "equal", level);
            }
            x.end();
        }
    }

    private void simple(PmmlXml x, String operator, String value) throws IOException {
        x.start("SimplePredicate").attr("field", field).attr("operator", operator);
        if (value != null) {
            x.attr("value", value);
        }
        x.end();
    }

    /**
     * Writes the characteristic's WOE for the row as a nested {@code if} over the same conditions:
     * {@code if(c1, woe1, if(c2, woe2, … woeLast))}.
     */
    void writeWoeExpression(PmmlXml x) throws IOException {
        int last = rules.size() - 1;
        for (int r = 0; r < last; r++) {
            x.start("Apply").attr("function", "if");
            writeCondition(x, rules.get(r).condition());
            constant(x, "double", PmmlXml.number(rules.get(r).woe()));
        }
        constant(x, "double", PmmlXml.number(rules.get(last).woe()));
        for (int r = 0; r < last; r++) {
            x.end();
        }
    }

    private void writeCondition(PmmlXml x, Condition condition) throws IOException {
        if (condition instanceof IsMissing) {
            x.start("Apply").attr("function", "isMissing").start("FieldRef").attr("field", field).end().end();
        } else if (condition instanceof Always) {
            constant(x, "boolean", "true");
        } else if (condition instanceof SpecialValues s) {
            isIn(x, "double", specialTexts(s.values()));
        } else if (condition instanceof Interval i) {
            boolean hasLower = i.lower() != Double.NEGATIVE_INFINITY;
            boolean hasUpper = i.upper() != Double.POSITIVE_INFINITY;
            if (hasLower && hasUpper) {
                x.start("Apply").attr("function", "and");
                compare(x, "greaterOrEqual", i.lower());
                compare(x, "lessThan", i.upper());
                x.end();
            } else if (hasLower) {
                compare(x, "greaterOrEqual", i.lower());
            } else if (hasUpper) {
                compare(x, "lessThan", i.upper());
            } else {
                constant(x, "boolean", "true");
            }
        } else {
            List<String> levels = ((Levels) condition).levels();
            if (levels.isEmpty()) {
                constant(x, "boolean", "false");
            } else {
                isIn(x, "string", levels);
            }
        }
    }

    private void compare(PmmlXml x, String function, double threshold) throws IOException {
        x.start("Apply").attr("function", function).start("FieldRef").attr("field", field).end();
        constant(x, "double", cut(threshold));
        x.end();
    }

    private void isIn(PmmlXml x, String dataType, List<String> values) throws IOException {
        x.start("Apply").attr("function", "isIn").start("FieldRef").attr("field", field).end();
        for (String v : values) {
            constant(x, dataType, v);
        }
        x.end();
    }

    static void constant(PmmlXml x, String dataType, String value) throws IOException {
        x.start("Constant").attr("dataType", dataType).text(value).end();
    }

    /**
     * A cut point. Zero is written {@code -0}: an evaluator that compares with
     * {@code Double.compareTo} (JPMML) then agrees with IEEE comparison (the scorer's) on both zeros,
     * since {@code -0.0} and {@code 0.0} are both {@code >= -0.0} and neither is {@code < -0.0}; to an
     * IEEE evaluator the sign makes no difference.
     */
    static String cut(double value) {
        return value == 0 ? "-0" : PmmlXml.number(value);
    }

    /** Special values as text; a zero is listed as both {@code 0} and {@code -0}, which the scorer treats alike. */
    static List<String> specialTexts(List<Double> values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            if (v == 0) {
                out.add("0");
                out.add("-0");
            } else {
                out.add(PmmlXml.number(v));
            }
        }
        return out;
    }
}
