package dev.scorecard.core.model.json;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.TestModels;

import dev.scorecard.core.model.json.ModelReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile model files (issue 6), beyond the one-rule-per-edit cases of {@link ModelReaderTest}:
 * truncation anywhere, wrong types, unknown versions, bins that do not partition the line, NaN and
 * infinities, nesting 10,000 deep, 50 MB strings, duplicate keys, trailing content. Each is refused
 * with a {@link ModelFormatException} whose message says what and where; line and column numbers refer
 * to {@code model/v1/small-model.json}. Reads are checked without the checksum where the checksum
 * would otherwise be the first thing to fail, so that the rule under test is the one that speaks.
 */
class ModelReaderHardeningTest {
    private static final int DEEP = 10_000;
    private static final int FIFTY_MB = 50 * 1024 * 1024;

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

    // ------------------------------------------------------------------ truncation

    /** Every proper prefix of the file (5,700 of them) is refused as malformed, or as empty. */
    @Test
    void everyTruncationIsRefused() throws IOException {
        String full = fixture();
        int end = full.lastIndexOf('}') + 1; // what follows is the final line break
        for (int cut = 0; cut < end; cut++) {
            String prefix = full.substring(0, cut);
            assertThatThrownBy(() -> read(prefix, true)).as("cut at %d", cut)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageMatching(cut == 0 ? "the model file is empty"
                            : "([\\w.\\[\\]]+: )?malformed JSON: .+ \\(line \\d+, column \\d+\\)");
        }
        assertThat(read(full.substring(0, end), true)).isEqualTo(TestModels.germanLike());
    }

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of("inside the first field name", 10, "malformed JSON: Unexpected end-of-input in field name"
                        + " (line 2, column 9)"),
                Arguments.of("inside the bins", 600, "characteristics[0].bins: malformed JSON: Unexpected end-of-input:"
                        + " expected close marker for Array (start marker at [line: 26, column: 15]) (line 26, column 16)"),
                Arguments.of("before the last brace", -2, "malformed JSON: Unexpected end-of-input: expected close marker"
                        + " for Object (start marker at [line: 1, column: 1]) (line 237, column 1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncations")
    void truncatedFileNamesWhereItEnds(String where, int cut, String message) throws IOException {
        String full = fixture();
        String prefix = full.substring(0, cut >= 0 ? cut : full.length() + cut);
        assertThatThrownBy(() -> read(prefix, true)).isInstanceOf(ModelFormatException.class).hasMessage(message);
    }

    // ------------------------------------------------------------------ one edit, one exact message

