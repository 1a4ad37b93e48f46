package dev.scorecard.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {
    private static final String NL = System.lineSeparator();

    @Test
    void aShortLineIsUnchanged() {
        assertThat(ConsoleText.wrap("wrote out/a.csv", 6)).isEqualTo("wrote out/a.csv");
        String hundred = "x".repeat(50) + " " + "y".repeat(49);
        assertThat(ConsoleText.wrap(hundred, 2)).isEqualTo(hundred);
    }

    @Test
    void aListBreaksAfterACommaWithAHangingIndent() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add("out/model/file" + i + ".csv");
        }
        String line = "wrote " + String.join(", ", items);
        String wrapped = ConsoleText.wrapList(line, 6);
        List<String> lines = wrapped.lines().toList();
        assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.length() <= ConsoleText.WIDTH);
        assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.endsWith(","));
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("      out/model/file"));
        // The content is the same: the lines joined back are the line.
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo(line);
    }

    @Test
    void wordsBreakAtSpacesAndAPieceTooWideStaysWhole() {
        String sentence = "On the held-out test rows the model ranks a random bad applicant above a random good one"
                + " 78 % of the time (AUC).";
        // Exactly 100 columns on the first line.
        assertThat(ConsoleText.wrap(sentence, 0)).isEqualTo("On the held-out test rows the model ranks a random bad"
                + " applicant above a random good one 78 % of the" + NL + "time (AUC).");
        String wide = "z".repeat(120);
        assertThat(ConsoleText.wrap("a " + wide + " b", 2)).isEqualTo("a" + NL + "  " + wide + NL + "  b");
        assertThat(ConsoleText.wrap(wide, 2)).isEqualTo(wide);
    }

    @Test
    void aSeparatorOfItsOwnIsKeptAtTheLineEnd() {
        String line = "  may: 2291 rows, score PSI 0.0213 (stable); worst CSI 0.3100 euribor3m (alert);"
                + " worst non-model CSI 1.2000 nr.employed (alert)";
        assertThat(ConsoleText.wrapAfter(line, 4, "; ")).isEqualTo("  may: 2291 rows, score PSI 0.0213 (stable);"
                + " worst CSI 0.3100 euribor3m (alert);" + NL + "    worst non-model CSI 1.2000 nr.employed (alert)");
    }
}
