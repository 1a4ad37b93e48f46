package dev.scorecard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutates the golden fixture's bytes at seeded random positions: the reader either returns a model
 * or throws {@link ModelFormatException}, never anything else; and whatever it returns, the writer
 * writes and the reader reads back to an equal model. Each round has its own seed, printed on
 * failure; {@code -Dfuzz.seed=N -Dfuzz.rounds=M} reruns from round seed N.
 */
class ModelReaderFuzzTest {
    private static final byte[] JSON_BYTES = "{}[]\":,0123456789.-+eE \n\\ntrufalsinf".getBytes(StandardCharsets.US_ASCII);

    @Test
    void mutatedFilesLoadOrFailWithModelFormatException() throws IOException {
        long firstSeed = Long.getLong("fuzz.seed", 20_260_501L);
        int rounds = Integer.getInteger("fuzz.rounds", 4000);
        System.out.println("ModelReaderFuzzTest: round seeds " + firstSeed + " to " + (firstSeed + rounds - 1));
        byte[] golden = ModelWriterTest.fixture();
        int loaded = 0;
        for (int round = 0; round < rounds; round++) {
            long seed = firstSeed + round;
            SplittableRandom rnd = new SplittableRandom(seed);
            StringBuilder what = new StringBuilder();
            byte[] mutated = golden;
            for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
                mutated = mutate(mutated, rnd, what);
            }
            // Most mutations break the checksum; reading without it reaches the semantic checks.
            boolean verify = rnd.nextInt(4) == 0;
            ScorecardModel model;
            try {
                model = ModelReader.read(new ByteArrayInputStream(mutated), verify);
            } catch (ModelFormatException expected) {
                continue;
            } catch (RuntimeException | IOException e) {
                throw new AssertionError("seed " + seed + " (verify " + verify + "; " + what + ") threw " + e, e);
            }
            loaded++;
            ScorecardModel again;
            try {
                again = ModelReader.read(new ByteArrayInputStream(ModelWriter.toBytes(model)));
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " (" + what + "): the model read does not write and read back", e);
            }
            assertThat(again).as("seed %d (%s)", seed, what).isEqualTo(model);
        }
        // Digit changes without the checksum load; the test would prove little if nothing did.
        assertThat(loaded).as("rounds that loaded").isPositive();
    }

    private static byte[] mutate(byte[] in, SplittableRandom rnd, StringBuilder what) {
        int n = in.length;
        int at = rnd.nextInt(n);
        switch (rnd.nextInt(6)) {
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
                // A digit for another digit: mostly still valid JSON, so the model's own rules are exercised.
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
                int len = Math.min(1 + rnd.nextInt(16), n - at);
                what.append("delete ").append(len).append(" at ").append(at).append("; ");
                byte[] out = new byte[n - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, n - at - len);
                return out;
            }
            case 4 -> {
                byte b = JSON_BYTES[rnd.nextInt(JSON_BYTES.length)];
                what.append("insert '").append((char) b).append("' at ").append(at).append("; ");
                byte[] out = new byte[n + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = b;
                System.arraycopy(in, at, out, at + 1, n - at);
                return out;
            }
            default -> {
                // Copy a slice elsewhere: duplicate members, misplaced objects.
                int from = rnd.nextInt(n);
                int len = Math.min(1 + rnd.nextInt(200), n - from);
                what.append("copy ").append(len).append(" from ").append(from).append(" to ").append(at).append("; ");
                byte[] out = Arrays.copyOf(in, n + len);
                System.arraycopy(in, at, out, at + len, n - at);
                System.arraycopy(in, from, out, at, len);
                return out;
            }
        }
    }
}
