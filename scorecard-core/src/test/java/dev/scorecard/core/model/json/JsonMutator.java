package dev.scorecard.core.model.json;



import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random mutations of a JSON document's bytes and tokens, for the model-file fuzz tests
 * ({@code ModelReaderFuzzTest}, {@code ScorecardLoadProperties}): a random byte, a JSON-ish byte, a
 * digit for a digit, deletions, truncation, copies, hostile numbers and strings in place of real
 * ones, and two numbers swapped. Each call says what it did in {@code what}, so a failure can be
 * replayed by its seed.
 */
public final class JsonMutator {
    private static final byte[] JSON_BYTES = "{}[]\":,0123456789.-+eE \n\\ntrufalsinf".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\""); // possessive: no recursion per character
    private static final String[] NUMBERS = {"NaN", "Infinity", "-Infinity", "-0", "0", "-0.0", "1e400", "-1e400", "1e-400",
        "1e308", "-1", "4.9e-324", "9223372036854775808", "\"12\"", "null", "true", "[]", "{}", "\"inf\"", "\"-inf\"",
        "[".repeat(10_000) + "]".repeat(10_000)};
    private static final String[] STRINGS = {"\"\"", "\"\\u0000\"", "\"é\"", "\"\\ud800\"", "\"inf\"", "\"-inf\"",
        "\"" + "x".repeat(2000) + "\"", "\"Missing\"", "\"car (new)\"", "\"duration\"", "\"purpose\"", "12", "null",
        "[\"a\", \"a\"]", "{\"a\": 1}"};

    private JsonMutator() {
    }

    /**
     * @param in the document
     * @param rnd the seeded generator
     * @param what receives a description of the mutation
     * @return the mutated document (possibly {@code in} itself when the mutation found nothing to change)
     */
    public static byte[] mutate(byte[] in, SplittableRandom rnd, StringBuilder what) {
        int n = in.length;
        if (n == 0) {
            return in;
        }
        int at = rnd.nextInt(n);
        switch (rnd.nextInt(9)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] = (byte) rnd.nextInt(256);
                what.append("byte ").append(at).append(" = ").append(out[at] & 0xff).append("; ");
                return out;
            }
            case 1 -> {
                byte[] out = in.clone();
                out[at] = JSON_BYTES[rnd.nextInt(JSON_BYTES.length)];
                what.append("byte ").append(at).append(" = '").append((char) out[at]).append("'; ");
                return out;
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    int j = (at + i) % n;
                    if (in[j] >= '0' && in[j] <= '9') {
                        byte[] out = in.clone();
                        out[j] = (byte) ('0' + rnd.nextInt(10));
                        what.append("digit ").append(j).append(" = ").append((char) out[j]).append("; ");
                        return out;
                    }
                }
                return in;
            }
            case 3 -> {
                int len = Math.min(1 + rnd.nextInt(64), n - at);
                what.append("delete ").append(len).append(" at ").append(at).append("; ");
                byte[] out = new byte[n - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, n - at - len);
                return out;
            }
            case 4 -> {
                what.append("truncate at ").append(at).append("; ");
                return Arrays.copyOf(in, at);
            }
            case 5 -> {
                int from = rnd.nextInt(n);
                int len = Math.min(1 + rnd.nextInt(300), n - from);
                what.append("copy ").append(len).append(" from ").append(from).append(" to ").append(at).append("; ");
                byte[] out = Arrays.copyOf(in, n + len);
                System.arraycopy(in, at, out, at + len, n - at);
                System.arraycopy(in, from, out, at, len);
                return out;
            }
            case 6 -> {
                return replaceToken(in, NUMBER, NUMBERS, rnd, what, "number");
            }
            case 7 -> {
                return replaceToken(in, STRING, STRINGS, rnd, what, "string");
            }
            default -> {
                return swapNumbers(in, rnd, what);
            }
        }
    }

    /** Replaces one random match of {@code token} (outside strings, roughly) with one of {@code with}. */
    private static byte[] replaceToken(byte[] in, Pattern token, String[] with, SplittableRandom rnd, StringBuilder what,
            String kind) {
        String text = new String(in, StandardCharsets.UTF_8);
        List<int[]> spans = spans(text, token);
        if (spans.isEmpty()) {
            return in;
        }
        int[] s = spans.get(rnd.nextInt(spans.size()));
        String replacement = with[rnd.nextInt(with.length)];
        what.append(kind).append(" at ").append(s[0]).append(" = ")
                .append(replacement.length() > 20 ? replacement.substring(0, 20) + "…" : replacement).append("; ");
        return (text.substring(0, s[0]) + replacement + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] swapNumbers(byte[] in, SplittableRandom rnd, StringBuilder what) {
        String text = new String(in, StandardCharsets.UTF_8);
        List<int[]> spans = spans(text, NUMBER);
        if (spans.size() < 2) {
            return in;
        }
        int i = rnd.nextInt(spans.size());
        int j = rnd.nextInt(spans.size());
        if (i == j) {
            return in;
        }
        int[] a = spans.get(Math.min(i, j));
        int[] b = spans.get(Math.max(i, j));
        what.append("swap numbers at ").append(a[0]).append(" and ").append(b[0]).append("; ");
        return (text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
                + text.substring(a[0], a[1]) + text.substring(b[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static List<int[]> spans(String text, Pattern token) {
        List<int[]> out = new ArrayList<>();
        Matcher m = token.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
