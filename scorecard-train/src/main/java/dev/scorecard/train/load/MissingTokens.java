package dev.scorecard.train.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches raw cell text against the missing tokens, exactly and case-sensitively, on a
 * {@code char[]} slice. Tokens are grouped by length, so that the usual cell, longer than every
 * token, is dismissed with one comparison.
 */
final class MissingTokens {
    private static final int[] NONE = new int[0];

    private final List<String> tokens;
    private final char[][] chars;
    private final int[][] byLength;

    MissingTokens(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.chars = new char[this.tokens.size()][];
        int maxLength = -1;
        for (int i = 0; i < chars.length; i++) {
            chars[i] = this.tokens.get(i).toCharArray();
            maxLength = Math.max(maxLength, chars[i].length);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int len = 0; len <= maxLength; len++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < chars.length; i++) {
            groups.get(chars[i].length).add(i);
        }
        byLength = new int[maxLength + 1][];
        for (int len = 0; len <= maxLength; len++) {
            List<Integer> g = groups.get(len);
            byLength[len] = g.isEmpty() ? NONE : g.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** @return the number of tokens */
    int size() {
        return chars.length;
    }

    /** @return token {@code i} */
    String token(int i) {
        return tokens.get(i);
    }

    /** @return the index of the token equal to the slice, or -1 */
    int match(char[] buf, int off, int len) {
        if (len >= byLength.length) {
            return -1;
        }
        for (int t : byLength[len]) {
            char[] tok = chars[t];
            int k = 0;
            while (k < len && tok[k] == buf[off + k]) {
                k++;
            }
            if (k == len) {
                return t;
            }
        }
        return -1;
    }

    /** @return the index of the token equal to {@code text}, or -1 */
    int match(String text) {
        return tokens.indexOf(text);
    }
}
