package dev.scorecard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.json.JsonMutator;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.VerificationCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
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
                mutated = JsonMutator.mutate(mutated, rnd, what);
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
}
