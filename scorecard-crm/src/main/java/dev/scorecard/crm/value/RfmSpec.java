package dev.scorecard.crm.value;

import dev.scorecard.crm.spec.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code --config} of {@code scorecard rfm} (docs/rfm.md): score thresholds instead of
 * quantiles, the centre segments are split at, segment labels and the NES multipliers. Checked whole
 * on load, so that a table whose segments or stages could overlap or never be reached is refused with
 * its key and line before any order is read.
 *
 * @param thresholds per metric (0 recency, 1 frequency, 2 monetary) its four increasing cut points,
 *     or empty for quantile scores
 * @param against the centre of the high/low split
 * @param labels each segment's label
 * @param dozingAfter cycles after the last order when a customer is past due (S1)
 * @param halfAsleepAfter cycles after which it is half asleep (S2)
 * @param sleepingAfter cycles after which it is asleep (S3)
 * @param defaultCycleDays the cycle when no customer has two orders on different instants
 */
record RfmSpec(List<Optional<double[]>> thresholds, Centre against, Map<Segment, String> labels, double dozingAfter,
        double halfAsleepAfter, double sleepingAfter, double defaultCycleDays) {
    static final List<String> METRICS = List.of("recency", "frequency", "monetary");

    /** Where the high/low split lies. */
    enum Centre {
        MEAN, MEDIAN;

        static Centre fromConfig(String text, String where) {
            for (Centre c : values()) {
                if (c.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(where + ": '" + text + "' is not a centre; expected mean or median");
        }
    }

    RfmSpec {
        thresholds = List.copyOf(thresholds);
        labels = Map.copyOf(labels);
    }

    /** Quantile scores, the mean, the default labels, stages at 1, 2 and 3 cycles, a 30-day default cycle. */
    static RfmSpec defaults() {
        Map<Segment, String> labels = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            labels.put(s, s.configName);
        }
        return new RfmSpec(List.of(Optional.empty(), Optional.empty(), Optional.empty()), Centre.MEAN, labels, 1, 2, 3,
                30);
    }

    RfmSpec withAgainst(Centre c) {
        return new RfmSpec(thresholds, c, labels, dozingAfter, halfAsleepAfter, sleepingAfter, defaultCycleDays);
    }

    /**
     * @param file the YAML
     * @return its spec, defaults where it says nothing
     * @throws dev.scorecard.core.InputDataException naming the key and line of what is wrong
     */
    static RfmSpec read(Path file) {
        YamlNode root = YamlNode.read(file);
        if (root.kind() == YamlNode.Kind.NULL) {
            return defaults();
        }
        root.allowOnly(List.of("scores", "segments", "nes"));
        RfmSpec d = defaults();
        List<Optional<double[]>> thresholds = new ArrayList<>(d.thresholds());
        Optional<YamlNode> scores = root.get("scores");
        if (scores.isPresent()) {
            scores.get().allowOnly(METRICS);
            for (int m = 0; m < 3; m++) {
                Optional<YamlNode> t = scores.get().get(METRICS.get(m));
                if (t.isPresent()) {
                    thresholds.set(m, Optional.of(cuts(t.get())));
                }
            }
        }
        Centre against = d.against();
        Map<Segment, String> labels = new EnumMap<>(d.labels());
        Optional<YamlNode> segments = root.get("segments");
        if (segments.isPresent()) {
            segments.get().allowOnly(List.of("against", "labels"));
            Optional<YamlNode> a = segments.get().get("against");
            if (a.isPresent()) {
                try {
                    against = Centre.fromConfig(a.get().text(), "against");
                } catch (IllegalArgumentException e) {
                    throw a.get().error("'" + a.get().text() + "' is not a centre; expected mean or median");
                }
            }
            Optional<YamlNode> l = segments.get().get("labels");
            if (l.isPresent()) {
                List<String> names = new ArrayList<>();
                for (Segment s : Segment.values()) {
                    names.add(s.configName);
                }
                l.get().allowOnly(names);
                Map<String, String> seen = new HashMap<>();
                seen.put(Segment.NO_VALUE, "the customers without value");
                for (Segment s : Segment.values()) {
                    Optional<YamlNode> v = l.get().get(s.configName);
                    if (v.isPresent()) {
                        labels.put(s, v.get().text());
                    }
                }
                for (Segment s : Segment.values()) {
                    String label = labels.get(s);
                    YamlNode where = l.get().get(s.configName).orElse(l.get());
                    if (label.isBlank() || label.contains(",") || label.contains("\"")) {
                        throw where.error("'" + label + "': a label is not empty and has no comma or quote");
                    }
                    String before = seen.putIfAbsent(label, s.configName);
                    if (before != null) {
                        throw where.error("'" + label + "' is also the label of " + before
                                + "; the segments would overlap in the outputs");
                    }
                }
            }
        }
        double[] nes = {d.dozingAfter(), d.halfAsleepAfter(), d.sleepingAfter(), d.defaultCycleDays()};
        Optional<YamlNode> n = root.get("nes");
        if (n.isPresent()) {
            List<String> keys = List.of("dozingAfter", "halfAsleepAfter", "sleepingAfter", "defaultCycleDays");
            n.get().allowOnly(keys);
            for (int k = 0; k < keys.size(); k++) {
                Optional<YamlNode> v = n.get().get(keys.get(k));
                if (v.isPresent()) {
                    nes[k] = v.get().number();
                    if (!(nes[k] > 0) || Double.isInfinite(nes[k])) {
                        throw v.get().error(v.get().text() + " is not a positive number");
                    }
                }
            }
            for (int k = 1; k < 3; k++) {
                if (!(nes[k] > nes[k - 1])) {
                    YamlNode where = n.get().get(keys.get(k)).or(() -> n.get().get(keys.get(0))).orElse(n.get());
                    throw where.error(keys.get(k) + " " + nes[k] + " must be more than " + keys.get(k - 1) + " "
                            + nes[k - 1] + ", or stage " + NesStage.values()[k + 1].code + " is unreachable");
                }
            }
        }
        return new RfmSpec(thresholds, against, labels, nes[0], nes[1], nes[2], nes[3]);
    }

    private static double[] cuts(YamlNode t) {
        List<YamlNode> items = t.items();
        if (items.size() != 4) {
            throw t.error("expected 4 increasing cut points (between scores 1|2, 2|3, 3|4 and 4|5), found "
                    + items.size());
        }
        double[] c = new double[4];
        for (int i = 0; i < 4; i++) {
            c[i] = items.get(i).number();
            if (!Double.isFinite(c[i])) {
                throw items.get(i).error(items.get(i).text() + " is not a finite number");
            }
            if (i > 0 && !(c[i] > c[i - 1])) {
                throw items.get(i).error(items.get(i).text() + " is not more than the cut point before it ("
                        + items.get(i - 1).text() + "), so a score would be unreachable");
            }
        }
        return c;
    }

    /** @return the label of each segment, in segment order, then {@link Segment#NO_VALUE} */
    List<String> labelOrder() {
        List<String> out = new ArrayList<>();
        for (Segment s : Segment.values()) {
            out.add(labels.get(s));
        }
        out.add(Segment.NO_VALUE);
        return out;
    }
}
