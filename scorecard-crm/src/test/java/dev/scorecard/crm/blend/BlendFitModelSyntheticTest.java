package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 1, in the case a blend is for: a fit model (who the lead is) blended with
 * engagement rules (what it did). As {@link BlendFitSyntheticTest}, but the model part is the fit
 * model of {@link SyntheticNights}, trained on the lead's attributes alone, which knows nothing of
 * the events the rules score: {@code blend fit} as of the same nights, then the fitted blends and
 * each part alone measured on the same later nights. The AUCs and their standard errors are printed;
 * what holds is asserted.
 */
class BlendFitModelSyntheticTest {
    @TempDir
    Path dir;

    @Test
    void theFittedBlendOfAFitModelAndTheRulesOnLaterNights() throws IOException {
        SyntheticNights data = SyntheticNights.get();
        int[] fitNights = BlendFitSyntheticTest.FIT_NIGHTS;
        Path config = Files.writeString(dir.resolve("blend.yaml"), SyntheticNights.blendYaml("1", "1", "1",
                data.fitRange));
        List<Path> yamls = new ArrayList<>();
        for (int f : fitNights) {
            LocalDate night = data.nights.get(f);
            BlendFit.Outcome o = BlendFit.run(new BlendFit.Request(data.leads, config, Optional.of(data.channels(night)),
                    Optional.of(data.rules(night)), Optional.of(data.fitScored(night)), SyntheticNights.asOf(night),
                    SyntheticNights.HORIZON, Optional.empty(), dir.resolve("fit" + f), InputFormat.DEFAULT, 0.01));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "blend fit (fit model) as of %s: %d leads, %d converting;", night, o.fitLeads(), o.fitConverters()));
            for (BlendFit.Term t : o.terms()) {
                line.append(String.format(Locale.ROOT, " %s %.3f (se %.3f)%s", t.name(), t.coefficient(),
                        t.standardError(), Double.isNaN(t.weight()) ? "" : " weight " + BlendFit.text(t.weight())));
            }
            System.out.println(line);
            double weights = o.terms().stream().filter(t -> !Double.isNaN(t.weight()))
                    .mapToDouble(BlendFit.Term::weight).sum();
            assertThat(weights).isCloseTo(1.0, Offset.offset(1e-9));
            yamls.add(dir.resolve("fit" + f + "/blend.yaml"));
        }
        yamls.add(config);
        List<double[]> later = new ArrayList<>();
        for (LocalDate n : data.nights.subList(BlendFitSyntheticTest.LATER, data.nights.size())) {
            List<Path> blended = new ArrayList<>();
            for (int b = 0; b < yamls.size(); b++) {
                Path out = dir.resolve(n + "/blend" + b);
                BlendWorkflow.run(new BlendWorkflow.Request(data.leads, yamls.get(b), Optional.of(data.channels(n)),
                        Optional.of(data.rules(n)), Optional.of(data.fitScored(n)), out, InputFormat.DEFAULT, 0.01));
                blended.add(out.resolve("blended.csv"));
            }
            later.addAll(data.population(n, blended));
        }
        int t = 3 + yamls.size();
        long positives = later.stream().filter(r -> r[t] == 1).count();
        long negatives = later.size() - positives;
        double[] auc = new double[t];
        double[] se = new double[t];
        for (int k = 0; k < t; k++) {
            auc[k] = SyntheticNights.auc(later, k, t);
            se[k] = hanleyMcNeil(auc[k], positives, negatives);
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "blend fit (fit model), later nights %s to %s:"
                + " %d lead-nights, %d converting; AUC (se) channel %.4f (%.4f), rules %.4f (%.4f), fit model %.4f (%.4f)",
                data.nights.get(BlendFitSyntheticTest.LATER), SyntheticNights.LAST, later.size(), positives, auc[0], se[0],
                auc[1], se[1], auc[2], se[2]));
        for (int f = 0; f < fitNights.length; f++) {
            line.append(String.format(Locale.ROOT, ", fitted as of %s %.4f (%.4f)", data.nights.get(fitNights[f]),
                    auc[3 + f], se[3 + f]));
        }
        System.out.println(line.append(String.format(Locale.ROOT, ", equal weights %.4f (%.4f)", auc[t - 1],
                se[t - 1])));
        // What holds (seeds 7 and 3; docs/blend.md). The fit model alone ranks worst (0.61, 0.70): the attributes say
        // little on this data. Every fit gives the rules the largest weight, and every fitted blend ranks the later
        // nights above the channel and the fit model alone by more than noise, and ties the rules: 0.848, 0.868, 0.870
        // against their 0.870 (seed 7), 0.829, 0.858, 0.859 against 0.845 (seed 3). It does not beat each single score:
        // one fit night holds 10 to 19 converters, too few to find the fit model's small addition. Noise: two standard
        // errors of a difference of two AUCs taken as independent, 2 sqrt(se1² + se2²), about 0.07 here; the AUCs of
        // one population are positively correlated, so the true standard error of the difference is smaller (the
        // converters are distinct leads, but a lead that does not convert is in several nights).
        for (int f = 0; f < fitNights.length; f++) {
            int b = 3 + f;
            for (int k : new int[] {0, 2}) {
                assertThat(auc[b] - auc[k]).as("fitted as of night %d against %s", fitNights[f], SyntheticNights.PARTS[k])
                        .isGreaterThan(2 * Math.hypot(se[b], se[k]));
            }
            assertThat(Math.abs(auc[b] - auc[1])).as("fitted as of night %d against the rules", fitNights[f])
                    .isLessThan(2 * Math.hypot(se[b], se[1]));
            double[] w = new double[3];
            for (String l : Files.readAllLines(yamls.get(f))) {
                for (int k = 0; k < 3; k++) {
                    if (l.startsWith("  " + SyntheticNights.PARTS[k] + ":")) {
                        w[k] = Double.parseDouble(l.replaceAll(".*weight: ([0-9.]+).*", "$1"));
                    }
                }
            }
            assertThat(w[1]).as("the rules' weight fitted as of night %d", fitNights[f]).isGreaterThan(Math.max(w[0], w[2]));
        }
    }

    /**
     * @return the standard error of an AUC from its value and the counts of positives and negatives
     *     (Hanley and McNeil 1982, Radiology 143:29, equation 2, with Q1 = A / (2 - A), Q2 = 2A² / (1 + A))
     */
    static double hanleyMcNeil(double a, long positives, long negatives) {
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        return Math.sqrt((a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a))
                / ((double) positives * negatives));
    }
}
