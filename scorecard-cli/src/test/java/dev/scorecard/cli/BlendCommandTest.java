package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scorecard blend}, black box: a small blend worked out by hand, its summary, and its errors. */
class BlendCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }

    @Test
    void blendsAndSaysWhatAddsUp() throws IOException {
        Path leads = write("leads.csv", "lead_id,channel,created_at", "L1,web,2026-11-01", "L2,ref,2026-11-02",
                "L3,web,2026-11-03");
        Path channels = write("channels.csv", "channel,sub_channel,score", "web,,6", "ref,,9", "(unseen),,2");
        Path rules = write("scores.csv", "lead_id,score100,points_A,points_B", "L1,80,50,30", "L2,40,40,0");
        Path config = write("blend.yaml", "parts:", "  channel: {weight: 1}", "  rules: {weight: 3}", "reasons: 1");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("blend", "--config", config.toString(), "--leads", leads.toString(), "--channels",
                channels.toString(), "--rules-scores", rules.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // L1: (60 + 3 x 80) / 4 = 75 = 15 + 60; L2: (90 + 3 x 40) / 4 = 52.5 = 22.5 + 30; L3 has no rule score:
        // the channel alone, 60. Reasons: L1 rules A 50 x 3/4 = 37.5; L2 rules A 30 (channel 22.5); L3 channel 60.
        assertThat(Files.readAllLines(out.resolve("blended.csv"))).containsExactly(
                "lead_id,score100,score10,grade,fit,engagement,channel,channel_contribution,rules,rules_contribution,"
                    + "reason_1",
                "L1,75,8,B,15,60,60,15,80,60,rules A +37.5", "L2,52.5,6,C,22.5,30,90,22.5,40,30,rules A +30",
                "L3,60,6,B,60,0,60,60,,0,channel +60");
        assertThat(run.out().replaceAll("\\R {6}(?=\\S)", " ")).isEqualTo(String.join(System.lineSeparator(),
                "leads: 3 read = 3 blended + 0 without any part + 0 rejected",
                "  channel  fit        weight  25.0 %: 3 leads have it, 0 filled",
                "  rules    engagement weight  75.0 %: 2 leads have it, 0 filled; 2 rows read, 0 rejected",
                "grades: A 0, B 2, C 1, D 0",
                "wrote " + out.resolve("blended.csv") + ", " + out.resolve("grades.csv"), ""));
    }

    @Test
    void errorsNameTheKeyOrTheOption() throws IOException {
        Path leads = write("leads.csv", "lead_id,created_at", "L1,2026-11-01");
        Path rules = write("scores.csv", "lead_id,score100", "L1,80");
        Path typo = write("typo.yaml", "parts:", "  rules: {weigth: 1}");
        String out = tmp.resolve("out").toString();
        CliRun bad = CliRun.of("blend", "--config", typo.toString(), "--leads", leads.toString(), "--rules-scores",
                rules.toString(), "--out", out);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: " + typo + ", line 2: key 'parts.rules.weigth': unknown key; did you mean"
                + " 'weight'?; expected one of weight, fill, column" + System.lineSeparator());
        Path config = write("blend.yaml", "parts:", "  rules: {weight: 1}");
        CliRun missing = CliRun.of("blend", "--config", config.toString(), "--leads", leads.toString(), "--out", out);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: --rules-scores: " + config + " blends parts.rules (line 2); give its"
                + " file with --rules-scores");
        CliRun help = CliRun.of("blend", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:", "scorecard blend --config blend.yaml --leads leads.csv");
    }

    @Test
    void fitWritesTheWeightsTheBlendThenUses() throws IOException {
        // As of 2026-06-01: six leads fitted (L7 converted before, L8 created after); the rule score ranks the
        // converters L1, L3 and L4 above the others but for L4 (30) below L5 (40), so no separation. A hand-sized fit,
        // checked for what it prints and writes; the fitting itself is BlendFitTest's.
        Path leads = write("leads.csv", "lead_id,channel,created_at,converted,converted_at",
                "L1,web,2026-05-01,1,2026-06-03", "L2,ref,2026-05-02,0,", "L3,web,2026-05-03,1,2026-06-05",
                "L4,ref,2026-05-04,1,2026-06-07", "L5,web,2026-05-05,0,", "L6,ref,2026-05-06,0,",
                "L7,web,2026-05-07,1,2026-05-20", "L8,web,2026-06-02,0,");
        Path rules = write("scores.csv", "lead_id,score100", "L1,90", "L2,20", "L3,70", "L4,30", "L5,40", "L6,10",
                "L7,50", "L8,50");
        Path config = write("blend.yaml", "parts:", "  rules: {weight: 1}", "reasons: 1");
        Path out = tmp.resolve("fit");
        CliRun run = CliRun.of("blend", "fit", "--config", config.toString(), "--leads", leads.toString(),
                "--rules-scores", rules.toString(), "--as-of", "2026-06-01", "--horizon", "14d", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = run.out().replaceAll("\\R {6,8}(?=\\S)", " ");
        assertThat(text).startsWith("leads: 8 read = 6 fitted + 0 tested + 1 created after --as-of + 1 converted by then"
                + " + 0 without any part + 0 rejected" + System.lineSeparator()
                + "fit: 6 leads, 3 converted within 14d (50.00 %)" + System.lineSeparator());
        assertThat(text).contains("  rules ", "calibration (Platt): P = 1 / (1 + exp(-(",
                "wrote " + out.resolve("blend.yaml") + ", " + out.resolve("fit.csv"));
        List<String> yaml = Files.readAllLines(out.resolve("blend.yaml"));
        assertThat(yaml).hasSize(5);
        assertThat(yaml.get(0)).isEqualTo("# Weights fitted by scorecard blend fit on leads.csv as of 2026-06-01, horizon"
                + " 14d: 6 leads, 3 converting (fit.csv has the evidence).");
        assertThat(yaml.get(1)).isEqualTo("parts:");
        assertThat(yaml.get(2)).startsWith("  # rules: coefficient ");
        assertThat(yaml.subList(3, 5)).containsExactly("  rules: {weight: 1, fill: renormalise, column: score100}",
                "reasons: 1");
        CliRun blend = CliRun.of("blend", "--config", out.resolve("blend.yaml").toString(), "--leads", leads.toString(),
                "--rules-scores", rules.toString(), "--out", tmp.resolve("blend").toString());
        assertThat(blend.exitCode()).as(blend.err()).isZero();
        CliRun help = CliRun.of("blend", "fit", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:", "scorecard blend fit --config blend.yaml --leads leads.csv");
        CliRun missing = CliRun.of("blend", "--leads", leads.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("error: missing required options: '--config=FILE.yaml', '--out=DIR'");
    }
}
