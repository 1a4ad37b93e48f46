package dev.scorecard.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" of an error about a name that does not exist (a column, a level): the closest
 * name by edit distance, and only when it is close, so that a wild guess is never offered.
 *
 * <p>The distance is the optimal string alignment distance (insertions, deletions, substitutions
 * and swaps of two adjacent characters each cost 1, swaps being the commonest typo), compared
 * without case, so {@code Age} finds {@code age}. Close means at most a third of the typed name's
 * length, at least 1 and at most 3, and less than the whole name.
 */
public final class NearestName {
    private static final int MAX_DISTANCE = 3;

    private NearestName() {
    }

    /**
     * @param typed the name that does not exist
     * @param names the names that do, in the order to prefer on a tie
     * @return the closest name, when one is close
     */
    public static Optional<String> among(String typed, Collection<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.min(Math.min(MAX_DISTANCE, Math.max(1, t.length() / 3)), t.length() - 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            String m = n.toLowerCase(Locale.ROOT);
            if (Math.abs(m.length() - t.length()) > allowed) {
                continue; // too far whatever the letters; skips the table for most of a long list
            }
            int d = distance(t, m);
            if (d <= allowed && d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param typed the name that does not exist
     * @param names the names that do
     * @return {@code "; did you mean 'x'?"} for the closest name, or an empty string when none is close
     */
    public static String didYouMean(String typed, Collection<String> names) {
        return among(typed, names).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /**
     * The "did you mean" of an error about several names at once.
     *
     * @param typed the names that do not exist, as typed
     * @param names the names that do
     * @return {@code "; did you mean 'x'?"} for one typed name with a close match, {@code "; did you mean
     *     'x' for X, 'y' for Y?"} for several, or an empty string when none is close
     */
    public static String didYouMean(List<String> typed, Collection<String> names) {
        if (typed.size() == 1) {
            return didYouMean(typed.get(0), names);
        }
        List<String> pairs = new ArrayList<>();
        for (String t : typed) {
            among(t, names).ifPresent(n -> pairs.add("'" + n + "' for " + t));
        }
        return pairs.isEmpty() ? "" : "; did you mean " + String.join(", ", pairs) + "?";
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
