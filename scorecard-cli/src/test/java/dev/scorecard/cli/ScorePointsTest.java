package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.Characteristic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --points} and {@code --woe} (issue 11): one column per characteristic, in model order,
 * after {@code warnings} and before the {@code --keep} columns, holding what the scorer added up. The
 * sum over every row of every shipped dataset is held by {@link CliParityTest}; standard output and
 * gzip input by {@link ScoreStreamsTest}.
 */
class ScorePointsTest {
    /**
     * The hand-built model of core's {@code TestModels.germanLike()}, written as a v1 fixture: base
     * points 624; duration {@code [-inf, 8.5)} 40 points WOE −1.4427, {@code [8.5, 20.5)} 9 / −0.3228,
     * {@code [20.5, inf)} −23 / 0.8081, special −1 −12 / 0.4418, Missing −17 / 0.6242; purpose
     * car (new) −9 / 0.3953, furniture/equipment and radio/television 6 / −0.2513, business, education
     * and vacation 0 / 0, Else 0 / 0.
     */
    static final Path SMALL_MODEL = Path.of("../scorecard-core/src/test/resources/model/v1/small-model.json");

    @TempDir
    Path tmp;

    private Path leads() throws IOException {
        Path data = tmp.resolve("leads.csv");
        Files.writeString(data, "lead_id,duration,purpose,note\n"
                + "L1,6,car (new),a\n"
                + "L2,10,radio/television,b\n"
                + "L3,30,business,c\n"
                + "L4,-1,spaceship,d\n"
                + "L5,NA,education,e\n");
        return data;
    }

    @Test
    void eachRowHasThePointsAndWoeOfItsBinsByHand() throws IOException {
        Path out = tmp.resolve("scored.csv");
        CliRun run = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", leads().toString(), "--out",
                out.toString(), "--id", "lead_id", "--keep", "note", "--reasons", "1", "--points", "--woe", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("lead_id,score,probability,score10,grade,reason1,warnings,"
                + "points_duration,points_purpose,woe_duration,woe_purpose,note");
        // score = 624 + points_duration + points_purpose.
        assertThat(columns(lines.get(1))).containsExactly("L1", "655", "A", "40", "-9", "-1.4427", "0.3953", "a");
        assertThat(columns(lines.get(2))).containsExactly("L2", "639", "B", "9", "6", "-0.3228", "-0.2513", "b");
        assertThat(columns(lines.get(3))).containsExactly("L3", "601", "E", "-23", "0", "0.8081", "0", "c");
        // -1 is duration's special value; spaceship, a level never seen, goes to purpose's Else bin.
        assertThat(columns(lines.get(4))).containsExactly("L4", "612", "D", "-12", "0", "0.4418", "0", "d");
        // NA is a missing token: duration's Missing bin.
        assertThat(columns(lines.get(5))).containsExactly("L5", "607", "D", "-17", "0", "0.6242", "0", "e");
        assertThat(lines).hasSize(6);
    }

    /** The id, score, grade and the four added columns and the kept one, by name. */
    private static List<String> columns(String line) {
        List<String> f = BinCommandTest.parse(line);
        return List.of(f.get(0), f.get(1), f.get(4), f.get(7), f.get(8), f.get(9), f.get(10), f.get(11));
    }

