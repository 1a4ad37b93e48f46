package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, configured weights: the parts, fills, the model's mapping and clamping, the exact-sum
 * ledger with its rounding, grades, reasons and rejects, worked out by hand.
 */
class BlendWorkflowTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private Path leads() throws IOException {
        return write("leads.csv", "lead_id,channel,sub_channel,created_at",
                "L1,web,,2026-11-01", "L2,ref,,2026-11-02", "L3,web,,2026-11-03", "L4,xyz,,2026-11-04",
                "L5,xyz,,2026-11-05", "L6,ref,,2026-11-06", "L7,web,,yesterday");
    }

    private Path channels() throws IOException {
        return write("channels.csv", "channel,sub_channel,score", "web,,6", "ref,,9"); // no (unseen) row
    }

    private Path rules() throws IOException {
        return write("scores.csv", "lead_id,score100,score10,grade,channel_points,points_A,points_B,condition_points",
                "L1,80.8,9,A,0,60.8,20,0", "L2,45,5,C,0,40,5,0", "L3,abc,5,C,0,40,5,0", "L4,30,3,D,0,30,0,0",
                "L6,33.34,4,D,0,33.34,0,0", "L9,50,5,C,0,50,0,0");
    }

    private Path model() throws IOException {
        return write("scored.csv", "lead_id,score,probability,score10,grade,reason1,warnings,points_age,points_city",
                "L1,500,0.1,5,C,age: young,,120,80", "L2,800,0.3,9,A,,,300,200", "L3,250,0.01,1,E,city: x,,-32,-20",
                "L6,333.04,0.02,2,D,,,10,-20", "L1,510,0.1,5,C,,,120,90");
    }

    private BlendWorkflow.Outcome run(Path config) throws IOException {
        return BlendWorkflow.run(new BlendWorkflow.Request(leads(), config, Optional.of(channels()), Optional.of(rules()),
                Optional.of(model()), dir.resolve("out"), InputFormat.DEFAULT, 0.5));
    }

    @Test
    void weightsFillsMappingAndTheExactLedger() throws IOException {
        Path config = write("blend.yaml", "parts:", "  channel: {weight: 1}", "  rules: {weight: 2, fill: 10}",
                "  model: {weight: 1, from: 300, to: 700}", "reasons: 2");
        BlendWorkflow.Outcome o = run(config);
        // Weights 1, 2, 1 (W = 4). Channel = score x 10: web 6 -> 60, ref 9 -> 90; xyz has no row and there is no
        // (unseen) row: absent, renormalised. Model = (score - 300) / 400 x 100, clamped to 0-100.
        // L1: 60, 80.8, (500-300)/4 = 50: (6000 + 2 x 8080 + 5000) / 4 = 6790 -> 67.9 = 15 + 40.4 + 12.5, exact;
        //     fit (channel, model) 27.5, engagement (rules) 40.4; 10-point ceil(6.79) = 7; B (60 <= 67.9 < 80).
        //     Reasons in blend points: rules A 60.8 x 2/4 = 30.4, channel 15, rules B 20 x 2/4 = 10, model age
        //     120 x 100/400 x 1/4 = 7.5, city 5: the first two.
        // L2: 90, 45, (800-300)/4 = 125 clamped to 100: (9000 + 9000 + 10000) / 4 = 7000 -> 22.5 + 22.5 + 25.
        //     Reasons: channel 22.5, rules A 40 x 0.5 = 20 (model age 300/16 = 18.75 next).
        // L3: the rules row is rejected (abc): filled with 10 at weight 2; model 250 clamps to 0:
        //     (6000 + 2000 + 0) / 4 = 2000 -> 15 + 5 + 0; 10-point 2, D. Reasons: channel 15, model age -32/16 = -2
        //     (a filled part gives none).
        // L4: rules only (channel xyz absent, no model row; both renormalised): 30 -> 10-point 3, D.
        // L5: no part at all: not blended. L7: created_at 'yesterday': rejected with the leads.
        // L6, the rounding case: 90, 33.34, (333.04-300)/4 = 8.26: 9000 + 6668 + 826 = 16494, / 4 = 4123.5 -> 41.24
        //     (halves up). Rounded down the contributions are 2250, 1667, 206 (remainders 0, 0, 2 of 4) = 4123: the
        //     missing hundredth goes to the largest remainder, the model: 22.5 + 16.67 + 2.07 = 41.24.
        assertThat(Files.readAllLines(dir.resolve("out/blended.csv"))).containsExactly(
                "lead_id,score100,score10,grade,fit,engagement,channel,channel_contribution,rules,rules_contribution,"
                    + "model,model_contribution,reason_1,reason_2",
                "L1,67.9,7,B,27.5,40.4,60,15,80.8,40.4,50,12.5,rules A +30.4,channel +15",
                "L2,70,7,B,47.5,22.5,90,22.5,45,22.5,100,25,channel +22.5,rules A +20",
                "L3,20,2,D,15,5,60,15,,5,0,0,channel +15,model age -2",
                "L4,30,3,D,0,30,,0,30,30,,0,rules A +30,",
                "L6,41.24,5,C,24.57,16.67,90,22.5,33.34,16.67,8.26,2.07,channel +22.5,rules A +16.67");
        assertThat(Files.readAllLines(dir.resolve("out/grades.csv"))).containsExactly("grade,from,leads,share",
                "A,80,0,0", "B,60,2,0.4", "C,40,1,0.2", "D,0,2,0.4");
        // Every count adds up: leads 7 read = 5 blended + 1 without a part + 1 rejected; rules 6 rows, 2 rejected
        // (L3's abc, L9 unknown); model 5 rows, 1 rejected (L1 twice).
        assertThat(o.leadsRead()).isEqualTo(7);
        assertThat(o.blended()).isEqualTo(5);
        assertThat(o.withoutParts()).isEqualTo(1);
        assertThat(o.leadsRejected()).isEqualTo(1);
        assertThat(o.leadsRead()).isEqualTo(o.blended() + o.withoutParts() + o.leadsRejected());
        assertThat(o.parts()).containsExactly(
                new BlendWorkflow.PartOutcome("channel", "fit", 0.25, 6, 0, 4, 0),
                new BlendWorkflow.PartOutcome("rules", "engagement", 0.5, 6, 2, 4, 1),
                new BlendWorkflow.PartOutcome("model", "fit", 0.25, 5, 1, 4, 0));
        assertThat(o.grades()).containsExactly("A", "B", "C", "D");
        assertThat(o.gradeCounts()).containsExactly(0, 2, 1, 2);
        assertThat(Files.readAllLines(dir.resolve("out/rules-rejects.csv"))).containsExactly(
                "line,reason,lead_id,score100,score10,grade,channel_points,points_A,points_B,condition_points",
                "4,column 'score100': 'abc' is not a number,L3,abc,5,C,0,40,5,0",
                "7,lead 'L9' is not in the leads file (or was rejected there),L9,50,5,C,0,50,0,0");
        assertThat(Files.readAllLines(dir.resolve("out/model-rejects.csv"))).containsExactly(
                "line,reason,lead_id,score,probability,score10,grade,reason1,warnings,points_age,points_city",
                "6,lead 'L1' is already on line 2,L1,510,0.1,5,C,,,120,90");
        assertThat(Files.readAllLines(dir.resolve("out/lead-rejects.csv"))).hasSize(2);
        assertThat(o.written()).containsExactly(dir.resolve("out/blended.csv"), dir.resolve("out/grades.csv"),
                dir.resolve("out/lead-rejects.csv"), dir.resolve("out/rules-rejects.csv"),
                dir.resolve("out/model-rejects.csv"));
        // Two runs are byte-identical.
        byte[] first = Files.readAllBytes(dir.resolve("out/blended.csv"));
        run(config);
        assertThat(Files.readAllBytes(dir.resolve("out/blended.csv"))).isEqualTo(first);
    }

    @Test
    void renormalisingAndTheTieOfRemainders() throws IOException {
        Path config = write("blend.yaml", "parts:", "  channel: {weight: 1, fill: renormalise}", "  rules: {weight: 1}",
                "  model: {weight: 1, from: 300, to: 700, side: engagement}", "reasons: 0",
                "grades: [{grade: hot, from: 40}, {grade: cold, from: 0}]", "score10: [5, 10, 15, 20, 25, 30, 35, 40, 45, 100]");
        run(config);
        // Equal weights. L3 without its rules score: renormalised over channel and model, (6000 + 0) / 2 = 30.
        // L6: 9000 + 3334 + 826 = 13160, / 3 = 4386.67 -> 43.87; rounded down 3000, 1111, 275 = 4386 with remainders
        // 0, 1, 1 (of 3): the tie goes to the earlier part, the rules: 30 + 11.12 + 2.75. The model is on the
        // engagement side here: fit 30, engagement 13.87. With the file's bounds 43.87 is 10-point 9 (40 < 43.87 <= 45).
        List<String> rows = Files.readAllLines(dir.resolve("out/blended.csv"));
        assertThat(rows.get(0)).isEqualTo("lead_id,score100,score10,grade,fit,engagement,channel,channel_contribution,"
                + "rules,rules_contribution,model,model_contribution");
        assertThat(rows).contains("L3,30,6,cold,30,0,60,30,,0,0,0", "L6,43.87,9,hot,30,13.87,90,30,33.34,11.12,8.26,2.75");
        assertThat(Files.readAllLines(dir.resolve("out/grades.csv")).get(0)).isEqualTo("grade,from,leads,share");
    }

    @Test
    void theRulesLedgerColumnsAreReasonsSoAClampShows() throws IOException {
        Path scores = write("clamped.csv", "lead_id,score100,channel_points,points_A,points_N,condition_points,total_cap,clamp",
                "L1,0,0,5,-30,0,0,25", "L2,70,0,80,0,10,-20,0");
        Path config = write("blend.yaml", "parts:", "  channel: {weight: 1}", "  rules: {weight: 1}", "reasons: 3");
        BlendWorkflow.run(new BlendWorkflow.Request(leads(), config, Optional.of(channels()), Optional.of(scores),
                Optional.empty(), dir.resolve("out"), InputFormat.DEFAULT, 0.5));
        // Halves of the rules' ledger: L1 N -15 and the clamp +12.5 (5 - 30 + 25 = 0), A +2.5; L2 A +40, the total cap
        // -10 and the channel 90 / 2 = 45 first.
        List<String> rows = Files.readAllLines(dir.resolve("out/blended.csv"));
        assertThat(rows.get(1)).isEqualTo("L1,30,3,D,30,0,60,30,0,0,channel +30,rules N -15,rules clamp +12.5");
        assertThat(rows.get(2)).isEqualTo("L2,80,8,A,45,35,90,45,70,35,channel +45,rules A +40,rules total_cap -10");
    }

    @Test
    void aPartWithoutItsFileOrAFileWithoutItsPartIsRefused() throws IOException {
        Path config = write("blend.yaml", "parts:", "  rules: {weight: 1}", "  model: {weight: 1, from: 0, to: 1}");
        assertThatThrownBy(() -> BlendWorkflow.run(new BlendWorkflow.Request(leads(), config, Optional.empty(),
                Optional.of(rules()), Optional.empty(), dir.resolve("out"), InputFormat.DEFAULT, 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--model-scores: " + config + " blends parts.model (line 3); give its file with --model-scores");
        assertThatThrownBy(() -> BlendWorkflow.run(new BlendWorkflow.Request(leads(), config, Optional.of(channels()),
                Optional.of(rules()), Optional.of(model()), dir.resolve("out"), InputFormat.DEFAULT, 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--channels: " + config + " has no parts.channel: give it a weight there, or leave --channels"
                        + " out");
    }

    @Test
    void badScoreFiles() throws IOException {
        Path config = write("blend.yaml", "parts:", "  rules: {weight: 1, column: score}");
        assertThatThrownBy(() -> BlendWorkflow.run(new BlendWorkflow.Request(leads(), config, Optional.empty(),
                Optional.of(rules()), Optional.empty(), dir.resolve("out"), InputFormat.DEFAULT, 0.5)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(dir.resolve("scores.csv") + ", line 1: no column 'score' (the scores.csv of scorecard rules;"
                        + " parts.rules.column names another); its header: lead_id, score100, score10, grade,"
                        + " channel_points, points_A, points_B, condition_points");
        Path out = write("outside.csv", "lead_id,score100", "L1,101", "L2,-1", "L3,50");
        Path plain = write("plain.yaml", "parts:", "  rules: {weight: 1}");
        // A good run first: the failed one must not leave its blend beside the new rejects.
        BlendWorkflow.run(new BlendWorkflow.Request(leads(), plain, Optional.empty(), Optional.of(rules()),
                Optional.empty(), dir.resolve("out"), InputFormat.DEFAULT, 0.5));
        assertThat(dir.resolve("out/blended.csv")).exists();
        assertThatThrownBy(() -> BlendWorkflow.run(new BlendWorkflow.Request(leads(), plain, Optional.empty(),
                Optional.of(out), Optional.empty(), dir.resolve("out"), InputFormat.DEFAULT, 0.5)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(out + ": 2 of 3 rows (66.67 %) could not be used, over --max-reject-share 0.5; nothing was"
                        + " written to " + dir.resolve("out/blended.csv") + "; see " + dir.resolve("out/rules-rejects.csv"));
        assertThat(Files.readAllLines(dir.resolve("out/rules-rejects.csv"))).containsExactly("line,reason,lead_id,score100",
                "2,column 'score100': 101 is outside the rule score's 0 to 100,L1,101",
                "3,column 'score100': -1 is outside the rule score's 0 to 100,L2,-1");
        assertThat(dir.resolve("out/blended.csv")).doesNotExist();
        assertThat(dir.resolve("out/grades.csv")).doesNotExist();
    }
}
