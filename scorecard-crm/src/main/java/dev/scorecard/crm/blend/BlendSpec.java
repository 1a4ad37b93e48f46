package dev.scorecard.crm.blend;

import dev.scorecard.core.internal.NearestName;
import dev.scorecard.crm.spec.Hundredths;
import dev.scorecard.crm.spec.ScoreBands;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A blend as read from its YAML file and checked: each part's weight, what stands in for it when a
 * lead lacks it, and for the rules and the model the column read and for the model its mapping onto
 * 0–100; the 10-point bounds and grades (read by the rules' own {@link ScoreBands}); how many reasons
 * a lead gets.
 *
 * @param file the YAML file
 * @param parts the parts configured, in {@link Part} order
 * @param bands the 10-point score's bounds and the grades
 * @param reasons how many reasons each lead gets (0 to 10)
 */
record BlendSpec(String file, Map<Part, PartSpec> parts, ScoreBands bands, int reasons) {
    /** A weight is held in ten-thousandths. */
    static final long WEIGHT_SCALE = 10_000;
    /** The reasons a lead gets without {@code reasons}. */
    static final int DEFAULT_REASONS = 3;
    static final String RENORMALISE = "renormalise";

    private static final List<String> TOP_KEYS = List.of("parts", "score10", "grades", "reasons");

    /**
     * @param part which part
     * @param weight its weight in ten-thousandths (weights are relative: 2, 1, 1 are a half and two quarters)
     * @param fill what a lead without the part gets instead, in hundredths of 0–100; empty: the
     *     present parts' weights are renormalised
     * @param column the column read (rules, model), else empty
     * @param from the model's value that maps to 0 (model only)
     * @param to the model's value that maps to 100 (model only)
     * @param side fit or engagement
     * @param line the part's line in the file
     */
    record PartSpec(Part part, long weight, OptionalLong fill, String column, double from, double to, Side side,
            long line) {
        /**
         * @param x a model value
         * @return it mapped linearly from [from, to] onto 0–100, clamped, in hundredths
         */
        long map(double x) {
            double v = (x - from) / (to - from) * 100;
            return Math.round(Math.max(0, Math.min(100, v)) * 100);
        }

        /** @return how many 0–100 points one model point is worth (model only) */
        double slope() {
            return 100 / (to - from);
        }
    }

    /** Checks and copies. */
    BlendSpec {
        parts = Map.copyOf(parts);
    }

    /** @return the parts configured, in {@link Part} order */
    List<PartSpec> ordered() {
        List<PartSpec> out = new ArrayList<>();
        for (Part p : Part.values()) {
            if (parts.containsKey(p)) {
                out.add(parts.get(p));
            }
        }
        return out;
    }

    /**
     * @param path a blend YAML file
     * @return the checked blend
     * @throws dev.scorecard.core.InputDataException naming the line and key of the first problem
     */
    static BlendSpec read(Path path) {
        YamlNode root = YamlNode.read(path);
        if (root.kind() != YamlNode.Kind.MAP) {
            throw root.error("a blend file holds keys " + String.join(", ", TOP_KEYS) + "; found no keys");
        }
        root.allowOnly(TOP_KEYS);
        YamlNode partsNode = root.get("parts").orElseThrow(() -> root.error("no 'parts': name the parts and their"
                + " weights, e.g. parts: {rules: {weight: 0.6}, model: {weight: 0.4, from: 300, to: 700}}"));
        partsNode.allowOnly(Part.configNames());
        Map<Part, PartSpec> parts = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            partsNode.get(p.configName).ifPresent(n -> parts.put(p, part(p, n)));
        }
        if (parts.isEmpty()) {
            throw partsNode.error("no parts: give at least one of " + String.join(", ", Part.configNames()));
        }
        if (parts.values().stream().mapToLong(PartSpec::weight).sum() == 0) {
            throw partsNode.error("every weight is 0: give at least one part a weight above 0");
        }
        ScoreBands bands = ScoreBands.read(root);
        int reasons = DEFAULT_REASONS;
        Optional<YamlNode> r = root.get("reasons");
        if (r.isPresent()) {
            long n = r.get().integer();
            if (n < 0 || n > 10) {
                throw r.get().error("reasons " + n + " is outside 0 to 10");
            }
            reasons = (int) n;
        }
        return new BlendSpec(root.file(), parts, bands, reasons);
    }

    private static PartSpec part(Part p, YamlNode n) {
        List<String> keys = switch (p) {
            case CHANNEL -> List.of("weight", "fill");
            case RULES -> List.of("weight", "fill", "column");
            case MODEL -> List.of("weight", "fill", "column", "from", "to", "side");
        };
        n.allowOnly(keys);
        YamlNode w = n.get("weight").orElseThrow(() -> n.error("no 'weight' (the part's share of the blend, relative"
                + " to the others' weights, e.g. weight: 0.4)"));
        long weight = weight(w);
        OptionalLong fill = OptionalLong.empty();
        Optional<YamlNode> f = n.get("fill");
        if (f.isPresent() && !f.get().text().equals(RENORMALISE)) {
            if (!f.get().text().matches("[-+0-9.eE]+")) {
                throw f.get().error("'" + f.get().text() + "' is neither renormalise nor a score from 0 to 100"
                        + NearestName.didYouMean(f.get().text(), List.of(RENORMALISE)));
            }
            long c = Hundredths.read(f.get());
            if (c < 0 || c > 100_00) {
                throw f.get().error("fill " + f.get().text() + " is outside 0 to 100");
            }
            fill = OptionalLong.of(c);
        }
        String column = switch (p) {
            case CHANNEL -> "";
            case RULES -> n.get("column").map(YamlNode::text).orElse("score100");
            case MODEL -> n.get("column").map(YamlNode::text).orElse("score");
        };
        double from = 0;
        double to = 100;
        Side side = p.defaultSide;
        if (p == Part.MODEL) {
            YamlNode fromNode = n.get("from").orElseThrow(() -> n.error("no 'from': the model's " + column + " that maps"
                    + " to 0 (with 'to', the one that maps to 100; e.g. from: 300, to: 700)"));
            YamlNode toNode = n.get("to").orElseThrow(() -> n.error("no 'to': the model's " + column + " that maps to"
                    + " 100 (e.g. from: 300, to: 700)"));
            from = fromNode.number();
            to = toNode.number();
            if (from == to) {
                throw toNode.error("'to' equals 'from' (" + toNode.text() + "): no range to map onto 0 to 100");
            }
            Optional<YamlNode> s = n.get("side");
            if (s.isPresent()) {
                side = null;
                for (Side v : Side.values()) {
                    if (v.configName.equals(s.get().text())) {
                        side = v;
                    }
                }
                if (side == null) {
                    throw s.get().error("'" + s.get().text() + "' is not a side; the sides are "
                            + String.join(", ", Side.configNames()) + NearestName.didYouMean(s.get().text(),
                                    Side.configNames()));
                }
            }
        }
        return new PartSpec(p, weight, fill, column, from, to, side, n.line());
    }

    private static long weight(YamlNode w) {
        double v = w.number();
        double scaled = v * WEIGHT_SCALE;
        long r = Math.round(scaled);
        if (v < 0 || v > 1e6) {
            throw w.error("weight " + w.text() + " is outside 0 to 1000000");
        }
        if (Math.abs(scaled - r) > 1e-6) {
            throw w.error("weight " + w.text() + " has more than four decimals");
        }
        return r;
    }
}
