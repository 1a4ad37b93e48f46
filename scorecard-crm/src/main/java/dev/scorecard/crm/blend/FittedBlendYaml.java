package dev.scorecard.crm.blend;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The blend YAML with fitted weights: the original file's text with its top-level {@code parts}
 * block replaced by one line per part (its fitted weight, {@code fill: renormalise}, and its column,
 * mapping and side as configured), each under a comment with its coefficient; every other line
 * (score10, grades, reasons, comments) as it was.
 */
final class FittedBlendYaml {
    private FittedBlendYaml() {
    }

    /**
     * @param original the blend file's text
     * @param spec the blend as read from it
     * @param weights each part's fitted weight in ten-thousandths, in {@link BlendSpec#ordered()} order
     * @param terms the fit's terms
     * @param request the fit's request, for the header comment
     * @param leads the leads fitted on
     * @param converters of them, those converting
     * @return the edited text
     * @throws InputDataException when the file has no line {@code parts:} at its start (parts in a flow map)
     */
    static String write(String original, BlendSpec spec, long[] weights, List<BlendFit.Term> terms,
            BlendFit.Request request, long leads, long converters) {
        List<String> lines = new ArrayList<>(original.lines().toList());
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (lines.get(i).matches("parts\\s*:.*")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new InputDataException(spec.file(), 0, null, "key 'parts': blend fit rewrites the lines of a top-level"
                    + " 'parts:' block, and found none: write the file as a block, parts: on a line of its own");
        }
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isEmpty() || Character.isWhitespace(lines.get(end).charAt(0))
                || lines.get(end).startsWith("#"))) {
            end++;
        }
        // Comment lines just above the next key belong to it.
        while (end - 1 > start && lines.get(end - 1).startsWith("#")) {
            end--;
        }
        List<String> block = new ArrayList<>();
        block.add(String.format(Locale.ROOT, "# Weights fitted by scorecard blend fit on %s as of %s, horizon %dd: %d leads,"
                + " %d converting (fit.csv has the evidence).", request.leads().getFileName(), request.asOf(),
                request.horizonDays(), leads, converters));
        block.add("parts:");
        List<BlendSpec.PartSpec> parts = spec.ordered();
        for (int p = 0; p < parts.size(); p++) {
            BlendSpec.PartSpec ps = parts.get(p);
            String name = ps.part().configName;
            BlendFit.Term t = terms.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            block.add("  # " + name + ": " + (Double.isNaN(t.coefficient()) ? t.note() : "coefficient "
                    + BlendFit.text(t.coefficient()) + ", standard error " + BlendFit.text(t.standardError()) + ", z "
                    + BlendFit.text(t.z()) + (t.note().isEmpty() ? "" : "; " + t.note())));
            StringBuilder line = new StringBuilder("  " + name + ": {weight: "
                    + BigDecimal.valueOf(weights[p], 4).stripTrailingZeros().toPlainString() + ", fill: "
                    + BlendSpec.RENORMALISE);
            if (ps.part() != Part.CHANNEL) {
                line.append(", column: ").append(ps.column());
            }
            if (ps.part() == Part.MODEL) {
                line.append(", from: ").append(DoubleFormat.format(ps.from())).append(", to: ")
                        .append(DoubleFormat.format(ps.to())).append(", side: ").append(ps.side().configName);
            }
            block.add(line.append('}').toString());
        }
        List<String> out = new ArrayList<>(lines.subList(0, start));
        out.addAll(block);
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out) + "\n";
    }
}
