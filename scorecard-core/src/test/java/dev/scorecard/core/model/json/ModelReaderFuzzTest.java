package dev.scorecard.core.model.json;

import dev.scorecard.core.model.ScorecardModel;

import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.json.ModelWriter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutates each golden fixture's bytes (the one with a candidate baseline too) at seeded random positions: the reader either returns a model
 * or throws {@link ModelFormatException}, never anything else; and whatever it returns, the writer
 * writes and the reader reads back to an equal model. Each round has its own seed, printed on
 * failure; {@code -Dfuzz.seed=N -Dfuzz.rounds=M} reruns from round seed N.
 */
class ModelReaderFuzzTest {

    @ParameterizedTest
    @ValueSource(strings = {ModelWriterTest.FIXTURE, ModelWriterTest.CANDIDATES_FIXTURE})
    void mutatedFilesLoadOrFailWithModelFormatException(String fixture) throws IOException {
        long firstSeed = Long.getLong("fuzz.seed", 20_260_501L);
        int rounds = Integer.getInteger("fuzz.rounds", 4000);
        System.out.println("ModelReaderFuzzTest " + fixture + ": round seeds " + firstSeed + " to "
                + (firstSeed + rounds - 1));
        byte[] golden = ModelWriterTest.fixture(fixture);
        int loaded = 0;
        for (int round = 0; round < rounds; round++) {
            long seed = firstSeed + round;
            SplittableRandom rnd = new SplittableRandom(seed);
            StringBuilder what = new StringBuilder();
            byte[] mutated = golden;
            for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
                mutated = JsonMutator.mutate(mutated, rnd, what);
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
}
