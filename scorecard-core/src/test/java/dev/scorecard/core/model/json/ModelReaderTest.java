package dev.scorecard.core.model.json;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.TestModels;

import dev.scorecard.core.model.json.ModelReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.scorecard.core.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's strictness (SPEC §13), one rule per case, each with its exact message. Every case
 * edits the golden fixture {@code model/v1/small-model.json} in one place; line and column numbers
 * refer to that file.
 */
class ModelReaderTest {
    private static final String CHECKSUM = "cd1583df331e2c2ad24a1cec6aa5720f4f5881d8a3efcb6b2dbfb8aebfb116d0";

    private static String fixture() throws IOException {
        return new String(ModelWriterTest.fixture(), StandardCharsets.UTF_8);
    }

    /** @return {@code text} with its only occurrence of {@code from} replaced */
    private static String edit(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'%s' in the fixture", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("'%s' only once in the fixture", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static ScorecardModel read(String text, boolean verifyChecksum) throws IOException {
        return ModelReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), verifyChecksum);
    }

    private static ScorecardModel read(byte[] bytes) throws IOException {
        return ModelReader.read(new ByteArrayInputStream(bytes));
    }

    // ------------------------------------------------------------------ checksum

    @Test
    void editedNumberFailsTheChecksumAndLoadsWhenTheCheckIsOff() throws IOException {
        String edited = edit(fixture(), "\"points\": 9,", "\"points\": 10,");
        assertThatThrownBy(() -> read(edited, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("checksum mismatch: the file was changed after it was written (expected " + CHECKSUM
                        + ", found cc3a4bdd72de8e9a0cee096620ba993a19b88292b9c93726cfbad1c8ae00b38f);"
                        + " pass --ignore-checksum to load it anyway");
        ScorecardModel model = read(edited, false);
        assertThat(model.characteristics().get(0).bins().get(1).points()).isEqualTo(10);
    }

    @Test
    void missingChecksumFailsUnlessTheCheckIsOff() throws IOException {
        String without = edit(fixture(), ",\n  \"checksum\": \"" + CHECKSUM + "\"", "");
        assertThatThrownBy(() -> read(without, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("missing field 'checksum' at the top level (line 1, column 1);"
                        + " pass --ignore-checksum to load it anyway");
        assertThat(read(without, false)).isEqualTo(TestModels.germanLike());
    }

    @Test
    void checksumMustBeLowercaseHex() throws IOException {
        String upper = edit(fixture(), CHECKSUM, CHECKSUM.toUpperCase(Locale.ROOT));
        assertThatThrownBy(() -> read(upper, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("checksum: expected 64 lowercase hex digits, found \"" + CHECKSUM.toUpperCase(Locale.ROOT)
                        .substring(0, 60) + "…\"; pass --ignore-checksum to load it anyway");
    }

    @Test
    void checksumProtectsContentNotLayout() throws IOException {
        // Members in another order and other white space: the same model, so the same checksum.
        String reordered = edit(fixture(), "          \"woe\": -0.3228,\n          \"points\": 9,\n",
                "          \"points\": 9,   \"woe\": -0.3228,\n");
        assertThat(read(reordered, true)).isEqualTo(TestModels.germanLike());
    }

    @Test
    void readsFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        Files.write(file, ModelWriterTest.fixture());
        assertThat(ModelReader.read(file)).isEqualTo(TestModels.germanLike());
        Files.writeString(file, edit(fixture(), "\"points\": 9,", "\"points\": 10,"));
        assertThatThrownBy(() -> ModelReader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("checksum mismatch: ");
        assertThat(ModelReader.read(file, false).characteristics().get(0).bins().get(1).points()).isEqualTo(10);
    }

    // ------------------------------------------------------------------ one edit, one exact message

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("duplicate key", "\"coefficient\": 0.9712,",
                        "\"coefficient\": 0.9712,\n      \"name\": \"x\",",
                        "duplicate field 'name' in characteristics[0] (line 25, column 13)"),
                Arguments.of("unknown field", "\"coefficient\": 0.9712,",
                        "\"coefficient\": 0.9712,\n      \"colour\": \"red\",",
                        "unknown field 'colour' in characteristics[0] (line 25, column 7)"),
                Arguments.of("unknown top-level field", "\"event\": \"1\",", "\"event\": \"1\",\n  \"x\": 1,",
                        "unknown field 'x' at the top level (line 8, column 3)"),
                Arguments.of("missing field", "          \"woe\": -0.3228,\n", "",
                        "missing field 'woe' in characteristics[0].bins[1] (line 37, column 9)"),
                Arguments.of("missing top-level field", "  \"target\": \"default\",\n", "",
                        "missing field 'target' at the top level (line 1, column 1)"),
                Arguments.of("1.5 as a count", "\"count\": 380,", "\"count\": 1.5,",
                        "characteristics[0].bins[1].count: expected an integer, found 1.5 (line 44, column 20)"),
                Arguments.of("1e3 as a count", "\"count\": 380,", "\"count\": 1e3,",
                        "characteristics[0].bins[1].count: expected an integer, found 1e3 (line 44, column 20)"),
                Arguments.of("integer out of range", "\"count\": 380,", "\"count\": 123456789012345678901234567890,",
                        "characteristics[0].bins[1].count: the integer 123456789012345678901234567890 is out of range"
                                + " (line 44, column 20)"),
                Arguments.of("string as a number", "\"woe\": -0.3228,", "\"woe\": \"12\",",
                        "characteristics[0].bins[1].woe: expected a number, found the string \"12\" (line 42, column 18)"),
                Arguments.of("\"inf\" as a WOE", "\"woe\": -0.3228,", "\"woe\": \"inf\",",
                        "characteristics[0].bins[1].woe: expected a number, found the string \"inf\" (line 42, column 18)"),
                Arguments.of("1e400 as a WOE", "\"woe\": -0.3228,", "\"woe\": 1e400,",
                        "characteristics[0].bins[1].woe: expected a finite number, found 1e400 (line 42, column 18)"),
                Arguments.of("bound neither number nor inf", "\"upper\": 20.5,", "\"upper\": \"Infinity\",",
                        "characteristics[0].bins[1].upper: expected a number, \"-inf\" or \"inf\", found the string"
                                + " \"Infinity\" (line 41, column 20)"),
                Arguments.of("null as a string", "\"name\": \"german-like\",", "\"name\": null,",
                        "name: expected a string, found null (line 4, column 11)"),
                Arguments.of("formatVersion 2", "\"formatVersion\": 1,", "\"formatVersion\": 2,",
                        "model formatVersion 2 is newer than this scorecard supports (at most 1); upgrade scorecard"),
                Arguments.of("formatVersion 0", "\"formatVersion\": 1,", "\"formatVersion\": 0,",
                        "model formatVersion 0 is not a valid version: versions start at 1"),
                Arguments.of("formatVersion 1.0", "\"formatVersion\": 1,", "\"formatVersion\": 1.0,",
                        "formatVersion: expected an integer, found 1.0 (line 3, column 20)"),
                Arguments.of("wrong format", "\"format\": \"scorecard-model\",", "\"format\": \"pmml\",",
                        "this is not a scorecard model file: format is \"pmml\", expected \"scorecard-model\""
                                + " (line 2, column 13)"),
                Arguments.of("non-increasing bin bounds", "\"upper\": 20.5,", "\"upper\": 8,",
                        "characteristics[0]: characteristic 'duration': bin [8.5, 20.5) does not start where the"
                                + " previous one ends or is empty (line 21, column 5)"),
                Arguments.of("duplicate category", "[\"business\", \"education\",", "[\"business\", \"car (new)\",",
                        "characteristics[1]: characteristic 'purpose': level 'car (new)' is in two bins (line 76, column 5)"),
                Arguments.of("negative count", "\"count\": 380,", "\"count\": -1,",
                        "characteristics[0].bins[1]: bin [8.5, 20.5): count -1 is negative (line 37, column 9)"),
                Arguments.of("grades out of order", "\"minScore\": 635", "\"minScore\": 700",
                        "grades: grade B: minimum scores must decrease from the best grade (line 143, column 13)"),
                Arguments.of("bounds on a categorical bin", "\"categories\": [\"car (new)\"],",
                        "\"categories\": [\"car (new)\"],\n          \"lower\": 1,",
                        "field 'lower' is not allowed in characteristics[1].bins[0]: only the regular bins of a numeric"
                                + " characteristic have bounds (line 82, column 9)"),
                Arguments.of("bounds missing on a numeric bin", "          \"lower\": 8.5,\n", "",
                        "missing field 'lower' in characteristics[0].bins[1]: only the regular bins of a numeric"
                                + " characteristic have bounds (line 37, column 9)"),
                Arguments.of("misspelt kind", "\"kind\": \"else\",", "\"kind\": \"Else\",",
                        "characteristics[1].bins[3].kind: \"Else\" is not one of regular, special, missing, else"
                                + " (line 111, column 19)"),
                Arguments.of("deep nesting", "\"name\": \"german-like\",",
                        "\"name\": " + "[".repeat(40) + "]".repeat(40) + ",",
                        "name: expected a string, found an array (line 4, column 11)"),
                Arguments.of("unpaired surrogate", "\"name\": \"german-like\",", "\"name\": \"a\\ud800b\",",
                        "name: the text holds an unpaired surrogate \\ud800 (line 4, column 11)"),
                Arguments.of("malformed JSON", "\"count\": 380,", "\"count\": 380",
                        "characteristics[0].bins[1]: malformed JSON: Unexpected character ('\"' (code 34)): was"
                                + " expecting comma to separate Object entries (line 45, column 11)"),
                Arguments.of("string over the length limit", "\"name\": \"german-like\",",
                        "\"name\": \"" + "x".repeat(ModelReader.MAX_STRING_LENGTH + 1) + "\",",
                        "name: the file is beyond the reader's limits: String value length (1000001) exceeds the maximum"
                                + " allowed (1000000, from `StreamReadConstraints.getMaxStringLength()`)"
                                + " (line 4, column 1000014)"),
                Arguments.of("integer over the length limit", "\"count\": 380,", "\"count\": 1" + "0".repeat(100) + ",",
                        "characteristics[0].bins[1]: the file is beyond the reader's limits: Number value length (101)"
                                + " exceeds the maximum allowed (100, from `StreamReadConstraints.getMaxNumberLength()`)"
                                + " (line 44, column 121)"),
                Arguments.of("decimal over the length limit", "\"woe\": -0.3228,", "\"woe\": 0." + "1".repeat(100) + ",",
                        "characteristics[0].bins[1].woe: the number has 102 characters, more than 100 (line 42, column 18)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void editIsRefusedWithItsExactMessage(String rule, String from, String to, String message) throws IOException {
        String edited = edit(fixture(), from, to);
        assertThatThrownBy(() -> read(edited, true)).as(rule)
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(message);
    }

    // ------------------------------------------------------------------ the candidate baseline

    private static String candidatesFixture() throws IOException {
        return new String(ModelWriterTest.fixture(ModelWriterTest.CANDIDATES_FIXTURE), StandardCharsets.UTF_8);
    }

    /** The checksum covers the candidates as it covers the rest: a share moved is a changed file. */
    @Test
    void editedCandidateShareFailsTheChecksum() throws IOException {
        String edited = edit(candidatesFixture(), "[0.6, 0.3, 0.1]", "[0.5, 0.4, 0.1]");
        assertThatThrownBy(() -> read(edited, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("checksum mismatch: the file was changed after it was written");
        assertThat(read(edited, false).baseline().candidates().orElseThrow().get(1).shares()).containsExactly(0.5, 0.4, 0.1);
    }

    static Stream<Arguments> candidateEdits() {
        return Stream.of(
                Arguments.of("unknown field", "\"cuts\": [25, 35.5],", "\"cuts\": [25, 35.5],\n        \"woe\": [],",
                        "unknown field 'woe' in baseline.candidates[0] (line 187, column 9)"),
                Arguments.of("else bin on a numeric candidate", "\"missingBin\": 4,", "\"missingBin\": 4,\n        \"elseBin\": 0,",
                        "field 'elseBin' is not allowed in baseline.candidates[0]: only a categorical candidate has an"
                                + " else bin (line 183, column 7)"),
                Arguments.of("cuts on a categorical candidate", "\"elseBin\": 2,", "\"elseBin\": 2,\n        \"cuts\": [1],",
                        "field 'cuts' is not allowed in baseline.candidates[1]: a numeric candidate has cuts and"
                                + " specialValues, a categorical one categories (line 194, column 7)"),
                Arguments.of("special values missing", "        \"specialValues\": [\n          [-1]\n        ],\n", "",
                        "missing field 'specialValues' in baseline.candidates[0]: a numeric candidate has cuts and"
                                + " specialValues, a categorical one categories (line 183, column 7)"),
                Arguments.of("a label too few", "\"own\", \"rent, Missing\", \"for free | else\"", "\"own\", \"rent, Missing\"",
                        "baseline.candidates[1]: candidate 'housing' has 3 bins but 2 labels and 3 shares"
                                + " (line 194, column 7)"),
                Arguments.of("shares that are not shares", "[0.6, 0.3, 0.1]", "[60, 30, 10]",
                        "baseline.candidates[1]: candidate 'housing': share 60.0 is not between 0 and 1"
                                + " (line 194, column 7)"),
                Arguments.of("missing bin neither regular nor last", "\"missingBin\": 4,", "\"missingBin\": 3,",
                        "baseline.candidates[0]: candidate 'age': missing bin 3 is neither a regular bin (0 to 2) nor"
                                + " its own last bin (4) (line 183, column 7)"),
                Arguments.of("negative bin number", "\"elseBin\": 2,", "\"elseBin\": -1,",
                        "baseline.candidates[1].elseBin: -1 is not a bin number (0 or more) (line 202, column 20)"),
                Arguments.of("cuts out of order", "\"cuts\": [25, 35.5],", "\"cuts\": [35.5, 25],",
                        "baseline.candidates[0]: candidate 'age': cut points must be finite and strictly increasing,"
                                + " found [35.5, 25.0] (line 183, column 7)"),
                Arguments.of("level in two bins", "[\"rent\"],", "[\"own\"],",
                        "baseline.candidates[1]: candidate 'housing': level 'own' is in two bins (line 194, column 7)"),
                Arguments.of("a characteristic as a candidate", "\"name\": \"housing\",", "\"name\": \"purpose\",",
                        "baseline candidate 'purpose' is a characteristic; the candidates are the binned variables the"
                                + " model does not use (line 1, column 1)"),
                Arguments.of("a candidate twice", "\"name\": \"housing\",", "\"name\": \"age\",",
                        "baseline: candidate 'age' appears twice (line 169, column 15)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidateEdits")
    void candidateEditIsRefusedWithItsExactMessage(String rule, String from, String to, String message) throws IOException {
        String edited = edit(candidatesFixture(), from, to);
        assertThatThrownBy(() -> read(edited, false)).as(rule)
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(message);
    }

    // ------------------------------------------------------------------ a characteristic's missingBin

    private static String mergedMissingFixture() throws IOException {
        return new String(ModelWriterTest.fixture(ModelWriterTest.MERGED_MISSING_FIXTURE), StandardCharsets.UTF_8);
    }

    /** The member is optional; the checksum covers it like every other. */
    @Test
    void missingBinIsReadAndCoveredByTheChecksum() throws IOException {
        assertThat(read(mergedMissingFixture(), true).characteristics().get(0).missingBin()).hasValue(2);
        String edited = edit(mergedMissingFixture(), "\"missingBin\": 2,", "\"missingBin\": 1,");
        assertThatThrownBy(() -> read(edited, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("checksum mismatch: the file was changed after it was written");
        assertThat(read(edited, false).characteristics().get(0).missingValueBin()).isEqualTo(1);
    }

    static Stream<Arguments> missingBinEdits() {
        return Stream.of(
                Arguments.of("a special bin", "\"missingBin\": 2,", "\"missingBin\": 3,",
                        "characteristics[0]: characteristic 'duration': missingBin 3 is not one of its regular bins"
                                + " (0 to 2) (line 21, column 5)"),
                Arguments.of("beyond the bins", "\"missingBin\": 2,", "\"missingBin\": 9,",
                        "characteristics[0]: characteristic 'duration': missingBin 9 is not one of its regular bins"
                                + " (0 to 2) (line 21, column 5)"),
                Arguments.of("negative", "\"missingBin\": 2,", "\"missingBin\": -1,",
                        "characteristics[0].missingBin: -1 is not a bin number (0 or more) (line 26, column 21)"),
                Arguments.of("not an integer", "\"missingBin\": 2,", "\"missingBin\": 2.0,",
                        "characteristics[0].missingBin: expected an integer, found 2.0 (line 26, column 21)"),
                Arguments.of("twice", "\"missingBin\": 2,", "\"missingBin\": 2,\n      \"missingBin\": 2,",
                        "duplicate field 'missingBin' in characteristics[0] (line 27, column 19)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingBinEdits")
    void missingBinEditIsRefusedWithItsExactMessage(String rule, String from, String to, String message) throws IOException {
        String edited = edit(mergedMissingFixture(), from, to);
        assertThatThrownBy(() -> read(edited, false)).as(rule)
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(message);
    }

    /** A characteristic with its own missing bin cannot also name a regular bin for missing values. */
    @Test
    void missingBinBesideAMissingBinIsRefused() throws IOException {
        String edited = edit(fixture(), "\"coefficient\": 0.9712,\n      \"neutralPoints\": 0,",
                "\"coefficient\": 0.9712,\n      \"neutralPoints\": 0,\n      \"missingBin\": 2,");
        assertThatThrownBy(() -> read(edited, false))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("characteristics[0]: characteristic 'duration' has a missing bin and a missingBin 2; missing"
                        + " values go to one or the other (line 21, column 5)");
    }

    // ------------------------------------------------------------------ the document as a whole

    static Stream<Arguments> trailers() {
        // Jackson places an illegal character's error just after it.
        return Stream.of(Arguments.of("{}", 1), Arguments.of("x", 1), Arguments.of("}", 1), Arguments.of("1", 1),
                Arguments.of("\"checksum\"", 1), Arguments.of("\u0000", 2));
    }

    @ParameterizedTest(name = "trailer {index}")
    @MethodSource("trailers")
    void trailingTokensAreRefused(String trailer, int column) throws IOException {
        assertThatThrownBy(() -> read(fixture() + trailer, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("unexpected content after the end of the model (line 238, column " + column + ")");
    }

    @Test
    void wholeDocumentProblems() {
        assertThatThrownBy(() -> read("", true)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the model file is empty");
        assertThatThrownBy(() -> read("  \n", true)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the model file is empty");
        assertThatThrownBy(() -> read("[]", true)).isInstanceOf(ModelFormatException.class)
                .hasMessage("a model file holds one JSON object; found an array (line 1, column 1)");
        assertThatThrownBy(() -> read("{\"format\": \"scorecard-model\"", true)).isInstanceOf(ModelFormatException.class)
                .hasMessage("malformed JSON: Unexpected end-of-input: expected close marker for Object (start marker at"
                        + " [line: 1, column: 1]) (line 1, column 29)");
    }

    @Test
    void encodingOtherThanUtf8IsRefused() throws IOException {
        byte[] bytes = ModelWriterTest.fixture();
        int at = fixture().indexOf("german-like") + 2;
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the model file is not valid UTF-8: byte 68 (line 4, column 14)");
        assertThatThrownBy(() -> read(("\uFEFF" + fixture()).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("the model file starts with a byte-order mark; a model file is UTF-8 without one");
        assertThatThrownBy(() -> read(fixture().getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("the model file looks like UTF-16 or UTF-32; a model file is UTF-8");
    }

    @Test
    void parserRefusesNestingDeeperThan32() throws IOException {
        // The reader checks each value's type before descending, so a model file never gets this deep
        // (see the "deep nesting" edit); the parser's own limit is the second line of defence.
        String deep = "[".repeat(ModelReader.MAX_NESTING_DEPTH + 1) + "]".repeat(ModelReader.MAX_NESTING_DEPTH + 1);
        try (JsonParser p = ModelReader.factory().createParser(deep)) {
            assertThatThrownBy(() -> {
                while (p.nextToken() != null) {
                    // read on
                }
            }).isInstanceOf(StreamConstraintsException.class)
                    .hasMessageStartingWith("Document nesting depth (33) exceeds the maximum allowed (32");
        }
        String ok = "[".repeat(ModelReader.MAX_NESTING_DEPTH) + "]".repeat(ModelReader.MAX_NESTING_DEPTH);
        try (JsonParser p = ModelReader.factory().createParser(ok)) {
            int tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            assertThat(tokens).isEqualTo(2 * ModelReader.MAX_NESTING_DEPTH);
        }
    }
}
