package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 1, with fitted weights: on the generated data of {@link SyntheticNights} (shared
 * with {@link BlendSyntheticTest}), {@code blend fit} as of one night fits the weights of channel,
 * rules and model; then the fitted blend and each part alone are measured on the later nights, pooled
 * as {@link BlendSyntheticTest} pools them. The AUCs are printed; what holds is asserted.
 */
class BlendFitSyntheticTest {
    /**
     * The nights the weights are fitted as of (indices into the thirteen): each before the later
     * period, so each fit is measured on the same later nights.
     */
    static final int[] FIT_NIGHTS = {4, 5, 6};
    /** The first of the later nights that measure the fits: the eighth, 2026-09-07, to the last, 2026-11-16. */
    static final int LATER = 7;

    @TempDir
    Path dir;

    @Test
    void theFittedBlendOnLaterNights() throws IOException {
        SyntheticNights data = SyntheticNights.get();
        Path config = Files.writeString(dir.resolve("blend.yaml"), data.blendYaml("1", "1", "1"));
        List<Path> yamls = new ArrayList<>();
        for (int f : FIT_NIGHTS) {
            LocalDate night = data.nights.get(f);
            // One night's population holds only about 15 converters (generate-crm's leads convert rarely): no --test
            // split of it here (BlendFitTest checks the split); the later nights are the test.
            BlendFit.Outcome o = BlendFit.run(new BlendFit.Request(data.leads, config, Optional.of(data.channels(night)),
                    Optional.of(data.rules(night)), Optional.of(data.scored(night)), SyntheticNights.asOf(night),
                    SyntheticNights.HORIZON, Optional.empty(), dir.resolve("fit" + f), InputFormat.DEFAULT, 0.01));
            assertThat(o.leadsRead()).isEqualTo(o.leadsRejected() + o.createdAfter() + o.convertedBefore()
                    + o.withoutParts() + o.fitLeads() + o.testLeads());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "blend fit as of %s: %d leads, %d converting;",
                    night, o.fitLeads(), o.fitConverters()));
            for (BlendFit.Term t : o.terms()) {
                line.append(String.format(Locale.ROOT, " %s %.3f (se %.3f)%s", t.name(), t.coefficient(),
                        t.standardError(), Double.isNaN(t.weight()) ? "" : " weight " + BlendFit.text(t.weight())));
            }
            line.append("; AUC on the night ").append(Arrays.toString(o.performance().get(0).auc()));
            System.out.println(line);
            double weights = o.terms().stream().filter(t -> !Double.isNaN(t.weight()))
                    .mapToDouble(BlendFit.Term::weight).sum();
            assertThat(weights).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            yamls.add(dir.resolve("fit" + f + "/blend.yaml"));
        }
        // The later nights: each fitted blend.yaml as scorecard blend runs it, and the configured equal weights.
        yamls.add(config);
        List<double[]> later = new ArrayList<>();
        for (LocalDate n : data.nights.subList(LATER, data.nights.size())) {
            List<Path> blended = new ArrayList<>();
            for (int b = 0; b < yamls.size(); b++) {
                Path out = dir.resolve(n + "/blend" + b);
                BlendWorkflow.run(new BlendWorkflow.Request(data.leads, yamls.get(b), Optional.of(data.channels(n)),
                        Optional.of(data.rules(n)), Optional.of(data.scored(n)), out, InputFormat.DEFAULT, 0.01));
                blended.add(out.resolve("blended.csv"));
            }
            later.addAll(data.population(n, blended));
        }
        int t = 3 + yamls.size();
        double[] auc = new double[t];
        for (int k = 0; k < t; k++) {
            auc[k] = SyntheticNights.auc(later, k, t);
        }
        long converters = later.stream().filter(r -> r[t] == 1).count();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "blend fit, later nights %s to %s: %d"
                + " lead-nights, %d converting; AUC channel %.4f, rules %.4f, model %.4f", data.nights.get(LATER),
                SyntheticNights.LAST, later.size(), converters, auc[0], auc[1], auc[2]));
        for (int f = 0; f < FIT_NIGHTS.length; f++) {
            line.append(String.format(Locale.ROOT, ", fitted as of %s %.4f", data.nights.get(FIT_NIGHTS[f]), auc[3 + f]));
        }
        System.out.println(line.append(String.format(Locale.ROOT, ", equal weights %.4f", auc[t - 1])));
        // What holds (seed 7; docs/blend.md): every fit gives the model most of the weight (0.83 to 0.99), so every
        // fitted blend ranks the later nights above the channel and the rules alone and above the equal weights it
        // started from, and ties the model: 0.9165, 0.9245, 0.9186 against its 0.9180, within 0.02 either way (with
        // about 100 converting lead-nights the AUC's standard error is about 0.01-0.015, Hanley and McNeil 1982). It
        // does not beat the model by more than noise: on this data the rules know little the model does not.
        for (int f = 0; f < FIT_NIGHTS.length; f++) {
            assertThat(auc[3 + f]).as("fitted as of night %d", FIT_NIGHTS[f]).isGreaterThan(Math.max(auc[0], auc[1]))
                    .isGreaterThan(auc[t - 1]);
            assertThat(Math.abs(auc[3 + f] - auc[2])).as("fitted as of night %d against the model", FIT_NIGHTS[f])
                    .isLessThan(0.02);
            String model = Files.readAllLines(yamls.get(f)).stream().filter(l -> l.startsWith("  model:")).findFirst()
                    .orElseThrow();
            assertThat(Double.parseDouble(model.replaceAll(".*weight: ([0-9.]+),.*", "$1"))).isGreaterThan(0.5);
        }
    }
}
