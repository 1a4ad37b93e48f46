package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "Help and errors": a misspelt option, command, column (also one that differs only in
 * case) or config key gets "did you mean", the error comes last after one short usage line, and the
 * whole help stays behind --help.
 */
class DidYouMeanTest {
    private static final String GERMAN = TrainCommandTest.GERMAN;

    @TempDir
    Path tmp;

    private static List<String> errLines(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        return run.err().lines().toList();
    }

    /** Only the first, most useful error: the knock-on "missing required option: '--data=FILE'" is left out. */
    @Test
    void aMisspeltOptionIsNamedWithTheOneMeant() {
        List<String> err = errLines(CliRun.of("train", "--dta", GERMAN, "--target", "creditability", "--out",
                tmp.resolve("m").toString()));
        assertThat(err).containsExactly("Usage: scorecard train [OPTIONS]; 'scorecard train --help' lists them.",
                "error: unknown option '--dta'; did you mean '--data'?");
        assertThat(errLines(CliRun.of("score", "--model=m.json", "--dat=x.csv", "--out", "o.csv")))
                .containsExactly("Usage: scorecard score [OPTIONS]; 'scorecard score --help' lists them.",
                        "error: unknown option '--dat'; did you mean '--data'?");
    }

    @Test
    void aMisspeltCommandIsNamedWithTheOneMeant() {
        assertThat(errLines(CliRun.of("trian", "--data", GERMAN))).containsExactly(
                "Usage: scorecard COMMAND [OPTIONS]; 'scorecard --help' lists them.",
                "error: unknown command 'trian'; did you mean 'train'?");
        // Nothing close: no guess.
        assertThat(errLines(CliRun.of("frobnicate"))).last().isEqualTo("error: unknown command 'frobnicate'");
    }

    /** {@code help tarin} said "unknown subcommand 'tarin'." with no guess; it now says what {@code tarin} says. */
    @Test
    void helpForAMisspeltCommandIsTheSameError() {
        assertThat(errLines(CliRun.of("help", "tarin"))).containsExactly(
                "Usage: scorecard COMMAND [OPTIONS]; 'scorecard --help' lists them.",
                "error: unknown command 'tarin'; did you mean 'train'?");
        assertThat(errLines(CliRun.of("help", "frobnicate"))).containsExactly(
                "Usage: scorecard COMMAND [OPTIONS]; 'scorecard --help' lists them.",
                "error: unknown command 'frobnicate'");
        assertThat(errLines(CliRun.of("help", "--bogus"))).containsExactly(
                "Usage: scorecard help [OPTIONS]; 'scorecard help --help' lists them.",
                "error: unknown option '--bogus'");
    }

    @Test
    void aBadValueIsTheLastLine() {
        List<String> err = errLines(CliRun.of("score", "--model", "m.json", "--data", "x.csv", "--out", "o.csv",
                "--reasons", "x"));
        assertThat(err).hasSize(2);
        assertThat(err.get(1)).isEqualTo("error: invalid value for option '--reasons': 'x' is not an int");
    }

    @Test
    void aColumnThatDiffersOnlyInCaseIsSuggested() {
        CliRun target = CliRun.of("bin", "--data", GERMAN, "--target", "Creditability", "--out", tmp.resolve("b").toString());
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err().strip()).startsWith("error: " + GERMAN + ": target column 'Creditability' is not in the header")
                .endsWith("; did you mean 'creditability'?");
        CliRun id = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--id", "Age_In_Years,telefone",
                "--out", tmp.resolve("c").toString());
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err().strip()).startsWith("error: " + GERMAN + ": unknown columns in id: 'Age_In_Years', 'telefone'")
                .endsWith("; did you mean 'age_in_years' for Age_In_Years, 'telephone' for telefone?");
    }

    @Test
    void aMisspeltConfigKeyIsSuggested() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "target: creditability\nbinning: {maxBin: 5}\n");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--config", cfg.toString(), "--out", tmp.resolve("d").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: " + cfg + ", line 2: key 'binning.maxBin': unknown key; known keys are ")
                .endsWith("; did you mean 'maxBins'?");
    }

    @Test
    void aModelColumnMissingFromTheDataIsSuggested() throws IOException {
        Path model = tmp.resolve("model");
        assertThat(CliRun.of("train", "--data", GERMAN, "--target", "creditability", "--out", model.toString(), "-q")
                .exitCode()).isZero();
        CliRun run = CliRun.of("score", "--model", model.resolve("model.json").toString(), "--data", GERMAN, "--out",
                tmp.resolve("s.csv").toString(), "--id", "Age_in_years");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("the header lacks column Age_in_years (--id) that the model needs")
                .endsWith("; did you mean 'age_in_years'?");
    }
}
