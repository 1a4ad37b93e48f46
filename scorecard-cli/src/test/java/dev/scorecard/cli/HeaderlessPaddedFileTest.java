package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.json.ModelReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file as UCI ships adult.data (no header, {@code ", "} between fields; the first 60 lines of the
 * real file, see {@code resources/adult/README.md}) trains with {@code --no-header --names … --trim}
 * and scores with the model's own dialect: the same points and the same scores as the same rows
 * written plainly, with a header and {@code ","} between fields.
 */
class HeaderlessPaddedFileTest {
    private static final Path ADULT = Path.of("src/test/resources/adult/adult-60.data");
    private static final String NAMES = "age,workclass,fnlwgt,education,education-num,marital-status,occupation,"
            + "relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income";

    @TempDir
    static Path dir;
    private static Path plain;
    private static Path padded;
    private static Path plainModel;

    @BeforeAll
    static void trainBoth() throws IOException {
        plain = dir.resolve("adult-plain.csv");
        String rows = Files.readString(ADULT, StandardCharsets.UTF_8).replace(", ", ",");
        Files.writeString(plain, NAMES + "\n" + rows, StandardCharsets.UTF_8);
        // 60 rows separate the classes perfectly on some variables; a little L2 keeps the fit finite.
        String config = Files.writeString(dir.resolve("adult.yaml"), "regression: {l2: 1}\n").toString();
        CliRun p = CliRun.of("train", "--data", plain.toString(), "--target", "income", "--positive", ">50K",
                "--missing-values", "?", "--config", config, "--name", "adult", "--out", dir.resolve("plain").toString(),
                "-q");
        assertThat(p.exitCode()).as(p.err()).isZero();
        plainModel = dir.resolve("plain/model.json");

        CliRun t = CliRun.of("train", "--data", ADULT.toString(), "--no-header", "--names", NAMES, "--trim",
                "--target", "income", "--positive", ">50K", "--missing-values", "?", "--config", config, "--name", "adult",
                "--out", dir.resolve("padded").toString(), "-q");
        assertThat(t.exitCode()).as(t.err()).isZero();
        padded = dir.resolve("padded/model.json");
    }

    @Test
    void trainsTheSameScorecardAsThePlainFile() throws IOException {
        ScorecardModel m = ModelReader.read(padded);
        assertThat(m.characteristics()).isNotEmpty();
        assertThat(m.characteristics()).isEqualTo(ModelReader.read(plainModel).characteristics());
        assertThat(Files.readString(dir.resolve("padded/scorecard.csv")))
                .isEqualTo(Files.readString(dir.resolve("plain/scorecard.csv")));
        assertThat(m.provenance().rowsRead()).isEqualTo(60); // line 1 is data, not a header
        assertThat(m.provenance().config()).endsWith(",\"header\":false,\"names\":[\"" + NAMES.replace(",", "\",\"")
                + "\"],\"trim\":true}");
        assertThat(ModelReader.read(plainModel).provenance().config()).doesNotContain("\"trim\"", "\"header\"");
    }

    @Test
    void scoresWithTheModelsDialectAsThePlainFileScores() throws IOException {
        Path fromPadded = dir.resolve("padded.scored.csv");
        // --no-header without --names takes the model's names; trimming follows the model.
        CliRun s = CliRun.of("score", "--model", padded.toString(), "--data", ADULT.toString(), "--no-header",
                "--out", fromPadded.toString(), "-q");
        assertThat(s.exitCode()).as(s.err()).isZero();
        Path fromPlain = dir.resolve("plain.scored.csv");
        CliRun p = CliRun.of("score", "--model", plainModel.toString(), "--data", plain.toString(),
                "--out", fromPlain.toString(), "-q");
        assertThat(p.exitCode()).as(p.err()).isZero();

        List<String> scores = Files.readAllLines(fromPadded);
        assertThat(scores).hasSize(61).isEqualTo(Files.readAllLines(fromPlain));
        assertThat(scores.get(0)).startsWith("score,probability,score10,grade,");
        assertThat(scores.stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet())).hasSizeGreaterThan(3);
    }

    @Test
    void evaluateAndMonitorReadTheFileAsTrained() {
        CliRun e = CliRun.of("evaluate", "--model", padded.toString(), "--data", ADULT.toString(), "--no-header",
                "--out", dir.resolve("eval").toString(), "-q");
        assertThat(e.exitCode()).as(e.err()).isZero();
        CliRun m = CliRun.of("monitor", "--model", padded.toString(), "--current", ADULT.toString(), "--no-header",
                "--names", NAMES, "--out", dir.resolve("monitor").toString(), "-q");
        assertThat(m.exitCode()).as(m.err()).isIn(0, 3);
        assertThat(m.err()).doesNotContain("error");
    }

    @Test
    void scoringAHeaderlessFileWithoutNoHeaderSaysSo() {
        CliRun s = CliRun.of("score", "--model", padded.toString(), "--data", ADULT.toString(),
                "--out", dir.resolve("nope.csv").toString(), "-q");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).startsWith("error: " + ADULT + ", line 1: the header lacks columns ")
                .endsWith("; the model was trained on a file without a header: pass --no-header to read the first line"
                        + " as data with the model's names\n");
    }

    @Test
    void withoutTrimTheLoaderWarnsAboutPaddedNumbers() {
        CliRun b = CliRun.of("bin", "--data", ADULT.toString(), "--no-header", "--names", NAMES, "--target", "income",
                "--positive", " >50K", "--out", dir.resolve("bins").toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).contains("warning: " + ADULT + ": column 'fnlwgt' holds numbers with spaces around them,"
                + " e.g. ' 77516' on line 1, so it is loaded as categorical; pass --trim (trim: true in the config) to"
                + " read them as numbers\n");
        assertThat(b.out()).doesNotContain("column 'age' holds"); // the first field has no space before it
    }

    @Test
    void noHeaderWithoutNamesIsAUsageError() {
        CliRun b = CliRun.of("bin", "--data", ADULT.toString(), "--no-header", "--target", "income",
                "--out", dir.resolve("bins2").toString());
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).isEqualTo("error: a file without a header (--no-header, header: false) needs the column"
                + " names: pass --names a,b,c or set names: [a, b, c] in the config\n");
    }
}