    static Stream<Arguments> edits() {
        String deepArray = "[".repeat(DEEP) + "]".repeat(DEEP);
        String deepObject = "{\"a\": ".repeat(DEEP) + "1" + "}".repeat(DEEP);
        return Stream.of(
                // wrong types
                Arguments.of("object for the characteristics array", "\"characteristics\": [\n    {\n      \"name\": \"duration\"",
                        "\"characteristics\": {\n    \"x\": {\n      \"name\": \"duration\"",
                        "characteristics: expected an array, found an object (line 20, column 22)"),
                Arguments.of("number for the scaling object", "\"scaling\": {", "\"scaling\": 5, \"x\": {",
                        "scaling: expected an object, found 5 (line 8, column 14)"),
                Arguments.of("boolean as a number", "\"woe\": -0.3228,", "\"woe\": true,",
                        "characteristics[0].bins[1].woe: expected a number, found true (line 42, column 18)"),
                Arguments.of("number as a boolean", "\"spreadBasePoints\": false", "\"spreadBasePoints\": 0",
                        "scaling.spreadBasePoints: expected true or false, found 0 (line 14, column 25)"),
                Arguments.of("string for a list", "\"missingValues\": [\"\", \"NA\", \"N/A\"]", "\"missingValues\": \"NA\"",
                        "missingValues: expected an array, found the string \"NA\" (line 18, column 20)"),
                Arguments.of("number as a string", "\"name\": \"german-like\"", "\"name\": 12",
                        "name: expected a string, found 12 (line 4, column 11)"),
                Arguments.of("string as an integer", "\"count\": 380,", "\"count\": \"380\",",
                        "characteristics[0].bins[1].count: expected an integer, found the string \"380\" (line 44, column 20)"),
                // versions
                Arguments.of("a far newer formatVersion", "\"formatVersion\": 1,", "\"formatVersion\": 99999999999999,",
                        "model formatVersion 99999999999999 is newer than this scorecard supports (at most 1); upgrade scorecard"),
                Arguments.of("negative formatVersion", "\"formatVersion\": 1,", "\"formatVersion\": -1,",
                        "model formatVersion -1 is not a valid version: versions start at 1"),
                Arguments.of("formatVersion as a string", "\"formatVersion\": 1,", "\"formatVersion\": \"1\",",
                        "formatVersion: expected an integer, found the string \"1\" (line 3, column 20)"),
                Arguments.of("no formatVersion", "  \"formatVersion\": 1,\n", "",
                        "missing field 'formatVersion' at the top level (line 1, column 1)"),
                // bins that do not partition the line
                Arguments.of("a gap between bins", "\"upper\": 20.5,", "\"upper\": 20,",
                        "characteristics[0]: characteristic 'duration': bin [20.5, inf) does not start where the previous"
                                + " one ends or is empty (line 21, column 5)"),
                Arguments.of("overlapping bins", "\"lower\": 20.5,", "\"lower\": 19,",
                        "characteristics[0]: characteristic 'duration': bin [20.5, inf) does not start where the previous"
                                + " one ends or is empty (line 21, column 5)"),
                Arguments.of("first bin not from -inf", "\"lower\": \"-inf\",", "\"lower\": 0,",
                        "characteristics[0]: characteristic 'duration': bin [-inf, 8.5) does not start where the previous"
                                + " one ends or is empty (line 21, column 5)"),
                Arguments.of("last bin not to +inf", "\"upper\": \"inf\",", "\"upper\": 100,",
                        "characteristics[0]: characteristic 'duration': the last bin must be open to +inf (line 21, column 5)"),
                // NaN and infinities: not JSON numbers, and not accepted as strings either
                Arguments.of("NaN points", "\"points\": 9,", "\"points\": NaN,",
                        "characteristics[0].bins[1]: malformed JSON: Non-standard token 'NaN': enable"
                                + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow (line 43, column 24)"),
                Arguments.of("Infinity points", "\"points\": 9,", "\"points\": Infinity,",
                        "characteristics[0].bins[1]: malformed JSON: Non-standard token 'Infinity': enable"
                                + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow (line 43, column 29)"),
                Arguments.of("-Infinity WOE", "\"woe\": -0.3228,", "\"woe\": -Infinity,",
                        "characteristics[0].bins[1]: malformed JSON: Non-standard token '-Infinity': enable"
                                + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow (line 42, column 27)"),
                Arguments.of("\"NaN\" as a string", "\"points\": 9,", "\"points\": \"NaN\",",
                        "characteristics[0].bins[1].points: expected a number, found the string \"NaN\" (line 43, column 21)"),
                Arguments.of("1e400 points", "\"points\": 9,", "\"points\": 1e400,",
                        "characteristics[0].bins[1].points: expected a finite number, found 1e400 (line 43, column 21)"),
                // nesting 10,000 deep: refused by type before the parser descends, so no stack is at risk
                Arguments.of("10,000 nested arrays for a string", "\"name\": \"german-like\"", "\"name\": " + deepArray,
                        "name: expected a string, found an array (line 4, column 11)"),
                Arguments.of("10,000 nested objects for a string", "\"name\": \"german-like\"", "\"name\": " + deepObject,
                        "name: expected a string, found an object (line 4, column 11)"),
                Arguments.of("10,000 nested arrays for a verification input", "\"duration\": \"6\",",
                        "\"duration\": " + deepArray + ",",
                        "verification[0].inputs.duration: expected a string, found an array (line 215, column 21)"),
                // duplicate keys, wherever they are
                Arguments.of("duplicate top-level key", "\"event\": \"1\",", "\"event\": \"1\",\n  \"event\": \"1\",",
                        "duplicate field 'event' at the top level (line 8, column 10)"),
                Arguments.of("duplicate checksum", "\"checksum\":", "\"checksum\": \"x\",\n  \"checksum\":",
                        "duplicate field 'checksum' at the top level (line 237, column 13)"),
                Arguments.of("duplicate verification input", "\"duration\": \"6\",", "\"duration\": \"6\", \"duration\": \"7\",",
                        "duplicate field 'duration' in verification[0].inputs (line 215, column 36)"),
                // not JSON
                Arguments.of("a comment", "\"event\": \"1\",", "\"event\": \"1\", // why\n",
                        "malformed JSON: Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not"
                                + " recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser) (line 7, column 17)"),
                Arguments.of("single quotes", "\"event\": \"1\",", "'event': '1',",
                        "malformed JSON: Unexpected character (''' (code 39)): was expecting double-quote to start field"
                                + " name (line 7, column 3)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void editIsRefusedWithItsExactMessage(String rule, String from, String to, String message) throws IOException {
        String edited = edit(fixture(), from, to);
        assertThatThrownBy(() -> read(edited, false)).as(rule)
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(message);
    }

    /**
     * 50 MB in one string or one field name: the parser stops soon after its limit (1,000,000
     * characters for a value, 50,000 for a name) with StreamReadConstraints' own words, instead of
     * reading on. Where exactly it notices depends on Jackson's buffer sizes (1,039,259 or 1,048,576
     * characters were seen), so the length it reports is checked to be near the limit, not 50 MB.
     */
    @Test
    void fiftyMegabyteStringsStopAtTheLimit() throws IOException {
        String value = edit(fixture(), "\"name\": \"german-like\"", "\"name\": \"" + "x".repeat(FIFTY_MB) + "\"");
        assertThatThrownBy(() -> read(value, false)).isInstanceOf(ModelFormatException.class)
                .hasMessageMatching("name: the file is beyond the reader's limits: String value length \\((10\\d{5})\\) exceeds the"
                        + " maximum allowed \\(1000000, from `StreamReadConstraints.getMaxStringLength\\(\\)`\\)"
                        + " \\(line 4, column 10\\d{5}\\)");
        String name = edit(fixture(), "\"event\": \"1\",", "\"event\": \"1\", \"" + "k".repeat(FIFTY_MB) + "\": 1,");
        assertThatThrownBy(() -> read(name, false)).isInstanceOf(ModelFormatException.class)
                .hasMessageMatching("the file is beyond the reader's limits: Name length \\([5-9]\\d{4}\\) exceeds the maximum"
                        + " allowed \\(50000, from `StreamReadConstraints.getMaxNameLength\\(\\)`\\) \\(line 7, column \\d{5}\\)");
        String unclosed = "{\"name\": \"" + "x".repeat(FIFTY_MB);
        assertThatThrownBy(() -> read(unclosed, false)).isInstanceOf(ModelFormatException.class)
                .hasMessageMatching("name: the file is beyond the reader's limits: String value length \\((10\\d{5})\\) exceeds the"
                        + " maximum allowed \\(1000000, from `StreamReadConstraints.getMaxStringLength\\(\\)`\\)"
                        + " \\(line 1, column 10\\d{5}\\)");
    }

    /** Bins in the wrong order: the first one out of place is named. */
    @Test
    void unsortedBinsAreRefused() throws IOException {
        String text = fixture();
        int second = text.indexOf("        {\n          \"label\": \"[8.5, 20.5)\"");
        int third = text.indexOf("        {\n          \"label\": \"[20.5, inf)\"");
        int fourth = text.indexOf("        {\n          \"label\": \"Special: -1\"");
        String swapped = text.substring(0, second) + text.substring(third, fourth - 1).replaceFirst("}\\s*$", "},")
                + "\n" + text.substring(second, third).replaceFirst(",\\s*$", ",\n") + text.substring(fourth);
        assertThat(swapped).isNotEqualTo(text);
        assertThatThrownBy(() -> read(swapped, false)).isInstanceOf(ModelFormatException.class)
                .hasMessage("characteristics[0]: characteristic 'duration': bin [20.5, inf) does not start where the"
                        + " previous one ends or is empty (line 21, column 5)");
    }

    /** A model is refused when its nesting is deep anywhere, also where nothing is read, also unclosed. */
    @Test
    void deepNestingOutsideTheModelIsRefused() {
        String deep = "[".repeat(DEEP) + "]".repeat(DEEP);
        assertThatThrownBy(() -> read(deep, false)).isInstanceOf(ModelFormatException.class)
                .hasMessage("a model file holds one JSON object; found an array (line 1, column 1)");
        assertThatThrownBy(() -> read("{\"name\": " + "[".repeat(DEEP * 10), false)).isInstanceOf(ModelFormatException.class)
                .hasMessage("name: expected a string, found an array (line 1, column 10)");
    }

    @Test
    void trailingModelIsRefused() throws IOException {
        assertThatThrownBy(() -> read(fixture() + "{\"format\": \"scorecard-model\"}", true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("unexpected content after the end of the model (line 238, column 1)");
    }
}
