package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.ScorecardModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code scorecard export} (Markdown and CSV). */
class ExportCommandTest {
    @TempDir
    static Path tmp;

    static Path modelDir;

    @BeforeAll
    static void train() {
        modelDir = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", TrainCommandTest.GERMAN, "--target", "creditability", "--out",
                modelDir.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void csvIsTheTrainingPointsTable() throws IOException {
        Path out = tmp.resolve("points.csv");
        CliRun run = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "csv", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(modelDir.resolve("scorecard.csv")));
    }

    @Test
    void markdownHasOneRowPerBinAndEscapesPipes() throws IOException {
        Path out = tmp.resolve("scorecard.md");
        CliRun run = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "markdown",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        ScorecardModel m = ModelReader.read(modelDir.resolve("model.json"));
        List<String> lines = Files.readAllLines(out);
        int pointsStart = lines.indexOf("## Points");
        int pointsEnd = lines.indexOf("## Coefficients");
        long rows = lines.subList(pointsStart, pointsEnd).stream().filter(l -> l.startsWith("|")).count();
        int bins = m.characteristics().stream().mapToInt(c -> c.bins().size() + 1).sum();
        assertThat(rows).as("header, rule, base points, then each bin and each 'no bin' line").isEqualTo(3 + bins);
        // Every table row has exactly six cells: a '|' inside a label (germancredit's merged levels) is escaped.
        for (String l : lines.subList(pointsStart + 2, pointsEnd)) {
            if (l.startsWith("|")) {
                assertThat(l.replace("\\|", "").chars().filter(ch -> ch == '|').count()).as(l).isEqualTo(7);
            }
        }
        assertThat(lines).anyMatch(l -> l.contains("\\| no credits taken"));
        assertThat(lines).contains("# Scorecard: germancredit", "## Grades");
        for (Characteristic c : m.characteristics()) {
            assertThat(lines).anyMatch(l -> l.startsWith("| " + c.name().replace("_", "\\_") + " |"));
        }
    }

    /**
     * {@code --out -} is standard output, as for score: the export alone goes there, byte for byte what
     * the file would hold, and no file named {@code -} is written.
     */
    @Test
    void aDashIsStandardOutput() throws IOException {
        String model = modelDir.resolve("model.json").toString();
        for (String format : List.of("pmml", "sql", "markdown", "csv")) {
            Path file = tmp.resolve("export." + format);
            assertThat(CliRun.of("export", "--model", model, "--format", format, "--out", file.toString()).exitCode()).isZero();
            CliRun run = CliRun.of("export", "--model", model, "--format", format, "--out", "-");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).as(format).isEqualTo(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(run.err()).isEqualTo("wrote standard output\n");
            assertThat(CliRun.of("export", "--model", model, "--format", format, "--out", "-", "-q").err()).isEmpty();
        }
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "xml", "--out",
                tmp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --format: 'xml' is not one of pmml, sql, markdown, csv\n");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    /** The SQL's parity with the scorer is proven in scorecard-train (SqlExportParityTest); here, the options reach it. */
    @Test
    void sqlNamesTheTableAndPassesTheIdsThrough() throws IOException {
        Path out = tmp.resolve("score.sql");
        CliRun run = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "sql", "--table",
                "crm.leads", "--id", "lead_id", "--dialect", "postgres", "--reasons", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String sql = Files.readString(out);
        assertThat(sql).startsWith("-- Scorecard model 'germancredit'").contains("dialect postgres", "FROM \"crm\".\"leads\"",
                "\"lead_id\"", "\"reason2\"").doesNotContain("\"reason3\"");
        CliRun bad = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "sql", "--dialect",
                "oracle", "--out", tmp.resolve("bad.sql").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: --dialect: 'oracle' is not one of ansi, postgres, duckdb, h2, sqlite\n");
    }

    /** {@code --dialect sqlite} reaches the export: SQLite's spellings (SqlExportParityTest runs them on SQLite). */
    @Test
    void sqlInTheSqliteDialect() throws IOException {
        Path out = tmp.resolve("score-sqlite.sql");
        CliRun run = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "sql", "--dialect",
                "sqlite", "--id", "lead_id", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).contains("dialect sqlite", "\"leads\".\"lead_id\" AS \"lead_id\"", "LTRIM(")
                .doesNotContain("TRIM(LEADING", "CAST('NaN'");
        CliRun help = CliRun.of("export", "--help");
        // Picocli wraps the option's description: compare with the line breaks folded.
        assertThat(help.out().replaceAll("\\s+", " ")).contains("or sqlite (SQLite 3.35+ with its math functions).");
    }

    /** The PMML's parity with the scorer is proven in scorecard-train (PmmlParityTest); here, the command writes it. */
    @Test
    void pmmlIsAPmml44Scorecard() throws IOException {
        Path out = tmp.resolve("scorecard.pmml");
        CliRun run = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "pmml", "--reasons",
                "3", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String pmml = Files.readString(out);
        assertThat(pmml).startsWith("<?xml").contains("<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"",
                "<Scorecard ", "useReasonCodes=\"true\"", "reasonCodeAlgorithm=\"pointsBelow\"");
        CliRun again = CliRun.of("export", "--model", modelDir.resolve("model.json").toString(), "--format", "pmml",
                "--reasons", "3", "--out", tmp.resolve("again.pmml").toString());
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("again.pmml"))).isEqualTo(Files.readAllBytes(out));
    }
}
