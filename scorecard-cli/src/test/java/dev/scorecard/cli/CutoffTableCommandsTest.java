package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cut-off table through the command line: {@code cutoffs.csv} from {@code train} (train and test
 * rows) and {@code evaluate}, {@code --cutoff-bands}, {@code --cutoff-width} and the config's
 * {@code cutoffs}, their errors, and {@code inspect} printing the training table.
 */
class CutoffTableCommandsTest {
    private static final String HEADER = "band,min_score,max_score,rows,events,non_events,event_rate,share,cum_rows,"
            + "cum_share,cum_events,cum_event_rate,events_captured,non_events_captured,ks";

    @TempDir
    static Path tmp;

    static Path model;

    @BeforeAll
    static void train() {
        Path out = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", TrainCommandTest.GERMAN, "--target", "creditability", "--positive", "bad",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("gains.csv, cutoffs.csv, ");
        model = out.resolve("model.json");
    }

    @Test
    void trainWritesTheTrainAndTestTablesOfTenBandsBesideGains() throws IOException {
        List<String> lines = Files.readAllLines(model.resolveSibling("cutoffs.csv"));
        assertThat(lines.get(0)).isEqualTo("evaluation," + HEADER);
        assertThat(lines.stream().filter(l -> l.startsWith("train,"))).hasSizeBetween(8, 10);
        assertThat(lines.stream().filter(l -> l.startsWith("test,"))).hasSizeBetween(8, 10);
        // The last band of each takes every row in: 700 training rows, 300 test rows, cum_share 1.
        assertThat(lines.stream().filter(l -> l.matches("(train|test),\\d+,[^,]+,[^,]+,\\d+,\\d+,\\d+,[^,]+,[^,]+,"
                + "(700|300),1,.*"))).hasSize(2);
    }

    @Test
    void evaluateWritesItsTableWithTheBandsAskedFor() throws IOException {
        Path out = tmp.resolve("eval-bands");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--out",
                out.toString(), "--cutoff-bands", "4", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("cutoffs.csv"));
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).startsWith("4,").contains(",1000,1,300,0.3,1,1,0");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h4>Cut-off table (germancredit.csv)</h4>");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"cutoffs\": {");
    }

    @Test
    void widthBandsAreMultiplesOfTheWidthAndTheCommandLineWinsOverTheConfig() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("bands.yaml"), "cutoffs: {bands: 3}\n");
        Path out = tmp.resolve("eval-width");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--config",
                cfg.toString(), "--cutoff-width", "50", "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("cutoffs.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double min = Double.parseDouble(f[1]);
            double max = Double.parseDouble(f[2]);
            // Every band lies within one [50k, 50(k+1)).
            assertThat(Math.floor(min / 50)).as(line).isEqualTo(Math.floor(max / 50));
        }
        assertThat(lines.size() - 1).isGreaterThan(3);

        Path byConfig = tmp.resolve("eval-config");
        CliRun config = CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--config",
                cfg.toString(), "--out", byConfig.toString(), "-q");
        assertThat(config.exitCode()).as(config.err()).isZero();
        assertThat(Files.readAllLines(byConfig.resolve("cutoffs.csv"))).hasSize(4);
    }

    @Test
    void theTwoOptionsAreExclusiveAndOutOfRangeValuesNameTheOption() throws IOException {
        for (String command : List.of("train", "evaluate")) {
            List<String> args = new java.util.ArrayList<>(command.equals("train")
                    ? List.of("train", "--data", TrainCommandTest.GERMAN, "--target", "creditability")
                    : List.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN));
            args.addAll(List.of("--out", tmp.resolve("never-" + command).toString()));

            CliRun both = run(args, "--cutoff-bands", "5", "--cutoff-width", "20");
            assertThat(both.exitCode()).as(command).isEqualTo(2);
            assertThat(both.err()).as(command).isEqualTo("Usage: scorecard " + command + " [OPTIONS]; 'scorecard "
                    + command + " --help' lists them.\nerror: --cutoff-bands and --cutoff-width cannot be used together: "
                    + "give one of --cutoff-bands N or --cutoff-width W\n");
            CliRun zero = run(args, "--cutoff-bands", "0");
            assertThat(zero.exitCode()).as(command).isEqualTo(2);
            assertThat(zero.err()).as(command).isEqualTo("error: --cutoff-bands: 0 is out of range; expected at least 1\n");
            CliRun negative = run(args, "--cutoff-width", "-5");
            assertThat(negative.exitCode()).as(command).isEqualTo(2);
            assertThat(negative.err()).as(command)
                    .isEqualTo("error: --cutoff-width: -5.0 is out of range; expected a finite number above 0\n");
            assertThat(tmp.resolve("never-" + command)).as(command).doesNotExist();
        }
        Path cfg = Files.writeString(tmp.resolve("both.yaml"), "gates: {minAuc: 0.5}\ncutoffs:\n  bands: 10\n  width: 20\n");
        CliRun config = CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--config",
                cfg.toString(), "--out", tmp.resolve("never").toString());
        assertThat(config.exitCode()).isEqualTo(2);
        assertThat(config.err()).isEqualTo("error: " + cfg + ", line 2: cutoffs: give either bands (equal-frequency "
                + "bands) or width (equal-width bands), not both\n");
    }

    @Test
    void inspectPrintsTheTrainingTableFromTheFileBesideTheModel() throws IOException {
        CliRun run = CliRun.of("inspect", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(model.resolveSibling("cutoffs.csv"));
        long train = lines.stream().filter(l -> l.startsWith("train,")).count();
        String out = run.out();
        assertThat(out.lines()).allMatch(l -> l.length() <= 100);
        String table = out.substring(out.indexOf("\ncut-off table of the training rows (cutoffs.csv), highest scores "
                + "first;\n  approve or call at or above a band's lowest score:\n"));
        assertThat(table.lines().filter(l -> l.matches(" +\\d+ .*"))).hasSize((int) train);
        assertThat(table).contains("  band          scores    rows  events  ev.rate cum.share cum.ev.rate  ev.capt  "
                + "ne.capt      KS\n");

        // A model file alone prints no table; one beside another run's table says so instead of showing it.
        Path alone = Files.createDirectories(tmp.resolve("alone")).resolve("model.json");
        Files.copy(model, alone);
        assertThat(CliRun.of("inspect", alone.toString()).out()).doesNotContain("cut-off table");
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.copy(model, other.resolve("model.json"));
        Files.write(other.resolve("cutoffs.csv"), List.of(lines.get(0), lines.get(1)));
        CliRun mismatch = CliRun.of("inspect", other.resolve("model.json").toString());
        assertThat(mismatch.exitCode()).isZero();
        assertThat(mismatch.out()).endsWith("\ncut-off table: not shown, " + other.resolve("cutoffs.csv") + " holds "
                + lines.get(1).split(",")[9] + " training rows and the model 700; it is not this model's\n");
    }

    private static CliRun run(List<String> args, String... more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return CliRun.of(all.toArray(String[]::new));
    }
}
