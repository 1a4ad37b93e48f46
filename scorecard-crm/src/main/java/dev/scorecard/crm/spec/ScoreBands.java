package dev.scorecard.crm.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a 0–100 score is read: the ten upper bounds of the 10-point score and the grades, best first,
 * as the {@code score10} and {@code grades} keys of a rules or blend YAML give them. In hundredths.
 * The 10-point score is 0 for a score of 0, else the first k whose bound the score does not exceed
 * (the default bounds give {@code ceil(score / 10)}); the grade is the first whose {@code from} the
 * score reaches. Immutable.
 */
public final class ScoreBands {
    /** The keys this class reads. */
    public static final List<String> KEYS = List.of("score10", "grades");

    /**
     * A grade and the lowest score (in hundredths) that earns it.
     *
     * @param name as the file writes it
     * @param fromCents the lowest score100 of the grade, in hundredths
     */
    public record Grade(String name, long fromCents) {
    }

    private final long[] bounds;
    private final List<Grade> grades;

    private ScoreBands(long[] bounds, List<Grade> grades) {
        this.bounds = bounds;
        this.grades = List.copyOf(grades);
    }

    /**
     * @param root a YAML map that may have {@code score10} and {@code grades}
     * @return the bands it gives, the defaults for a key it lacks ({@code 10, 20, …, 100}; A from 80,
     *     B 60, C 40, D 0)
     * @throws dev.scorecard.core.InputDataException naming the line and key of the first problem
     */
    public static ScoreBands read(YamlNode root) {
        return new ScoreBands(bounds(root), grades(root));
    }

    /** @return the ten upper bounds, in hundredths */
    public long[] bounds() {
        return bounds.clone();
    }

    /** @return the grades, best first; the last starts from 0 */
    public List<Grade> grades() {
        return grades;
    }

    /**
     * @param cents a score from 0 to 100, in hundredths
     * @return its 10-point score, 0 to 10
     */
    public int score10(long cents) {
        int k = 0;
        if (cents > 0) {
            while (k < 9 && cents > bounds[k]) {
                k++;
            }
            k++;
        }
        return k;
    }

    /**
     * @param cents a score from 0 to 100, in hundredths
     * @return the index of its grade in {@link #grades()}
     */
    public int grade(long cents) {
        int g = 0;
        while (g < grades.size() - 1 && cents < grades.get(g).fromCents()) {
            g++;
        }
        return g;
    }

    private static long[] bounds(YamlNode root) {
        long[] out = new long[10];
        Optional<YamlNode> node = root.get("score10");
        if (node.isEmpty()) {
            for (int k = 0; k < 10; k++) {
                out[k] = (k + 1) * 10_00L;
            }
            return out;
        }
        List<YamlNode> items = node.get().items();
        if (items.size() != 10) {
            throw node.get().error("score10 lists the ten upper bounds of scores 1 to 10 (e.g. 10, 20, …, 100); found "
                    + items.size());
        }
        for (int k = 0; k < 10; k++) {
            out[k] = Hundredths.read(items.get(k));
            if (k > 0 && out[k] <= out[k - 1] || out[k] <= 0) {
                throw items.get(k).error("the bounds rise from above 0: " + items.get(k).text() + " after "
                        + (k == 0 ? "0" : Hundredths.format(out[k - 1])));
            }
        }
        if (out[9] != 100_00) {
            throw items.get(9).error("the last bound is 100, so every score has a 10-point score");
        }
        return out;
    }

    private static List<Grade> grades(YamlNode root) {
        Optional<YamlNode> node = root.get("grades");
        if (node.isEmpty()) {
            return List.of(new Grade("A", 80_00), new Grade("B", 60_00), new Grade("C", 40_00), new Grade("D", 0));
        }
        List<Grade> out = new ArrayList<>();
        for (YamlNode item : node.get().items()) {
            item.allowOnly(List.of("grade", "from"));
            String name = item.get("grade").orElseThrow(() -> item.error("no 'grade'")).text();
            YamlNode from = item.get("from").orElseThrow(() -> item.error("no 'from' (the lowest score100 of the grade)"));
            long c = Hundredths.read(from);
            if (c < 0 || c > 100_00) {
                throw from.error("unreachable: " + from.text() + " is outside the score's 0 to 100");
            }
            if (!out.isEmpty() && c >= out.get(out.size() - 1).fromCents()) {
                throw from.error("unreachable: grades go from the best down, and " + out.get(out.size() - 1).name()
                        + " already takes scores from " + Hundredths.format(out.get(out.size() - 1).fromCents()));
            }
            if (out.stream().anyMatch(g -> g.name().equals(name))) {
                throw item.error("grade '" + name + "' is listed twice");
            }
            out.add(new Grade(name, c));
        }
        if (out.isEmpty() || out.get(out.size() - 1).fromCents() != 0) {
            throw node.get().error("the last grade starts from 0, so every score has a grade");
        }
        return out;
    }
}
