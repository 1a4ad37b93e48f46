package dev.scorecard.core.model.json;

import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.TestModels;

import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.json.ModelWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model file's layout, determinism, round trip and golden fixture. The fixture
 * {@code model/v1/small-model.json} is {@link TestModels#germanLike()} as written when format version
 * 1 was fixed; it is kept forever (STYLE §7). Regenerate it only on purpose, with
 * {@code mvn -pl scorecard-core test -Dtest=ModelWriterTest -Dgolden.update=true}.
 */
class ModelWriterTest {
    static final String FIXTURE = "/model/v1/small-model.json";
    static final String CANDIDATES_FIXTURE = "/model/v1/small-model-candidates.json";
    static final String MERGED_MISSING_FIXTURE = "/model/v1/small-model-merged-missing.json";
    private static final Path FIXTURE_SOURCE = Path.of("src/test/resources" + FIXTURE);
    private static final Path CANDIDATES_FIXTURE_SOURCE = Path.of("src/test/resources" + CANDIDATES_FIXTURE);
    private static final Path MERGED_MISSING_FIXTURE_SOURCE = Path.of("src/test/resources" + MERGED_MISSING_FIXTURE);

    /** @return the committed fixture's bytes */
    static byte[] fixture() throws IOException {
        return fixture(FIXTURE);
    }

    /** @return a committed fixture's bytes */
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ModelWriterTest.class.getResourceAsStream(name)) {
            if (in == null && Boolean.getBoolean("golden.update")) {
                return new byte[0];
            }
            assertThat(in).as("fixture %s on the test class path", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void writtenBytesEqualTheGoldenFixture() throws IOException {
        byte[] written = ModelWriter.toBytes(TestModels.germanLike());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(FIXTURE_SOURCE.getParent());
            Files.write(FIXTURE_SOURCE, written);
        }
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(fixture(), StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(fixture());
    }

    /**
     * The second fixture, {@code model/v1/small-model-candidates.json}, is
     * {@link TestModels#germanLikeWithCandidates()}: the same model with the candidate baseline that
     * trainers write since issue 10 (same flag to regenerate it).
     */
    @Test
    void candidateBaselineBytesEqualTheirGoldenFixture() throws IOException {
        byte[] written = ModelWriter.toBytes(TestModels.germanLikeWithCandidates());
        if (Boolean.getBoolean("golden.update")) {
            Files.write(CANDIDATES_FIXTURE_SOURCE, written);
        }
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(fixture(CANDIDATES_FIXTURE), StandardCharsets.UTF_8));
        assertThat(ModelReader.read(new ByteArrayInputStream(written))).isEqualTo(TestModels.germanLikeWithCandidates());
    }

    /**
     * The third fixture, {@code model/v1/small-model-merged-missing.json}, is
     * {@link TestModels#germanLikeMergedMissing()}: a characteristic whose missing values were merged
     * into a regular bin names it with {@code missingBin}, right after {@code neutralPoints} (same flag
     * to regenerate it). The member is written only then: the other fixtures have none.
     */
    @Test
    void mergedMissingBinBytesEqualTheirGoldenFixture() throws IOException {
        byte[] written = ModelWriter.toBytes(TestModels.germanLikeMergedMissing());
        if (Boolean.getBoolean("golden.update")) {
            Files.write(MERGED_MISSING_FIXTURE_SOURCE, written);
        }
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(new String(fixture(MERGED_MISSING_FIXTURE), StandardCharsets.UTF_8));
        assertThat(text).containsOnlyOnce("\"missingBin\"").contains(String.join("\n",
                "      \"neutralPoints\": 0,",
                "      \"missingBin\": 2,",
                "      \"bins\": ["));
        assertThat(ModelReader.read(new ByteArrayInputStream(written))).isEqualTo(TestModels.germanLikeMergedMissing());
        assertThat(new String(fixture(), StandardCharsets.UTF_8)).doesNotContain("missingBin");
        assertThat(ModelReader.read(new ByteArrayInputStream(fixture())).characteristics())
                .allMatch(c -> c.missingBin().isEmpty());
    }

    @Test
    void candidatesAreLaidOutCompactlyAfterTheCharacteristicShares() {
        String file = new String(ModelWriter.toBytes(TestModels.germanLikeWithCandidates()), StandardCharsets.UTF_8);
        assertThat(file).contains(String.join("\n",
                "    \"candidates\": [",
                "      {",
                "        \"name\": \"age\",",
                "        \"type\": \"numeric\",",
                "        \"cuts\": [25, 35.5],",
                "        \"specialValues\": [",
                "          [-1]",
                "        ],",
                "        \"missingBin\": 4,",
                "        \"labels\": [\"[-inf, 25)\", \"[25, 35.5)\", \"[35.5, inf)\", \"Special: -1\", \"Missing\"],",
                "        \"shares\": [0.2, 0.4, 0.3, 0.05, 0.05]",
                "      },",
                "      {",
                "        \"name\": \"housing\",",
                "        \"type\": \"categorical\",",
                "        \"categories\": [",
                "          [\"own\"],",
                "          [\"rent\"],",
                "          [\"for free\"]",
                "        ],",
                "        \"elseBin\": 2,",
                "        \"missingBin\": 1,",
                "        \"labels\": [\"own\", \"rent, Missing\", \"for free | else\"],",
                "        \"shares\": [0.6, 0.3, 0.1]",
                "      }",
                "    ]",
                "  },",
                "  \"metrics\": ["));
    }

    /** A model file written before candidate baselines were stored still loads, and writes back to its own bytes. */
    @Test
    void aFileWithoutCandidatesLoadsWithNoneAndWritesBackUnchanged() throws IOException {
        ScorecardModel old = ModelReader.read(new ByteArrayInputStream(fixture()));
        assertThat(new String(fixture(), StandardCharsets.UTF_8)).doesNotContain("candidates");
        assertThat(old.baseline().candidates()).isEmpty();
        assertThat(ModelWriter.toBytes(old)).isEqualTo(fixture());
    }

    /**
     * Issue 11: the model keeps its non-event label right after the event; a file written before it
     * was kept (the fixture) still loads, with none, and writes back unchanged (see above).
     */
    @Test
    void theNonEventLabelFollowsTheEventAndReadsBack() throws IOException {
        ScorecardModel m = TestModels.germanLike();
        assertThat(ModelReader.read(new ByteArrayInputStream(fixture())).nonEvent()).isEmpty();
        ScorecardModel labelled = new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(),
                java.util.Optional.of("good"), m.scaling(), m.basePoints(), m.intercept(), m.missingValues(), m.unseen(),
                m.characteristics(), m.coefficients(), m.grades(), m.score10(), m.baseline(), m.metrics(),
                m.provenance(), m.verification());
        byte[] bytes = ModelWriter.toBytes(labelled);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"event\": \"" + m.event() + "\",\n  \"nonEvent\": \"good\",\n  \"scaling\"");
        ScorecardModel read = ModelReader.read(new ByteArrayInputStream(bytes));
        assertThat(read).isEqualTo(labelled);
        assertThat(read.nonEvent()).contains("good");
        // The checksum covers it: the same file with another non-event is refused.
        byte[] edited = text.replace("\"nonEvent\": \"good\"", "\"nonEvent\": \"fine\"").getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelReader.read(new ByteArrayInputStream(edited)))
                .hasMessageContaining("checksum mismatch");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScorecardModel(m.name(), m.createdWith(), m.target(),
                m.event(), java.util.Optional.of(m.event()), m.scaling(), m.basePoints(), m.intercept(), m.missingValues(),
                m.unseen(), m.characteristics(), m.coefficients(), m.grades(), m.score10(), m.baseline(), m.metrics(),
                m.provenance(), m.verification())).hasMessage("the non-event '" + m.event() + "' is the event too");
    }

    @Test
    void goldenFixtureReadsBackToTheModel() throws IOException {
        assertThat(ModelReader.read(new ByteArrayInputStream(fixture()))).isEqualTo(TestModels.germanLike());
    }

    @Test
    void writeReadGivesAnEqualModelAndWriteReadWriteTheSameBytes() throws IOException {
        ScorecardModel model = TestModels.germanLike();
        byte[] first = ModelWriter.toBytes(model);
        ScorecardModel read = ModelReader.read(new ByteArrayInputStream(first));
        assertThat(read).isEqualTo(model);
        assertThat(ModelWriter.toBytes(read)).isEqualTo(first);
    }

    @Test
    void sameModelGivesIdenticalBytesAndStreamMatchesToBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelWriter.write(TestModels.germanLike(), out);
        assertThat(out.toByteArray()).isEqualTo(ModelWriter.toBytes(TestModels.germanLike()));
    }

    @Test
    void checksumIsTheSha256OfTheFileWithoutTheChecksumMember() throws Exception {
        String file = new String(ModelWriter.toBytes(TestModels.germanLike()), StandardCharsets.UTF_8);
        String member = ",\n  \"checksum\": \"";
        int at = file.lastIndexOf(member);
        assertThat(at).isPositive();
        String checksum = file.substring(at + member.length(), at + member.length() + 64);
        assertThat(file.substring(at)).isEqualTo(member + checksum + "\"\n}\n");
        String canonical = file.substring(0, at) + "\n}\n";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(checksum).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void layoutIsTwoSpaceIndentedLfWithInlineScalarArrays() {
        String file = new String(ModelWriter.toBytes(TestModels.germanLike()), StandardCharsets.UTF_8);
        assertThat(file).startsWith("{\n  \"format\": \"scorecard-model\",\n  \"formatVersion\": 1,\n  \"name\": \"german-like\",\n")
                .doesNotContain("\r").doesNotContain("\t").endsWith("\"\n}\n")
                .contains("  \"missingValues\": [\"\", \"NA\", \"N/A\"],\n")
                .contains("          \"lower\": \"-inf\",\n          \"upper\": 8.5,\n")
                .contains("    {\n      \"name\": \"E\",\n      \"minScore\": \"-inf\"\n    }\n")
                .contains("\"vacation (été)\"");
    }

    @Test
    void minusZeroSurvivesTheRoundTrip() throws IOException {
        ScorecardModel model = TestModels.withWoe(TestModels.germanLike(), 1, 2, -0.0);
        ScorecardModel read = ModelReader.read(new ByteArrayInputStream(ModelWriter.toBytes(model)));
        assertThat(read).isEqualTo(model);
        assertThat(Double.doubleToRawLongBits(read.characteristics().get(1).bins().get(2).woe()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void refusesAValueTheFileCannotHold() {
        ScorecardModel model = TestModels.germanLike();
        SplitMetrics nan = new SplitMetrics("test", 300, 90, Double.NaN, Double.NaN, Double.NaN);
        ScorecardModel withNanMetrics = new ScorecardModel(model.name(), model.createdWith(), model.target(),
                model.event(), model.scaling(), model.basePoints(), model.intercept(), model.missingValues(),
                model.unseen(), model.characteristics(), model.coefficients(), model.grades(), model.score10(),
                new Baseline(List.of(Double.NaN), List.of(0.5, 0.5), model.baseline().characteristics()),
                List.of(nan), model.provenance(), model.verification());
        assertThatThrownBy(() -> ModelWriter.toBytes(withNanMetrics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline.scoreEdges[0] is NaN; the file holds only finite numbers here");

        Characteristic bounded = new Characteristic("purpose", VariableType.CATEGORICAL, 1, List.of(
                new ModelBin("a", BinKind.REGULAR, 0, 1, List.of("a"), List.of(), 0, 0, 1, 0.5)), 0);
        ScorecardModel withBounds = new ScorecardModel(model.name(), model.createdWith(), model.target(),
                model.event(), model.scaling(), model.basePoints(), model.intercept(), model.missingValues(),
                model.unseen(), List.of(bounded, model.characteristics().get(0)), model.coefficients(), model.grades(),
                model.score10(), model.baseline(), model.metrics(), model.provenance(), model.verification());
        assertThatThrownBy(() -> ModelWriter.toBytes(withBounds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("characteristics[0].bins[0]: only the regular bins of a numeric characteristic have bounds;"
                        + " this one has lower 0.0 and upper 1.0 (expected NaN)");
    }

    @Test
    void absentOptionalNumbersAreLeftOutAndReadBackAsNaN() throws IOException {
        ScorecardModel model = TestModels.germanLike();
        SplitMetrics nan = new SplitMetrics("test", 300, 0, Double.NaN, Double.NaN, Double.NaN);
        ScorecardModel withNan = new ScorecardModel(model.name(), model.createdWith(), model.target(),
                model.event(), model.scaling(), model.basePoints(), model.intercept(), model.missingValues(),
                model.unseen(), model.characteristics(), model.coefficients(), model.grades(), model.score10(),
                model.baseline(), List.of(model.metrics().get(0), nan), model.provenance(), model.verification());
        String file = new String(ModelWriter.toBytes(withNan), StandardCharsets.UTF_8);
        assertThat(file).contains("\"split\": \"test\",\n      \"rows\": 300,\n      \"events\": 0\n    }")
                .doesNotContain(": nan").doesNotContain("NaN");
        assertThat(ModelReader.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))).isEqualTo(withNan);
    }
}