    @Test
    void jsonLinesCarryTheSameFieldsBetweenWarningsAndTheKeptColumns() throws IOException {
        Path out = tmp.resolve("scored.jsonl");
        CliRun run = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", leads().toString(), "--out",
                out.toString(), "--keep", "note", "--reasons", "0", "--format", "jsonl", "--points", "--woe", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"score\":655,").endsWith("\"reasons\":[],\"warnings\":[],"
                + "\"points_duration\":40,\"points_purpose\":-9,\"woe_duration\":-1.4427,\"woe_purpose\":0.3953,"
                + "\"note\":\"a\"}");
        assertThat(lines.get(4)).startsWith("{\"score\":607,").endsWith("\"warnings\":[],"
                + "\"points_duration\":-17,\"points_purpose\":0,\"woe_duration\":0.6242,\"woe_purpose\":0,\"note\":\"e\"}");
        // Either option alone adds only its own columns.
        CliRun woe = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", leads().toString(), "--out",
                out.toString(), "--reasons", "0", "--format", "jsonl", "--woe", "-q");
        assertThat(woe.exitCode()).as(woe.err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).endsWith("\"warnings\":[],\"woe_duration\":-0.3228,\"woe_purpose\":-0.2513}");
    }

    /**
     * A value in no bin, a missing age (training saw none, so age has no Missing bin) and an unseen
     * city (city has no Else bin), scores the characteristic's neutral points with WOE 0, as its
     * warning says.
     */
    @Test
    void aValueInNoBinHasTheNeutralPointsAndWoeZero() throws IOException {
        Path model = SmallModel.train(tmp);
        List<Characteristic> cs = Scorecard.load(model).model().characteristics();
        List<String> names = cs.stream().map(Characteristic::name).toList();
        // Model order is the order selection took them in, not the file's.
        assertThat(names).as("the small model keeps all three").containsExactly("income", "city", "age");
        Path data = tmp.resolve("odd.csv");
        Files.writeString(data, "id,income,age,city\nA,3000,,Pune\n");
        Path out = tmp.resolve("odd-scored.csv");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--id", "id", "--reasons", "0", "--points", "--woe", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id,score,probability,score10,grade,warnings,points_income,points_city,"
                + "points_age,woe_income,woe_city,woe_age");
        List<String> f = BinCommandTest.parse(lines.get(1));
        assertThat(f.get(5)).isEqualTo("unseen:city=Pune;missing:age");
        assertThat(Double.parseDouble(f.get(7))).isEqualTo(cs.get(1).neutralPoints());
        assertThat(Double.parseDouble(f.get(8))).isEqualTo(cs.get(2).neutralPoints());
        assertThat(f.get(9)).as("income 3000 falls in a regular bin, whose WOE is not 0").isNotEqualTo("0");
        assertThat(f.subList(10, 12)).containsExactly("0", "0");
        double score = Scorecard.load(model).model().basePoints() + Double.parseDouble(f.get(6))
                + Double.parseDouble(f.get(7)) + Double.parseDouble(f.get(8));
        assertThat(Double.parseDouble(f.get(1))).isEqualTo(score);
    }

    /** An input column kept under a name the new columns take is refused before anything is written. */
    @Test
    void aKeptColumnNamedLikeAnAddedColumnIsRefused() throws IOException {
        Path data = tmp.resolve("named.csv");
        Files.writeString(data, "points_purpose,duration,purpose,woe_duration\n1,6,car (new),2\n");
        Path out = tmp.resolve("scored.csv");
        Files.writeString(out, "an earlier run's scores\n");
        CliRun keep = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", data.toString(), "--out",
                out.toString(), "--keep", "points_purpose", "--points");
        assertThat(keep.exitCode()).isEqualTo(2);
        assertThat(keep.err()).isEqualTo("error: --keep: column 'points_purpose' has the name of the --points column of "
                + "characteristic 'purpose'; an output cannot have two columns of one name: rename the input column or "
                + "leave it out of --keep" + System.lineSeparator());
        CliRun id = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", data.toString(), "--out",
                out.toString(), "--id", "woe_duration", "--points", "--woe");
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err()).isEqualTo("error: --id: column 'woe_duration' has the name of the --woe column of "
                + "characteristic 'duration'; an output cannot have two columns of one name: rename the input column or "
                + "leave it out of --id" + System.lineSeparator());
        assertThat(Files.readString(out)).isEqualTo("an earlier run's scores\n");
        assertThat(tmp.resolve("scored.csv.rejects.csv")).doesNotExist();
        // Without the option that takes its name, the column is just another input column.
        CliRun fine = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", data.toString(), "--out",
                out.toString(), "--keep", "woe_duration", "--reasons", "0", "--points", "-q");
        assertThat(fine.exitCode()).as(fine.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("score,probability,score10,grade,warnings,points_duration,points_purpose,woe_duration");
        assertThat(lines.get(1)).startsWith("655,").endsWith(",A,,40,-9,2");
    }

    /**
     * An input column kept under the name of a column score always writes is refused too (before, the
     * file got two "score" columns); the same column under --id and --keep stays allowed.
     */
    @Test
    void aKeptColumnNamedLikeAFixedOutputColumnIsRefused() throws IOException {
        Path data = tmp.resolve("fixed.csv");
        Files.writeString(data, "score,duration,purpose,grade,reasons\n7,6,car (new),x,y\n");
        Path out = tmp.resolve("fixed-scored.csv");
        for (String[] c : new String[][] {{"--keep", "score", "csv"}, {"--id", "grade", "csv"},
                {"--keep", "reasons", "jsonl"}}) {
            CliRun run = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", data.toString(), "--out",
                    out.toString(), c[0], c[1], "--format", c[2]);
            assertThat(run.exitCode()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(run.err()).isEqualTo("error: " + c[0] + ": column '" + c[1] + "' has the name of a column score "
                    + "writes; an output cannot have two columns of one name: rename the input column or leave it out of "
                    + c[0] + System.lineSeparator());
            assertThat(out).doesNotExist();
        }
        // In CSV the reasons are reason1..N, so a column named reasons can be kept.
        CliRun csv = CliRun.of("score", "--model", SMALL_MODEL.toString(), "--data", data.toString(), "--out",
                out.toString(), "--keep", "reasons", "-q");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(Files.readAllLines(out).get(0)).endsWith(",warnings,reasons");
    }

    @Test
    void helpListsBothOptionsOnALineEach() {
        CliRun run = CliRun.of("score", "--help");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        int points = lines.indexOf("      --points              Add points_<characteristic>: the points it scored.");
        assertThat(points).as(run.out()).isPositive();
        assertThat(lines.get(points + 1)).isEqualTo("      --woe                 Add woe_<characteristic>: its bin's WOE, 0 if none.");
        assertThat(lines.get(points + 2)).startsWith("      --");
    }
}
