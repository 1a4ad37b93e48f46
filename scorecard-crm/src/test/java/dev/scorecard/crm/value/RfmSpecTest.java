package dev.scorecard.crm.value;

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

/** The rfm YAML: thresholds and labels applied, and tables that would overlap or leave something unreachable refused. */
class RfmSpecTest {
    @TempDir
    Path dir;

    private Path yaml(String... lines) throws IOException {
        return Files.write(dir.resolve("rfm.yaml"), List.of(lines));
    }

    @Test
    void thresholdsAndLabelsAreApplied() throws IOException {
        Path config = yaml("scores:", "  recency: [30, 90, 180, 365]", "  frequency: [2, 3, 5, 8]",
                "  monetary: [50, 100, 500, 1000]", "segments:", "  against: median", "  labels:",
                "    important-value: champions");
        Path orders = Files.write(dir.resolve("orders.csv"), List.of("customer_id,order_at,amount",
                "a,2025-12-20,600", "a,2025-12-25,600", "b,2025-06-01,40"));
        RfmWorkflow.run(new RfmWorkflow.Request(orders, "2026-01-01", dir.resolve("out"), Optional.of(config),
                Optional.empty(), Optional.empty(), InputFormat.DEFAULT, 0.01));
        // a: 7 days < 30 -> 5; 2 orders reach 1 cut -> 2; 1200 reaches all 4 -> 5. b: 214 days reach 3 cuts -> 2;
        // 1 order -> 1; 40 -> 1. Medians: 110.5 days, 1.5 orders, 620: a is high on all three, b low.
        List<String> lines = Files.readAllLines(dir.resolve("out").resolve(RfmWorkflow.CUSTOMERS_CSV));
        assertThat(lines.get(1)).startsWith("a,7,2,1200,0,5,2,5,525,champions,");
        assertThat(lines.get(2)).startsWith("b,214,1,40,0,2,1,1,211,general-retain,");
    }

    @Test
    void cutPointsThatDoNotIncreaseAreRefusedWithTheirKey() throws IOException {
        Path config = yaml("scores:", "  monetary: [50, 100, 100, 1000]");
        assertThatThrownBy(() -> RfmSpec.read(config)).isInstanceOf(InputDataException.class)
                .hasMessage(config + ", line 2: key 'scores.monetary[3]': 100 is not more than the cut point before it"
                        + " (100), so a score would be unreachable");
    }

    @Test
    void nesMultipliersThatDoNotIncreaseAreRefused() throws IOException {
        Path config = yaml("nes:", "  dozingAfter: 2", "  halfAsleepAfter: 2");
        assertThatThrownBy(() -> RfmSpec.read(config)).isInstanceOf(InputDataException.class)
                .hasMessage(config + ", line 3: key 'nes.halfAsleepAfter': halfAsleepAfter 2.0 must be more than"
                        + " dozingAfter 2.0, or stage S1 is unreachable");
    }

    @Test
    void theNoValueLabelIsReserved() throws IOException {
        Path config = yaml("segments:", "  labels:", "    general-retain: no-value");
        assertThatThrownBy(() -> RfmSpec.read(config)).isInstanceOf(InputDataException.class)
                .hasMessage(config + ", line 3: key 'segments.labels.general-retain': 'no-value' is also the label of"
                        + " the customers without value; the segments would overlap in the outputs");
    }
}
