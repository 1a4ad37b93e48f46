package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code scorecard score}. */
class ScoreCommandTest {
    static final String GERMAN = "../datasets/germancredit/germancredit.csv";

    @TempDir
    static Path shared;

    static Path model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        Path out = shared.resolve("model");
        CliRun run = CliRun.of("train", "--data", GERMAN, "--target", "creditability", "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("model.json");
    }

    /** Embedded = CLI: every row's score, probability, score10, grade and reasons agree. */
    @Test
    void cliAgreesWithTheEmbeddedScorer() throws IOException {
        Path out = tmp.resolve("scored.csv");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", GERMAN, "--out", out.toString(),
                "--keep", "creditability");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1000 rows: 1000 scored, 0 rejected");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(0)).isEqualTo("score,probability,score10,grade,reason1,reason2,reason3,reason4,warnings,creditability");
        Scorecard scorecard = Scorecard.load(model);
        List<String> input = Files.readAllLines(Path.of(GERMAN));
        List<String> header = BinCommandTest.parse(input.get(0));
        for (int i = 1; i <= 1000; i += 37) {
            List<String> fields = BinCommandTest.parse(input.get(i).replace("\r", ""));
            Map<String, Object> row = new HashMap<>();
            for (int f = 0; f < header.size(); f++) {
                row.put(header.get(f), fields.get(f));
            }
            ScoreResult r = scorecard.score(row);
            List<String> scored = BinCommandTest.parse(lines.get(i));
            assertThat(Double.parseDouble(scored.get(0))).as("row %d", i).isEqualTo(r.score());
            // The file rounds probabilities to 15 decimals; SPEC §7 asks for parity to 1e-9.
            assertThat(Double.parseDouble(scored.get(1))).as("row %d", i).isCloseTo(r.probability(), within(1e-15));
            assertThat(scored.get(3)).isEqualTo(r.grade());
            assertThat(scored.subList(4, 4 + r.reasons().size())).isEqualTo(r.reasons());
        }
    }

    @Test
    void badRowsAreRejectedOrFlaggedAndNothingIsLost() throws IOException {
        List<String> input = Files.readAllLines(Path.of(GERMAN));
        StringBuilder csv = new StringBuilder("lead_id," + input.get(0) + "\n");
        for (int i = 1; i <= 200; i++) {
            String line = input.get(i);
            if (i == 5) {
                line = line.replaceFirst("^([^,]*),(\\d+),", "$1,12x,"); // text in duration_in_month
            } else if (i == 9) {
                line = line.replace("radio/television", "spaceship").replace("car (new)", "spaceship");
            } else if (i == 12) {
                line = line.substring(0, line.lastIndexOf(',')); // one field short
            }
            csv.append(i == 20 ? "" : "L" + i).append(',').append(line).append('\n'); // row 20: empty id
        }
        Path data = tmp.resolve("leads.csv");
        Files.writeString(data, csv, StandardCharsets.UTF_8);
        Path out = tmp.resolve("scored.csv");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--id", "lead_id", "--max-reject-share", "0.05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("200 rows: 197 scored, 3 rejected");
        List<String> scored = Files.readAllLines(out);
        assertThat(scored).hasSize(198);
        assertThat(scored.stream().filter(l -> l.startsWith("L5,") || l.startsWith("L12,"))).isEmpty();
        List<String> rejects = Files.readAllLines(tmp.resolve("scored.csv.rejects.csv"));
        assertThat(rejects).hasSize(4);
        assertThat(rejects.get(1)).startsWith("6,column 'duration_in_month': value '12x' is not a number,L5,");
        assertThat(rejects.get(2)).startsWith("13,\"expected 22 fields as in the header, found 21\",L12,");
        assertThat(rejects.get(3)).startsWith("21,id column 'lead_id' is empty,,");
        // Row 9 was radio/television, now a level training never saw: scored neutrally and flagged.
        assertThat(input.get(9)).contains(",radio/television,");
        String l9 = scored.stream().filter(l -> l.startsWith("L9,")).findFirst().orElseThrow();
        assertThat(l9).endsWith(",unseen:purpose=spaceship");
    }

    @Test
    void idsWithCommasAndQuotesAreQuotedInTheOutput() throws IOException {
        List<String> input = Files.readAllLines(Path.of(GERMAN));
        String csv = "lead_id," + input.get(0) + "\n"
                + "\"Smith, J.\"," + input.get(1) + "\n"
                + "\"say \"\"hi\"\"\"," + input.get(2) + "\n";
        Path data = tmp.resolve("ids.csv");
        Files.writeString(data, csv);
        Path out = tmp.resolve("scored.csv");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--id", "lead_id", "--reasons", "1", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("lead_id,score,probability,score10,grade,reason1,warnings");
        assertThat(lines.get(1)).startsWith("\"Smith, J.\",");
        assertThat(lines.get(2)).startsWith("\"say \"\"hi\"\"\",");
        assertThat(BinCommandTest.parse(lines.get(1))).hasSize(7);
    }

    @Test
    void jsonLinesKeepTheIdAndTheOrder() throws IOException {
        Path out = tmp.resolve("scored.jsonl");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", GERMAN, "--out", out.toString(),
                "--format", "jsonl", "--reasons", "1", "--keep", "creditability", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1000);
        assertThat(lines.get(0)).startsWith("{\"score\":").contains("\"reasons\":[\"").endsWith(",\"creditability\":\"good\"}");
        assertThat(lines.get(1)).endsWith(",\"creditability\":\"bad\"}");
    }

    @Test
    void tooManyRejectsWriteNothingUnderTheOutputName() throws IOException {
        Path data = tmp.resolve("bad.csv");
        List<String> input = Files.readAllLines(Path.of(GERMAN));
        StringBuilder csv = new StringBuilder(input.get(0) + "\n");
        for (int i = 1; i <= 10; i++) {
            csv.append(i % 2 == 0 ? input.get(i).replaceFirst("^([^,]*),(\\d+),", "$1,abc,") : input.get(i)).append('\n');
        }
        Files.writeString(data, csv);
        Path out = tmp.resolve("scored.csv");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("5 of 10 rows (50.00 %) could not be scored, over --max-reject-share 0.01; nothing was written to");
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.readAllLines(tmp.resolve("scored.csv.rejects.csv"))).hasSize(6);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aMissingCharacteristicColumnIsAnError() throws IOException {
        Path data = tmp.resolve("few.csv");
        Files.writeString(data, "a,b\n1,2\n");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + data + ", line 1: the header lacks columns status_of_existing_checking_account, ");
    }

    @Test
    void anEditedModelIsRefusedUnlessTheChecksumIsIgnored() throws IOException {
        String text = Files.readString(model);
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, text.replaceFirst("\"name\": \"germancredit\"", "\"name\": \"renamed\""));
        assertThat(Files.readString(edited)).isNotEqualTo(text);
        CliRun run = CliRun.of("score", "--model", edited.toString(), "--data", GERMAN, "--out", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("checksum mismatch", "--ignore-checksum");
        CliRun ok = CliRun.of("score", "--model", edited.toString(), "--data", GERMAN, "--out", tmp.resolve("o.csv").toString(),
                "--ignore-checksum", "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        // A changed number is caught even without the checksum: the verification cases no longer reproduce.
        String points = text.replaceFirst("\"points\": (-?\\d+)", "\"points\": 12345");
        Path tampered = tmp.resolve("tampered.json");
        Files.writeString(tampered, points);
        CliRun bad = CliRun.of("score", "--model", tampered.toString(), "--data", GERMAN, "--out",
                tmp.resolve("o2.csv").toString(), "--ignore-checksum");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("does not reproduce");
    }
}
