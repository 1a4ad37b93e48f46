package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, acceptance 3: on generated data (20,000 leads, seed 3), points fitted on the nights of
 * September 2025 to April 2026 beat the shipped hand-written rules on the backtest of May to November
 * 2026; every event type the generator gives a real effect has the truth's sign in its own evidence,
 * and no proposed points go against it; the noise types get none.
 *
 * <p>Measured: fitted backtest AUC 0.928 against the hand rules' 0.866 (0.940 against 0.867 on
 * 100,000 leads). The joint fit leaves live_joined, wechat_add, coupon_claimed, message_reply and
 * trial_attended out as redundant: the generator's converters book a trial, reply, view courses and
 * claim a coupon in the days before buying, so once trial_booked is counted, more of the other
 * intent types mostly says "busy for longer", which the joint fit reads as negative.
 */
class RulesFitTest {
    @TempDir
    static Path dir;

    static RulesFit.Outcome fit;
    static JsonNode truth;

    @BeforeAll
    static void fitOnTheEarlierPeriod() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(20_000).withSeed(3)).generate(dir.resolve("crm"), (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        truth = new ObjectMapper().readTree(dir.resolve("crm/truth/model.json").toFile());
        fit = RulesFit.run(new RulesFit.Request(dir.resolve("crm/leads.csv"), dir.resolve("crm/events.csv"),
                dir.resolve("rules.yaml"), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 4, 26), 7, 14, OptionalDouble.empty(),
                dir.resolve("fit"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.05),
                n -> { });
        System.out.println(Files.readString(dir.resolve("fit/fit.csv")));
        System.out.println(Files.readString(dir.resolve("fit/fitted-rules.yaml")));
    }

    @Test
    void everyTypeWithARealEffectHasTheTruthsSignAndNoPointsAgainstIt() {
        Map<String, RulesFit.Evidence> byType = new HashMap<>();
        fit.evidence().forEach(e -> byType.put(e.type(), e));
        int real = 0;
        for (JsonNode t : truth.get("eventTypes")) {
            String type = t.get("event").asText();
            double effect = t.get("intentEffect").asDouble();
            RulesFit.Evidence e = byType.get(type);
            assertThat(e).as(type).isNotNull();
            if (effect != 0) {
                real++;
                assertThat(Math.signum(e.alone())).as(type + " alone").isEqualTo(Math.signum(effect));
                assertThat(e.cents() == 0 || Math.signum(e.cents()) == Math.signum(effect)).as(type + " points " + e.cents())
                        .isTrue();
            } else {
                assertThat(e.cents()).as(type + ", a noise type").isZero();
                assertThat(e.verdict()).as(type).isEqualTo("no signal");
            }
        }
        assertThat(real).isEqualTo(11);
        assertThat(byType.get("trial_booked").cents()).isPositive();
        // The age bands: fresher leads convert more, whatever they did.
        assertThat(fit.ages()).isNotEmpty();
        assertThat(fit.ages().get(0).fromDays()).isZero();
        assertThat(fit.ages().get(0).coefficient()).isPositive();
    }

    @Test
    void theFittedRulesBeatTheHandWrittenOnesLater() throws IOException {
        Files.copy(dir.resolve("fit/fitted-rules.yaml"), dir.resolve("fitted.yaml"), StandardCopyOption.REPLACE_EXISTING);
        RulesBacktest.Outcome o = RulesBacktest.run(new RulesBacktest.Request(dir.resolve("crm/leads.csv"),
                dir.resolve("crm/events.csv"), dir.resolve("rules.yaml"), Optional.of(dir.resolve("fitted.yaml")),
                Optional.empty(), LocalDate.of(2026, 5, 3), LocalDate.of(2026, 11, 1), 7, 14, dir.resolve("bt"),
                InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.05), n -> { });
        double hand = o.overall().get(0).auc();
        double fitted = o.overall().get(1).auc();
        System.out.println("backtest AUC: hand " + hand + ", fitted " + fitted);
        assertThat(fitted).isGreaterThan(hand + 0.03);
    }

    @Test
    void nightsWithoutAConverterAreRefusedWithTheCounts(@TempDir Path tmp) {
        // The hand fixture: lead B converts on 2026-11-29; the nights of 2026-11-01 to 2026-11-08 with a
        // 7-day horizon see no conversion (lead A, created on the first, on both nights).
        Path res = Path.of("src/test/resources/rules");
        assertThatThrownBy(() -> RulesFit.run(new RulesFit.Request(res.resolve("lead-rows.csv"), res.resolve("events.csv"),
                res.resolve("rules.yaml"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 8), 7, 7,
                OptionalDouble.empty(), tmp.resolve("fit"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(),
                Optional.empty(), 0.5), n -> { }))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("the 2 nights hold 2 lead-nights and 0 of them converted within 7 days: a fit needs"
                        + " both converters and non-converters");
        assertThat(tmp.resolve("fit/fitted-rules.yaml")).doesNotExist();
        assertThatThrownBy(() -> new RulesFit.Request(res.resolve("lead-rows.csv"), res.resolve("events.csv"),
                res.resolve("rules.yaml"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 8), 7, 7, OptionalDouble.of(0),
                tmp.resolve("fit"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.5))
                .hasMessage("--pdo must be above 0 and at most 100, got 0.0");
    }

    @Test
    void thinAgeBandsMergeIntoTheirOlderNeighbour() {
        // Converters at ages 1 (x10), 5 (x3), 40 (x12), 500 (x10): the 4–7 band (3) joins 8–14, which
        // still has 3 and joins 15–21 ... up to 31–45 (15 with the 3); the bands from 46 days on hold no
        // converter and join, one by one, the oldest (over 365, 10): bands 0–3, 4–45 and over 45.
        double[] age = new double[35];
        byte[] y = new byte[35];
        int r = 0;
        for (int[] g : new int[][] {{1, 10}, {5, 3}, {40, 12}, {500, 10}}) {
            for (int i = 0; i < g[1]; i++) {
                age[r] = g[0];
                y[r++] = 1;
            }
        }
        assertThat(RulesFit.bandEdges(age, y)).containsExactly(3, 45);
        // Too few converters anywhere: no bands at all.
        assertThat(RulesFit.bandEdges(new double[] {1, 2}, new byte[] {1, 0})).isEmpty();
    }
}
