package dev.scorecard.crm.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proposal of {@code rules fit} as an editable rules file: the base rules' zone, levels (with a
 * level for the scored types they lacked), decay, channel weight, 10-point bounds and grades, and the
 * fitted points, each with its evidence as a comment. Caps, conditions and stages are left to the
 * editor: the fit does not learn them.
 */
final class FittedRulesYaml {
    private FittedRulesYaml() {
    }

    static String write(RulesFit.Request request, RuleSpec base, RulesFit.Fitted fitted, String otherLevel, long rows,
            long converters) {
        List<RulesFit.Evidence> evidence = fitted.evidence();
        List<RulesFit.AgeBand> ages = fitted.ages();
        StringBuilder y = new StringBuilder();
        y.append("# Points fitted by scorecard rules fit on ").append(request.leads().getFileName()).append(" and ")
                .append(request.events().getFileName()).append(": nights ").append(request.from()).append(" to ")
                .append(request.to()).append(" every ").append(request.everyDays()).append("d, ").append(rows)
                .append(" lead-nights, ").append(converters).append(" converted within ").append(request.horizonDays())
                .append(" days.\n");
        y.append("# points = coefficient x ").append(String.format(Locale.ROOT, "%.3f", fitted.pdo()))
                .append(" / ln 2: ").append(String.format(Locale.ROOT, "%.2f", fitted.pdo()))
                .append(" points double the odds of converting")
                .append(request.pdo().isPresent() ? " (--pdo)" : String.format(Locale.ROOT, " (the scale that puts the 99th"
                        + " percentile of the lead-nights' fitted log-odds, %.3f, at 100)", fitted.top()))
                .append(String.format(Locale.ROOT, ".\n# Within noise (0 points): |z| below %.2f, the Bonferroni bound for"
                        + " the types and age bands at a family-wise 5 %%.", fitted.threshold()))
                .append(fitted.penalised() ? String.format(Locale.ROOT, "\n# Something separated the outcomes (no"
                        + " converter had it): the fits used an L2 penalty of %s.", text(RulesFit.SEPARATION_L2)) : "")
                .append("\n# The decay is that of ").append(fileName(base)).append(", so the points fade as they were"
                        + " fitted. Caps, stages and conditions\n# other than the age are not learned: add your own.\n");
        base.zone().ifPresent(z -> y.append("timezone: ").append(z.getId()).append('\n'));
        Map<String, List<String>> levels = new LinkedHashMap<>();
        base.levels().forEach((l, t) -> levels.put(l, new ArrayList<>(t)));
        for (RulesFit.Evidence e : evidence) {
            if (e.level().equals(otherLevel) && e.cents() != 0) {
                levels.computeIfAbsent(otherLevel, k -> new ArrayList<>()).add(e.type());
            }
        }
        y.append("\nlevels:\n");
        levels.forEach((l, t) -> y.append("  ").append(l).append(": [").append(String.join(", ", t)).append("]\n"));
        y.append("\npoints:\n");
        for (RulesFit.Evidence e : evidence) {
            boolean placed = levels.values().stream().anyMatch(t -> t.contains(e.type()));
            String comment = e.verdict().equals("no events") ? "no lead-night had one"
                    : e.verdict().equals("redundant")
                    ? String.format(Locale.ROOT, "redundant: IV %.3f, AUC %.3f, alone %.4f (z %.1f), but the other types"
                            + " leave it the opposite sign", e.iv(), e.auc(), e.alone(), e.aloneZ())
                    : String.format(Locale.ROOT, "%s: IV %.3f, AUC %.3f, alone %.4f (z %.1f), coefficient %.4f +- %.4f"
                            + " (z %.1f)", e.verdict(), e.iv(), e.auc(), e.alone(), e.aloneZ(), e.coefficient(),
                            e.standardError(), e.z());
            y.append(placed ? "  - " : "  # - ").append("{event: ").append(e.type()).append(", points: ")
                    .append(Cents.format(e.cents())).append("}").append("   # ").append(comment).append('\n');
        }
        if (!base.decay().isEmpty()) {
            y.append("\ndecay:\n");
            base.decay().forEach((k, d) -> y.append("  ").append(k).append(": ").append(decay(d)).append('\n'));
        }
        if (!ages.isEmpty()) {
            y.append("\n# The age of a lead, fitted beside the points (leads older than ").append(ages.get(ages.size() - 1).toDays())
                .append(" days are the baseline): without it the\n# points would stand in for age, and a type that old"
                        + " leads pile up would be blamed for their age.\nconditions:\n");
        for (RulesFit.AgeBand a : ages) {
            String comment = String.format(Locale.ROOT, "coefficient %.4f +- %.4f (z %.1f)%s", a.coefficient(),
                    a.standardError(), a.z(), a.cents() == 0 ? ", within noise" : "");
            y.append(a.cents() == 0 ? "  # " : "  ").append("- {name: ").append(a.name()).append(", when: \"")
                    .append(a.when()).append("\", points: ").append(Cents.format(a.cents())).append("}   # ")
                    .append(comment).append('\n');
            }
        }
        y.append("\nchannel: {weight: ").append(text(base.channelWeight())).append("}\n");
        y.append("\nscore10: [");
        for (int k = 0; k < 10; k++) {
            y.append(k == 0 ? "" : ", ").append(Cents.format(base.score10()[k]));
        }
        y.append("]\ngrades:\n");
        for (RuleSpec.Grade g : base.grades()) {
            y.append("  - {grade: ").append(g.name()).append(", from: ").append(Cents.format(g.fromCents())).append("}\n");
        }
        return y.toString();
    }

    private static String fileName(RuleSpec base) {
        String f = base.file();
        return f.substring(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1);
    }

    private static String decay(RuleSpec.Decay d) {
        if (d instanceof RuleSpec.HalfLife h) {
            return "{halfLife: " + Math.round(h.days()) + "d}";
        }
        if (d instanceof RuleSpec.Steps s) {
            List<String> steps = new ArrayList<>();
            for (int k = 0; k < s.days().length; k++) {
                steps.add("{within: " + s.days()[k] + "d, factor: " + text(s.factors()[k]) + "}");
            }
            return "{steps: [" + String.join(", ", steps) + "]}";
        }
        return "none";
    }

    /** @return a number as the shortest decimal */
    private static String text(double v) {
        return dev.scorecard.core.internal.DoubleFormat.format(v);
    }
}
