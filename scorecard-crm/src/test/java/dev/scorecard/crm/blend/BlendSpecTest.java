package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blend YAML: defaults, and each mistake named by line and key. */
class BlendSpecTest {
    @TempDir
    Path dir;

    private BlendSpec read(String... lines) throws IOException {
        return BlendSpec.read(Files.write(dir.resolve("b.yaml"), List.of(lines)));
    }

    private void refused(String message, String... lines) {
        assertThatThrownBy(() -> read(lines)).isInstanceOf(InputDataException.class)
                .hasMessage(dir.resolve("b.yaml") + ", " + message);
    }

    @Test
    void defaults() throws IOException {
        BlendSpec s = read("parts:", "  rules: {weight: 0.6}", "  model: {weight: 0.4, from: 300, to: 700}");
        assertThat(s.ordered()).extracting(BlendSpec.PartSpec::part).containsExactly(Part.RULES, Part.MODEL);
        BlendSpec.PartSpec rules = s.parts().get(Part.RULES);
        assertThat(rules.weight()).isEqualTo(6000);
        assertThat(rules.fill()).isEmpty();
        assertThat(rules.column()).isEqualTo("score100");
        assertThat(rules.side()).isEqualTo(Side.ENGAGEMENT);
        BlendSpec.PartSpec model = s.parts().get(Part.MODEL);
        assertThat(model.column()).isEqualTo("score");
        assertThat(model.side()).isEqualTo(Side.FIT);
        // (x - 300) / 400 x 100, clamped: 300 -> 0, 500 -> 50, 450.5 -> 37.625 -> 37.63, 900 -> 100, 100 -> 0.
        assertThat(new long[] {model.map(300), model.map(500), model.map(450.5), model.map(900), model.map(100)})
                .containsExactly(0, 5000, 3763, 10000, 0);
        assertThat(s.reasons()).isEqualTo(3);
        assertThat(s.bands().grades()).extracting(g -> g.name() + g.fromCents()).containsExactly("A8000", "B6000",
                "C4000", "D0");
        // The default bounds give ceil(score / 10), 0 for 0.
        assertThat(new int[] {s.bands().score10(0), s.bands().score10(1), s.bands().score10(1000),
            s.bands().score10(1001), s.bands().score10(10000)}).containsExactly(0, 1, 1, 2, 10);
        // A model whose lower values are better maps downwards.
        BlendSpec down = read("parts:", "  model: {weight: 1, from: 0.2, to: 0, column: probability}");
        assertThat(down.parts().get(Part.MODEL).map(0.05)).isEqualTo(7500);
        assertThat(read("parts:", "  channel: {weight: 1, fill: 50}").parts().get(Part.CHANNEL).fill()).hasValue(5000);
    }

    @Test
    void mistakes() {
        refused("line 2: key 'part': unknown key; did you mean 'parts'?; expected one of parts, score10, grades, reasons",
                "part:", "  rules: {weight: 1}");
        refused("line 2: key 'parts.rule': unknown key; did you mean 'rules'?; expected one of channel, rules, model",
                "parts:", "  rule: {weight: 1}");
        refused("line 2: key 'parts.rules.wieght': unknown key; did you mean 'weight'?; expected one of weight, fill,"
                + " column", "parts:", "  rules: {wieght: 1}");
        refused("line 2: key 'parts.channel.side': unknown key; expected one of weight, fill",
                "parts:", "  channel: {weight: 1, side: fit}");
        refused("line 2: key 'parts.rules': no 'weight' (the part's share of the blend, relative to the others' weights,"
                + " e.g. weight: 0.4)", "parts:", "  rules: {fill: 0}");
        refused("line 2: key 'parts.rules.weight': weight -1 is outside 0 to 1000000", "parts:", "  rules: {weight: -1}");
        refused("line 2: key 'parts.rules.weight': weight 0.123456 has more than four decimals", "parts:",
                "  rules: {weight: 0.123456}");
        refused("line 2: key 'parts': every weight is 0: give at least one part a weight above 0", "parts:",
                "  rules: {weight: 0}");
        refused("line 2: key 'parts.rules.fill': 'renormalize' is neither renormalise nor a score from 0 to 100; did you"
                + " mean 'renormalise'?", "parts:", "  rules: {weight: 1, fill: renormalize}");
        refused("line 2: key 'parts.rules.fill': fill 101 is outside 0 to 100", "parts:", "  rules: {weight: 1, fill: 101}");
        refused("line 2: key 'parts.model': no 'from': the model's score that maps to 0 (with 'to', the one that maps to"
                + " 100; e.g. from: 300, to: 700)", "parts:", "  model: {weight: 1}");
        refused("line 2: key 'parts.model.to': 'to' equals 'from' (5): no range to map onto 0 to 100", "parts:",
                "  model: {weight: 1, from: 5, to: 5}");
        refused("line 2: key 'parts.model.side': 'engagment' is not a side; the sides are fit, engagement; did you mean"
                + " 'engagement'?", "parts:", "  model: {weight: 1, from: 0, to: 1, side: engagment}");
        refused("line 3: key 'reasons': reasons 11 is outside 0 to 10", "parts:", "  rules: {weight: 1}", "reasons: 11");
        refused("line 3: key 'grades[2].from': unreachable: grades go from the best down, and A already takes scores"
                + " from 60", "parts:", "  rules: {weight: 1}", "grades: [{grade: A, from: 60}, {grade: B, from: 70},"
                + " {grade: C, from: 0}]");
        refused("line 3: key 'score10': score10 lists the ten upper bounds of scores 1 to 10 (e.g. 10, 20, …, 100);"
                + " found 2", "parts:", "  rules: {weight: 1}", "score10: [50, 100]");
        refused("line 1: key 'parts': no parts: give at least one of channel, rules, model", "parts: {}");
    }
}
