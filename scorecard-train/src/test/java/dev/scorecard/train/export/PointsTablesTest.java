package dev.scorecard.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The points tables say where a missing value goes: to the missing bin, to neutral points, or (since
 * {@code missingBin}) to the regular bin binning merged the missing values into, which then reads
 * {@code …, Missing} while the line of no bin names only what still reaches it.
 */
class PointsTablesTest {
    /** {@link TinyModels#tiny} without the else bin, purpose's missing values merged into its first bin and Âge's into its second. */
    private static ScorecardModel merged() {
        ScorecardModel m = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, false);
        List<Characteristic> cs = new ArrayList<>(m.characteristics());
        for (int[] km : new int[][] {{1, 0}, {2, 1}}) {
            Characteristic c = cs.get(km[0]);
            cs.set(km[0], new Characteristic(c.name(), c.type(), c.coefficient(), c.bins(), c.neutralPoints(),
                    OptionalInt.of(km[1])));
        }
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), cs, m.coefficients(), m.grades(), m.score10(), m.baseline(),
                m.metrics(), m.provenance(), m.verification());
    }

    private static String csv(ScorecardModel m) throws IOException {
        StringWriter out = new StringWriter();
        PointsTables.writeCsv(m, out);
        return out.toString();
    }

    private static String markdown(ScorecardModel m) throws IOException {
        StringWriter out = new StringWriter();
        PointsTables.writeMarkdown(m, out);
        return out.toString();
    }

    @Test
    void withoutMissingBinTheLineOfNoBinSaysMissingOrUnseen() throws IOException {
        ScorecardModel m = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, false);
        assertThat(csv(m)).contains("duration,(no bin: missing or unseen),0,0,,\n",
                "\"Loan \"\"purpose\"\"\",car (new),-9,0.3953,180,",
                "\"Loan \"\"purpose\"\"\",(no bin: missing or unseen),0,0,,\n",
                "Âge,\"[0, 30)\",-1,0.1,", "Âge,(no bin: missing or unseen),0,0,,\n");
        assertThat(markdown(m)).contains("| | *missing or unseen, no bin* | 0 | 0 | | |\n").doesNotContain(", Missing");
    }

    @Test
    void theBinHoldingTheMergedMissingValuesSaysSo() throws IOException {
        ScorecardModel m = merged();
        String csv = csv(m);
        // duration keeps its own missing bin.
        assertThat(csv).contains("duration,Missing,-17,", "duration,(no bin: missing or unseen),0,0,,\n");
        // purpose: its first bin takes the missing values; an unseen level still scores neutrally.
        assertThat(csv).contains("\"Loan \"\"purpose\"\"\",\"car (new), Missing\",-9,0.3953,180,",
                "\"Loan \"\"purpose\"\"\",(no bin: unseen),0,0,,\n");
        // Âge: numeric, every value has a bin now.
        assertThat(csv).contains("Âge,\"[0, 30), Missing\",-1,0.1,", "Âge,(no bin),0,0,,\n");
        String md = markdown(m);
        assertThat(md).contains("| Loan \"purpose\" | car (new), Missing | -9 |", "| | *unseen, no bin* | 0 | 0 | | |\n",
                "|  | \\[0, 30), Missing | -1 |", "| | *no bin* | 0 | 0 | | |\n",
                "| | *missing or unseen, no bin* | 0 | 0 | | |\n");
    }
}
