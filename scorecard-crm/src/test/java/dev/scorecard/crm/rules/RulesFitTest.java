package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, acceptance 3: on generated data, points fitted on an earlier period beat the shipped
 * hand-written rules on a later period's backtest, and every event type the generator gives a real
 * effect gets the truth's sign.
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
                dir.resolve("rules.yaml"), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 4, 26), 7, 14, 20,
                dir.resolve("fit"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.05),
                n -> { });
    }

    @Test
    void theFittedPointsHaveTheTruthsSign() throws IOException {
        Map<String, RulesFit.Evidence> byType = new HashMap<>();
        fit.evidence().forEach(e -> byType.put(e.type(), e));
        System.out.println(Files.readString(dir.resolve("fit/fit.csv")));
        System.out.println(fit.rows() + " rows, " + fit.converters() + " converters");
        for (JsonNode t : truth.get("eventTypes")) {
            double effect = t.get("intentEffect").asDouble();
            RulesFit.Evidence e = byType.get(t.get("event").asText());
            if (effect != 0) {
                assertThat(Math.signum(e.coefficient())).as(e.type()).isEqualTo(Math.signum(effect));
            }
        }
    }

    @Test
    void theFittedRulesBeatTheHandWrittenOnesLater() throws IOException {
        Files.copy(dir.resolve("fit/fitted-rules.yaml"), dir.resolve("fitted.yaml"), StandardCopyOption.REPLACE_EXISTING);
        RulesBacktest.Outcome o = RulesBacktest.run(new RulesBacktest.Request(dir.resolve("crm/leads.csv"),
                dir.resolve("crm/events.csv"), dir.resolve("rules.yaml"), Optional.of(dir.resolve("fitted.yaml")),
                Optional.empty(), LocalDate.of(2026, 5, 3), LocalDate.of(2026, 11, 1), 7, 14, dir.resolve("bt"),
                InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.05), n -> { });
        System.out.println(Files.readString(dir.resolve("fit/fitted-rules.yaml")));
        System.out.println("hand " + o.overall().get(0) + "\nfitted " + o.overall().get(1));
        assertThat(o.overall().get(1).auc()).isGreaterThan(o.overall().get(0).auc());
    }
}
