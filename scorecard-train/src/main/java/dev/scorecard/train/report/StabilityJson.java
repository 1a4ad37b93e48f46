package dev.scorecard.train.report;

import dev.scorecard.core.model.Baseline;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.PsiResult;
import dev.scorecard.train.eval.StabilityReport;
import java.io.IOException;
import java.util.List;

/** Writes a {@link StabilityReport} as the {@code stability} member of the report JSON files. */
final class StabilityJson {
    private StabilityJson() {
    }

    static void write(JsonOut j, String name, StabilityReport s, Baseline baseline) throws IOException {
        j.startObject(name);
        j.number("scorePsi", s.scorePsi().value());
        j.string("scoreLevel", Figures.level(s.scoreLevel()));
        j.string("worstLevel", Figures.level(s.worstLevel()));
        j.startObject("thresholds");
        j.number("warn", s.thresholds().warn());
        j.number("alert", s.thresholds().alert());
        j.endObject();
        j.startArray("scoreBins");
        List<PsiResult.Bin> bins = s.scorePsi().bins();
        for (int i = 0; i < bins.size(); i++) {
            PsiResult.Bin b = bins.get(i);
            j.startObject();
            j.number("bin", i + 1);
            j.number("lower", ScoreRanges.lower(baseline, i));
            j.number("upper", ScoreRanges.upper(baseline, i));
            j.number("expectedShare", b.expectedShare());
            j.number("actualShare", b.actualShare());
            j.number("contribution", b.contribution());
            j.endObject();
        }
        j.endArray();
        j.startArray("characteristics");
        for (int k = 0; k < s.characteristics().size(); k++) {
            characteristic(j, s.characteristics().get(k), baselineShares(baseline, k, s.characteristics().get(k)));
        }
        j.endArray();
        j.endObject();
    }

    private static void characteristic(JsonOut j, CharacteristicDrift c, List<Double> expected) throws IOException {
        j.startObject();
        j.string("name", c.name());
        j.number("csi", c.csi().value());
        j.string("level", Figures.level(c.level()));
        j.number("baselineMissingShare", c.baselineMissingShare());
        j.number("missingShare", c.missingShare());
        j.number("unseen", c.unseen());
        j.number("maxWoeShift", c.maxWoeShift().orElse(Double.NaN));
        j.startArray("bins");
        List<PsiResult.Bin> bins = c.csi().bins();
        for (int b = 0; b < c.binLabels().size(); b++) {
            int bin = b;
            j.startObject();
            j.string("label", c.binLabels().get(b));
            // No bins in the CSI when no current row fell in any bin: the current shares are undefined.
            j.number("expectedShare", b < bins.size() ? bins.get(b).expectedShare()
                    : b < expected.size() ? expected.get(b) : Double.NaN);
            j.number("actualShare", b < bins.size() ? bins.get(b).actualShare() : Double.NaN);
            j.number("contribution", b < bins.size() ? bins.get(b).contribution() : Double.NaN);
            j.number("trainingWoe", c.trainingWoe().get(b));
            j.number("currentWoe", c.currentWoe().map(w -> w.get(bin)).orElse(Double.NaN));
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    /** @return the training shares of characteristic {@code k}, matched by name; empty when absent */
    static List<Double> baselineShares(Baseline baseline, int k, CharacteristicDrift c) {
        List<Baseline.BinShares> all = baseline.characteristics();
        if (k < all.size() && all.get(k).name().equals(c.name())) {
            return all.get(k).shares();
        }
        return all.stream().filter(s -> s.name().equals(c.name())).findFirst().map(Baseline.BinShares::shares)
                .orElse(List.of());
    }
}
