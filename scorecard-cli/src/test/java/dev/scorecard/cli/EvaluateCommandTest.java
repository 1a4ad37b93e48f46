package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code scorecard evaluate} on germancredit. */
class EvaluateCommandTest {
    @TempDir
    static Path tmp;

    static Path model;

    @BeforeAll
    static void train() {
        Path out = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", TrainCommandTest.GERMAN, "--target", "creditability", "--out", out.toString(),
                "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("model.json");
    }

    @Test
    void evaluatesTheWholeFileAndWritesTheReport() throws IOException {
        Path out = tmp.resolve("eval");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).as("the files written wrap").allMatch(l -> l.length() <= 100);
        assertThat(run.out()).startsWith("1000 rows: 1000 evaluated, 0 rejected\n")
                .containsPattern("events 300 \\(30\\.00 %\\)  AUC 0\\.\\d{4}  KS 0\\.\\d{4}");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        assertThat(out.resolve("report.json")).exists();
    }

    /** The target is named as it was asked for: "(--target)" only when --target was given. */
    @Test
    void aMissingTargetIsNamedAsAskedFor() throws IOException {
        Path data = Files.writeString(tmp.resolve("no-target.csv"), String.join(",", features()) + "\n"
                + String.join(",", features().stream().map(f -> "1").toList()) + "\n");
        List<String> args = List.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("never").toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + data + ", line 1: the header lacks column creditability (the model's"
                + " target) that the model needs; the header has " + String.join(", ", features()) + "\n");
        List<String> named = new ArrayList<>(args);
        named.addAll(List.of("--target", "outcome"));
        CliRun given = CliRun.of(named.toArray(String[]::new));
        assertThat(given.exitCode()).isEqualTo(2);
        assertThat(given.err()).startsWith("error: " + data + ", line 1: the header lacks column outcome (--target) that"
                + " the model needs; ");
    }

    /** @return the model's characteristics: every column it needs but the target */
    private static List<String> features() throws IOException {
        return dev.scorecard.core.Scorecard.load(model, true).model().characteristics().stream().map(c -> c.name()).toList();
    }

    /**
     * Issue 11: the model keeps both target labels, so a file whose labels are written differently
     * (adult's test file writes {@code >50K.}) is refused row by row with a reason that says how to name
     * them, and {@code --positive}/{@code --negative} read it exactly as the original.
     */
    @Test
    void labelsWrittenDifferentlyAreNamedWithPositiveAndNegative() throws IOException {
        assertThat(Files.readString(model)).contains("\"event\": \"bad\",\n  \"nonEvent\": \"good\",");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(TrainCommandTest.GERMAN), StandardCharsets.UTF_8));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replaceAll(",good$", ",GOOD.").replaceAll(",bad$", ",BAD."));
        }
        Path data = Files.write(tmp.resolve("dotted.csv"), lines, StandardCharsets.UTF_8);

        CliRun refused = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("dotted-refused").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        List<String> rejects = Files.readAllLines(tmp.resolve("dotted-refused").resolve("rejects.csv"));
        assertThat(rejects.get(1)).startsWith("2,\"target 'creditability' is 'GOOD.', neither the event 'bad' nor the "
                + "non-event 'good'; --positive and --negative name a file's own labels\",");

        Path plain = tmp.resolve("plain");
        Path dotted = tmp.resolve("dotted");
        assertThat(CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--out",
                plain.toString(), "-q").exitCode()).isZero();
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out", dotted.toString(),
                "--positive", "BAD.", "--negative", "GOOD.");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1000 rows: 1000 evaluated, 0 rejected\n");
        for (String f : List.of("gains.csv", "grades.csv", "calibration.csv", "score-psi.csv")) {
            assertThat(Files.readString(dotted.resolve(f))).as(f).isEqualTo(Files.readString(plain.resolve(f)));
        }

        // Monitor reads them the same way: the same AUC as on the original file.
        CliRun monitorPlain = CliRun.of("monitor", "--model", model.toString(), "--current", TrainCommandTest.GERMAN,
                "--target", "creditability", "--out", tmp.resolve("m-plain").toString());
        CliRun monitorDotted = CliRun.of("monitor", "--model", model.toString(), "--current", data.toString(),
                "--target", "creditability", "--positive", "BAD.", "--negative", "GOOD.", "--out",
                tmp.resolve("m-dotted").toString());
        assertThat(monitorDotted.exitCode()).as(monitorDotted.err()).isEqualTo(monitorPlain.exitCode());
        String performance = monitorPlain.out().lines().filter(l -> l.startsWith("performance:")).findFirst().orElseThrow();
        assertThat(monitorDotted.out()).contains(performance);

        CliRun same = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("same").toString(), "--positive", "BAD.", "--negative", "BAD.");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err().strip()).isEqualTo("error: --positive and --negative are both 'BAD.'; the event and the "
                + "non-event need different values");
    }

    @Test
    void aThirdTargetValueIsRejectedWithItsLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(TrainCommandTest.GERMAN), StandardCharsets.UTF_8));
        lines.set(5, lines.get(5).replaceAll(",(good|bad)$", ",maybe"));
        lines.set(7, lines.get(7).replaceAll(",(good|bad)$", ","));
        Path data = Files.write(tmp.resolve("third.csv"), lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("third");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--max-reject-share", "0.01");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1000 rows: 998 evaluated, 2 rejected\n");
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(3);
        assertThat(rejects.get(1)).startsWith("6,\"target 'creditability' is 'maybe', neither the event 'bad' nor ");
        assertThat(rejects.get(2)).startsWith("8,target 'creditability' is missing,");
    }

    @Test
    void oneClassIsAClearErrorAndGatesExitFour() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(TrainCommandTest.GERMAN), StandardCharsets.UTF_8);
        List<String> good = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.endsWith(",good")).forEach(good::add);
        Path data = Files.write(tmp.resolve("good.csv"), good, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("good").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: good.csv: evaluation needs both events and non-events, but target "
                + "'creditability' has 0 events and 700 non-events in 700 rows\n");

        Path cfg = Files.writeString(tmp.resolve("gates.yaml"), "gates: {minAuc: 0.99}\n");
        CliRun gated = CliRun.of("evaluate", "--model", model.toString(), "--data", TrainCommandTest.GERMAN, "--config",
                cfg.toString(), "--out", tmp.resolve("gated").toString());
        assertThat(gated.exitCode()).isEqualTo(4);
        assertThat(gated.err()).startsWith("1 of 1 go-live gates failed on the germancredit.csv rows:\n")
                .containsPattern("minAuc +0\\.9900 +0\\.\\d{4} +FAIL");
        assertThat(tmp.resolve("gated").resolve("report.html")).exists();
    }
}
