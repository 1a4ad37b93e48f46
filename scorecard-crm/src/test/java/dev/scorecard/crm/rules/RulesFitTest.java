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
 * <p>Measured (backtest AUC, fitted against the hand rules): seed 3 0.9647 against 0.8662, seed 2
 * 0.9753 against 0.8642, seed 1 0.9368 against 0.8672 (seed 4, by the command: 0.9482 against
 * 0.8826). The standard errors are clustered by lead (a lead's nights are not independent): with
 * the textbook ones, a noise type that old leads pile up passed for significant on seed 1.
 */
class RulesFitTest {
    @TempDir
    static Path dir;

    /**
     * Seed 3; seed 2, on which no converter ever unsubscribed (the separation fallback); seed 1, on
     * which textbook standard errors give the noise type banner_impression points (z -3.5).
     */
    static final long[] SEEDS = {3, 2, 1};
    static final Map<Long, RulesFit.Outcome> fits = new HashMap<>();
    static final Map<Long, JsonNode> truths = new HashMap<>();

    @BeforeAll
    static void fitOnTheEarlierPeriod() throws IOException {
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        for (long seed : SEEDS) {
            Path crm = dir.resolve("crm" + seed);
            new CrmGenerator(CrmGeneratorOptions.of(20_000).withSeed(seed)).generate(crm, (p, d, t) -> { });
            truths.put(seed, new ObjectMapper().readTree(crm.resolve("truth/model.json").toFile()));
            fits.put(seed, RulesFit.run(new RulesFit.Request(crm.resolve("leads.csv"), crm.resolve("events.csv"),
                    dir.resolve("rules.yaml"), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 4, 26), 7, 14,
                    OptionalDouble.empty(), dir.resolve("fit" + seed), InputFormat.DEFAULT, false, Optional.empty(),
                    Optional.empty(), Optional.empty(), 0.05), n -> { }));
            System.out.println("seed " + seed + "\n" + Files.readString(dir.resolve("fit" + seed + "/fit.csv")));
        }
        System.out.println(Files.readString(dir.resolve("fit3/fitted-rules.yaml")));
    }

    @Test
    void everyTypeWithARealEffectHasTheTruthsSignAndNoPointsAgainstIt() {
        for (long seed : SEEDS) {
            signs(seed, fits.get(seed), truths.get(seed));
        }
        assertThat(fits.get(3L).penalised()).isFalse();
        assertThat(fits.get(2L).penalised()).as("seed 2: no converter unsubscribed").isTrue();
        assertThat(fits.get(2L).evidence().stream().filter(e -> e.type().equals("unsubscribe")).findFirst().orElseThrow()
                .cents()).as("the separating type keeps strongly negative points").isLessThan(-10_00);
        // 13 types and the age bands at a family-wise 5 %.
        assertThat(fits.get(3L).threshold()).isBetween(2.9, 3.1);
    }

    private static void signs(long seed, RulesFit.Outcome fit, JsonNode truth) {
        Map<String, RulesFit.Evidence> byType = new HashMap<>();
        fit.evidence().forEach(e -> byType.put(e.type(), e));
        int real = 0;
        for (JsonNode t : truth.get("eventTypes")) {
            String type = t.get("event").asText();
            double effect = t.get("intentEffect").asDouble();
            RulesFit.Evidence e = byType.get(type);
            String where = "seed " + seed + " " + type;
            assertThat(e).as(where).isNotNull();
            if (effect != 0) {
                real++;
                assertThat(Math.signum(e.alone())).as(where + " alone").isEqualTo(Math.signum(effect));
                assertThat(e.cents() == 0 || Math.signum(e.cents()) == Math.signum(effect)).as(where + " points "
                        + e.cents()).isTrue();
            } else {
                assertThat(e.cents()).as(where + ", a noise type").isZero();
                assertThat(e.verdict()).as(where).isEqualTo("no signal");
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
        for (long seed : SEEDS) {
            Path crm = dir.resolve("crm" + seed);
            Path fitted = dir.resolve("fitted" + seed + ".yaml");
            Files.copy(dir.resolve("fit" + seed + "/fitted-rules.yaml"), fitted, StandardCopyOption.REPLACE_EXISTING);
            RulesBacktest.Outcome o = RulesBacktest.run(new RulesBacktest.Request(crm.resolve("leads.csv"),
                    crm.resolve("events.csv"), dir.resolve("rules.yaml"), Optional.of(fitted), Optional.empty(),
                    LocalDate.of(2026, 5, 3), LocalDate.of(2026, 11, 1), 7, 14, dir.resolve("bt" + seed), InputFormat.DEFAULT,
                    false, Optional.empty(), Optional.empty(), Optional.empty(), 0.05), n -> { });
            double hand = o.overall().get(0).auc();
            double fit = o.overall().get(1).auc();
            System.out.println("seed " + seed + " backtest AUC: hand " + hand + ", fitted " + fit);
            assertThat(fit).as("seed " + seed).isGreaterThan(hand + 0.03);
        }
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
