package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.features.FeaturesWorkflow;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules run computes only the features its conditions read (one ratio and one count of a 30-feature
 * spec here, with the ratio's two inputs): the tags those conditions give agree, lead by lead, with
 * the values {@code scorecard features} writes for the whole spec at the same instant.
 */
class RulesFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void conditionsOnAFewFeaturesOfALargeSpecReadTheirValues() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(1500).withSeed(9).withDates(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 11, 1))).generate(dir.resolve("crm"), (p, d, t) -> { });
        Files.copy(Path.of("../examples/crm/lead-features.yaml"), dir.resolve("lead-features.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        String rules = Files.readString(Path.of("../examples/crm/rules.yaml")).replace("conditions:\n", """
                conditions:
                  - name: good-attender
                    when: "attend_rate >= 0.5"
                    tags: [good-attender]
                  - name: busy-week
                    when: "active_days_7d >= 2"
                    tags: [busy-week]
                """);
        Files.writeString(dir.resolve("rules.yaml"), rules);
        Path leads = dir.resolve("crm/leads.csv");
        Path events = dir.resolve("crm/events.csv");
        RulesWorkflow.run(new RulesWorkflow.Request(leads, events, dir.resolve("rules.yaml"), Optional.empty(),
                "2026-10-15", dir.resolve("rules"), InputFormat.DEFAULT, false, Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0.05), n -> { });
        FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, dir.resolve("lead-features.yaml"), "2026-10-15",
                dir.resolve("features.csv"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(),
                Optional.empty(), 0.05), n -> { });
        List<String> f = Files.readAllLines(dir.resolve("features.csv"));
        List<String> fh = List.of(f.get(0).split(",", -1));
        Map<String, String[]> features = new HashMap<>();
        for (String line : f.subList(1, f.size())) {
            String[] x = line.split(",", -1);
            features.put(x[0], x);
        }
        List<String> s = Files.readAllLines(dir.resolve("rules/scores.csv"));
        int tags = List.of(s.get(0).split(",", -1)).indexOf("tags");
        int rate = fh.indexOf("attend_rate");
        int days = fh.indexOf("active_days_7d");
        int good = 0;
        int busy = 0;
        for (String line : s.subList(1, s.size())) {
            String[] x = line.split(",", -1);
            String[] v = features.get(x[0]);
            List<String> t = List.of(x[tags].split(";"));
            boolean g = !v[rate].isEmpty() && Double.parseDouble(v[rate]) >= 0.5;
            boolean b = Double.parseDouble(v[days]) >= 2;
            assertThat(t.contains("good-attender")).as("lead %s attend_rate %s", x[0], v[rate]).isEqualTo(g);
            assertThat(t.contains("busy-week")).as("lead %s active_days_7d %s", x[0], v[days]).isEqualTo(b);
            good += g ? 1 : 0;
            busy += b ? 1 : 0;
        }
        assertThat(good).isBetween(10, s.size() - 10);
        assertThat(busy).isBetween(10, s.size() - 10);
    }
}
