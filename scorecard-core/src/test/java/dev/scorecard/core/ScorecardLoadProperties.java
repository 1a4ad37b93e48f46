package dev.scorecard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.ModelWriter;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.VerificationCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random byte and token mutations of a valid {@code model.json} through {@link Scorecard#load(Path,
 * boolean)}, the way every user loads a model: it either loads, and then scores each of its
 * verification rows exactly as the file says (by both scoring paths) and writes back to a file that
 * loads to the same model; or it fails with a {@link ModelFormatException}. Never a
 * NullPointerException, ClassCastException, StackOverflowError or any other type. With the checksum
 * checked, a file that still loads must be the same model as the original.
 *
 * <p>Each try has its own seed, printed on failure. The default run, 3,000 tries, takes a few
 * seconds; a longer one: {@code mvn -o -pl scorecard-core test -Dtest=ScorecardLoadProperties
 * -Dfuzz.tries=1000000} (add {@code -Dfuzz.seed=N} to start elsewhere, or to replay one seed with
 * {@code -Dfuzz.tries=1}). {@code model.ModelReaderFuzzTest} does the same one level down, on the reader.
 */
class ScorecardLoadProperties {
    private static final String FIXTURE = "/model/v1/small-model.json";
    private static final byte[] JSON_BYTES = "{}[]\":,0123456789.-+eE \n\\ntrufalsinf".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\""); // possessive: no recursion per character
    private static final String[] NUMBERS = {"NaN", "Infinity", "-Infinity", "-0", "0", "-0.0", "1e400", "-1e400", "1e-400",
        "1e308", "-1", "4.9e-324", "9223372036854775808", "\"12\"", "null", "true", "[]", "{}", "\"inf\"", "\"-inf\"",
        "[".repeat(10_000) + "]".repeat(10_000)};
    private static final String[] STRINGS = {"\"\"", "\"\\u0000\"", "\"é\"", "\"\\ud800\"", "\"inf\"", "\"-inf\"",
        "\"" + "x".repeat(2000) + "\"", "\"Missing\"", "\"car (new)\"", "\"duration\"", "\"purpose\"", "12", "null",
        "[\"a\", \"a\"]", "{\"a\": 1}"};

    @TempDir
    Path dir;

    @Test
    void mutatedModelsLoadAndReproduceOrFailWithModelFormatException() throws IOException {
        long firstSeed = Long.getLong("fuzz.seed", 20_260_602L);
        int tries = Integer.getInteger("fuzz.tries", 3000);
        System.out.println("ScorecardLoadProperties: seeds " + firstSeed + " to " + (firstSeed + tries - 1));
        byte[] golden;
        try (InputStream in = ScorecardLoadProperties.class.getResourceAsStream(FIXTURE)) {
            golden = in.readAllBytes();
        }
        ScorecardModel original = Scorecard.load(new java.io.ByteArrayInputStream(golden)).model();
        Path file = dir.resolve("model.json");
        int loaded = 0;
        for (int t = 0; t < tries; t++) {
            long seed = firstSeed + t;
            SplittableRandom rnd = new SplittableRandom(seed);
            StringBuilder what = new StringBuilder();
            byte[] mutated = golden;
            for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
                mutated = mutate(mutated, rnd, what);
            }
            boolean verifyChecksum = rnd.nextInt(4) == 0; // mostly off, so the semantic checks are reached
            Files.write(file, mutated);
            String at = "seed " + seed + " (checksum " + (verifyChecksum ? "on" : "off") + "; " + what + ")";
            Scorecard scorecard;
            try {
                scorecard = Scorecard.load(file, verifyChecksum);
            } catch (ModelFormatException expected) {
                assertThat(expected.getMessage()).as(at).startsWith(file + ": ");
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(at + " threw " + e, e);
            }
            loaded++;
            try {
                checkLoaded(scorecard, original, verifyChecksum, at);
            } catch (RuntimeException e) {
                throw new AssertionError(at + ": a loaded model failed when used: " + e, e);
            }
        }
        System.out.println("ScorecardLoadProperties: " + loaded + " of " + tries + " mutated files loaded");
        // Digit changes in fields no verification row covers load; the property would prove little if none did.
        if (tries >= 1000) {
            assertThat(loaded).as("tries that loaded").isGreaterThan(tries / 100);
        }
    }

    private void checkLoaded(Scorecard scorecard, ScorecardModel original, boolean verifyChecksum, String at)
            throws IOException {
        ScorecardModel model = scorecard.model();
        if (verifyChecksum) {
            assertThat(model).as(at + ": the checksum passed, so the model is the original").isEqualTo(original);
        }
        List<VerificationCase> cases = model.verification();
        assertThat(cases).as(at).isNotEmpty();
        List<String> names = scorecard.characteristicNames();
        ScoreBuffer buffer = new ScoreBuffer(names.size(), Scorecard.DEFAULT_REASONS);
        for (int i = 0; i < cases.size(); i++) {
            VerificationCase v = cases.get(i);
            ScoreResult r = scorecard.score(v.inputs());
            String c = at + ", verification case " + (i + 1);
            assertThat(r.points()).as(c).isEqualTo(v.points());
            assertThat(r.score()).as(c).isEqualTo(v.score());
            assertThat(r.probability()).as(c).isCloseTo(v.probability(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.grade()).as(c).isEqualTo(v.grade());
            assertThat(r.reasons()).as(c).isEqualTo(v.reasons());
            Object[] values = new Object[names.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = v.inputs().get(names.get(k));
            }
            scorecard.scoreInto(values, Scorecard.DEFAULT_REASONS, ReasonBaseline.MAX, buffer);
            assertThat(buffer.score()).as(c + ", streaming path").isEqualTo(r.score());
            assertThat(buffer.probability()).as(c + ", streaming path").isEqualTo(r.probability());
        }
        // What loads writes back to a file that loads, checksum and all, to the same model.
        Path again = dir.resolve("again.json");
        Files.write(again, ModelWriter.toBytes(model));
        assertThat(Scorecard.load(again).model()).as(at + ": written and read back").isEqualTo(model);
    }

    private static byte[] mutate(byte[] in, SplittableRandom rnd, StringBuilder what) {
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
