package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad option value is named by the option the user typed ({@code --monotonic}), not by the config
 * key it overrides ({@code monotonic}); the same value in a config file keeps naming the file, line
 * and key. Every value is refused before any data is read, so no run needs real files.
 */
class OptionValueErrorsTest {
    private static final String GERMAN = TrainCommandTest.GERMAN;

    @TempDir
    Path tmp;

    private String error(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        return run.err().strip();
    }

    private String[] train(String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", GERMAN, "--target", "creditability", "--out",
                tmp.resolve("m").toString(), "-q"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void binningAndTrainingOptionsAreNamedAsTyped() {
        assertThat(error(train("--monotonic", "up")))
                .isEqualTo("error: --monotonic: 'up' is not one of auto, ascending, descending, peak, valley, none");
        assertThat(error(train("--method", "tree")))
                .isEqualTo("error: --method: 'tree' is not one of optimal, chimerge, quantile, width");
        assertThat(error(train("--missing", "drop")))
                .isEqualTo("error: --missing: 'drop' is not one of separate, merge-with-closest-woe");
        assertThat(error(train("--max-bins", "0"))).isEqualTo("error: --max-bins: 0 is out of range; expected from 1 to 100");
        assertThat(error(train("--min-bin-share", "2")))
                .isEqualTo("error: --min-bin-share: 2.0 is out of range; expected at least 0 and below 0.5");
        assertThat(error(train("--max-prebins", "1")))
                .isEqualTo("error: --max-prebins: 1 is out of range; expected from 2 to 500");
        assertThat(error(train("--threads", "0"))).isEqualTo("error: --threads: 0 is out of range; expected at least 1");
        assertThat(error(train("--split", "70"))).isEqualTo("error: --split: 70.0 is out of range; expected above 0 and below 1");
        assertThat(error(train("--higher-score-means", "good")))
                .isEqualTo("error: --higher-score-means: 'good' is not one of event, non-event");
        assertThat(error(train("--pdo", "0"))).isEqualTo("error: --pdo: 0.0 is out of range; expected a finite number above 0");
        assertThat(error(train("--challenger", "xgb"))).isEqualTo("error: --challenger: 'xgb' is not one of gbm, rf");
        assertThat(error(train("--cutoff-bands", "0")))
                .isEqualTo("error: --cutoff-bands: 0 is out of range; expected at least 1");
        assertThat(error("bin", "--data", GERMAN, "--target", "creditability", "--out", tmp.resolve("b").toString(),
                "--monotonic", "up")).isEqualTo(
                        "error: --monotonic: 'up' is not one of auto, ascending, descending, peak, valley, none");
    }

    /** A share above 1 would let every row be rejected; the fold count has a range of its own. */
    @Test
    void theRejectShareAndTheFoldCountAreRefusedAtTheOption() {
        String share = "error: --max-reject-share: 2.0 is out of range; expected a share from 0 to 1 (0.05 for 5 %)";
        assertThat(error(train("--max-reject-share", "2"))).endsWith(share);
        assertThat(error("bin", "--data", GERMAN, "--target", "creditability", "--out", tmp.resolve("b").toString(),
                "--max-reject-share", "-0.1")).endsWith("error: --max-reject-share: -0.1 is out of range; expected a share "
                        + "from 0 to 1 (0.05 for 5 %)");
        assertThat(error("score", "--model", tmp.resolve("model.json").toString(), "--data", GERMAN, "--out",
                tmp.resolve("s.csv").toString(), "--max-reject-share", "2")).endsWith(share);
        assertThat(error("evaluate", "--model", tmp.resolve("model.json").toString(), "--data", GERMAN, "--out",
                tmp.resolve("e").toString(), "--max-reject-share", "2")).endsWith(share);
        assertThat(error("monitor", "--model", tmp.resolve("model.json").toString(), "--current", GERMAN, "--out",
                tmp.resolve("m").toString(), "--max-reject-share", "2")).endsWith(share);
        assertThat(error(train("--name", " "))).endsWith("error: --name: the model needs a name; got ' '");
        assertThat(error(train("--cv", "1"))).endsWith("error: --cv: 1 is out of range; expected 0 (off) or 2 to 20 folds");
    }

    @Test
    void scoreAndExportOptionsAreNamedAsTyped() {
        String model = tmp.resolve("model.json").toString(); // refused before the model is read
        String[] score = {"score", "--model", model, "--data", GERMAN, "--out", tmp.resolve("s.csv").toString()};
        assertThat(error(with(score, "--format", "xml"))).isEqualTo("error: --format: 'xml' is not one of csv, jsonl");
        assertThat(error(with(score, "--reason-baseline", "median")))
                .isEqualTo("error: --reason-baseline: 'median' is not one of max, mean");
        String[] export = {"export", "--model", model, "--out", tmp.resolve("e.sql").toString()};
        assertThat(error(with(export, "--format", "xml")))
                .isEqualTo("error: --format: 'xml' is not one of pmml, sql, markdown, csv");
        assertThat(error(with(export, "--format", "sql", "--dialect", "oracle")))
                .isEqualTo("error: --dialect: 'oracle' is not one of ansi, postgres, duckdb, h2, sqlite");
        assertThat(error(with(export, "--format", "sql", "--reasons", "200")))
                .isEqualTo("error: --reasons: 200 is out of range; expected 0 to 100");
        assertThat(error(with(export, "--format", "pmml", "--reason-baseline", "median")))
                .isEqualTo("error: --reason-baseline: 'median' is not one of max, mean");
    }

    @Test
    void theConfigFileStillNamesFileLineAndKey() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), "target: creditability\nbinning: {monotonic: up}\n");
        assertThat(error("train", "--data", GERMAN, "--config", cfg.toString(), "--out", tmp.resolve("m").toString()))
                .isEqualTo("error: " + cfg + ", line 2: key 'binning.monotonic': monotonic: 'up' is not one of auto,"
                        + " ascending, descending, peak, valley, none");
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
