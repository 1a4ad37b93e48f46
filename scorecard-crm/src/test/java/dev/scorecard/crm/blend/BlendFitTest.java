package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, fitted weights: a fixture whose outcomes follow a known logistic model — the rule score
 * with log-odds 4 per 100 points, the model's score 1.5, the channel against its score — so the
 * fitted weights are known in sign and order.
 */
class BlendFitTest {
    private static final String T = "2026-06-01T00:00:00Z";

    @TempDir
    Path dir;

    /**
     * 2,000 leads created 2026-01-01 to 2026-05-30; the rule score and the model's uniform on 0–100, the
     * model absent for every fifth lead; channel web (score 8), ads (5) or ref (3) with log-odds -0.8, 0,
     * +0.8: against its score. P(convert within 14 days) = logistic(-3 + 4 r/100 + 1.5 m/100 + channel),
     * an absent model counting 0.75 (its average). Beside them: 30 leads converted before T, 20 created
     * after it, 10 converted 20 days after T (not within the horizon).
     */
    private void fixture() throws IOException {
        Random random = new Random(15);
        List<String> leads = new ArrayList<>(List.of("lead_id,channel,sub_channel,created_at,converted,converted_at"));
        List<String> rules = new ArrayList<>(List.of("lead_id,score100"));
        List<String> model = new ArrayList<>(List.of("lead_id,score"));
        String[] channels = {"web", "ads", "ref"};
        double[] effect = {-0.8, 0, 0.8};
        for (int i = 0; i < 2060; i++) {
            String id = "L" + i;
            int c = random.nextInt(3);
            double r = random.nextInt(10001) / 100.0;
            double m = random.nextInt(10001) / 100.0;
            boolean hasModel = i % 5 != 0;
            LocalDate created = LocalDate.of(2026, 1, 1).plusDays(i % 150);
            double eta = -3 + 4 * r / 100 + (hasModel ? 1.5 * m / 100 : 0.75) + effect[c];
            boolean converts = random.nextDouble() < 1 / (1 + Math.exp(-eta));
            String outcome = converts ? "1,2026-06-" + String.format(Locale.ROOT, "%02d", 2 + random.nextInt(13))
                    + "T10:00:00Z" : "0,";
            if (i >= 2000 && i < 2030) {
                outcome = "1,2026-05-20T10:00:00Z";
            } else if (i >= 2030 && i < 2050) {
                created = LocalDate.of(2026, 6, 3);
                outcome = "0,";
            } else if (i >= 2050) {
                outcome = "1,2026-06-21T10:00:00Z";
            }
            leads.add(id + "," + channels[c] + ",," + created + "T09:00:00Z," + outcome);
            rules.add(id + "," + r);
            if (hasModel) {
                model.add(id + "," + m);
            }
        }
        Files.write(dir.resolve("leads.csv"), leads);
        Files.write(dir.resolve("scores.csv"), rules);
        Files.write(dir.resolve("scored.csv"), model);
        Files.write(dir.resolve("channels.csv"), List.of("channel,sub_channel,score", "web,,8", "ads,,5", "ref,,3"));
        Files.write(dir.resolve("blend.yaml"), List.of("# the blend", "parts:", "  channel: {weight: 1}",
                "  rules:", "    weight: 1", "  # the model", "  model: {weight: 1, from: 0, to: 100}", "",
                "# hot leads first", "grades:", "  - {grade: hot, from: 50}", "  - {grade: cold, from: 0}", "reasons: 1"));
    }

    private BlendFit.Outcome fit(Optional<String> test) {
        return BlendFit.run(new BlendFit.Request(dir.resolve("leads.csv"), dir.resolve("blend.yaml"),
                Optional.of(dir.resolve("channels.csv")), Optional.of(dir.resolve("scores.csv")),
                Optional.of(dir.resolve("scored.csv")), T, 14, test, dir.resolve("fit"), InputFormat.DEFAULT, 0.01));
    }

    @Test
    void theWeightsFollowTheOutcomesAndANegativePartIsDropped() throws IOException {
        fixture();
        BlendFit.Outcome o = fit(Optional.of("2026-05-01T00:00:00Z"));
        // The population: 2,060 read = 20 created after T + 30 converted before + 2,010 in the fit or the test set.
        assertThat(o.leadsRead()).isEqualTo(2060);
        assertThat(o.createdAfter()).isEqualTo(20);
        assertThat(o.convertedBefore()).isEqualTo(30);
        assertThat(o.withoutParts()).isZero();
        assertThat(o.leadsRead()).isEqualTo(o.leadsRejected() + o.createdAfter() + o.convertedBefore()
                + o.withoutParts() + o.fitLeads() + o.testLeads());
        // Created in May (days 120 to 149 of each 150 from January 1): 30 of each 150 of L0 to L1949, none of L1950
        // to L1999 and L2050 to L2059 (days 0 to 49, 100 to 109).
        assertThat(o.testLeads()).isEqualTo(13 * 30);
        // The channel's coefficient is negative (its score runs against the outcome): dropped, weight 0, and the
        // refit without it gives the rules, then the model, their weights, in the order of their log-odds 4 and 1.5.
        assertThat(o.dropped()).containsExactly("channel");
        List<String> names = o.terms().stream().map(BlendFit.Term::name).toList();
        assertThat(names).containsExactly("(Intercept)", "channel", "rules", "model", "model_missing");
        BlendFit.Term channel = o.terms().get(1);
        BlendFit.Term rules = o.terms().get(2);
        BlendFit.Term model = o.terms().get(3);
        assertThat(channel.coefficient()).isNegative();
        assertThat(channel.weight()).isZero();
        assertThat(channel.note()).isEqualTo("dropped: negative coefficient");
        assertThat(rules.coefficient()).isGreaterThan(model.coefficient());
        assertThat(model.coefficient()).isPositive();
        assertThat(rules.weight()).isGreaterThan(model.weight());
        assertThat(rules.weight() + model.weight()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        // The channel's is that of the fit it was in: within 3 standard errors of the -3.2 per unit it was drawn with
        // (-0.8 to +0.8 over 0.8 to 0.3). The kept parts' coefficients are not compared with the 4 and 1.5 drawn: the
        // refit without the channel shrinks them (a logistic regression is not collapsible: leaving out an
        // independent cause attenuates the others; here rules 3.39, model 1.61), so only their order is asserted.
        assertThat(Math.abs(channel.coefficient() + 3.2)).isLessThan(3 * channel.standardError());
        // The blend of rules and model ranks the fit set above either alone (and above the channel).
        double[] auc = o.performance().get(0).auc();
        assertThat(auc[3]).isGreaterThan(auc[0]).isGreaterThan(0.5);
        assertThat(auc[3]).isGreaterThan(auc[1]).isGreaterThan(auc[2]);
        assertThat(o.performance()).extracting(BlendFit.Performance::set).containsExactly("fit", "test");

        // The edited YAML: its parts replaced by the fitted weights, every other line kept; scorecard blend runs it.
        List<String> yaml = Files.readAllLines(dir.resolve("fit/blend.yaml"));
        assertThat(yaml.get(0)).isEqualTo("# the blend");
        assertThat(yaml).contains("  channel: {weight: 0, fill: renormalise}",
                "  model: {weight: " + java.math.BigDecimal.valueOf(Math.round(model.weight() * 10_000), 4)
                        .stripTrailingZeros().toPlainString() + ", fill: renormalise, column: score, from: 0, to: 100,"
                        + " side: fit}");
        assertThat(yaml.subList(yaml.size() - 5, yaml.size())).containsExactly("# hot leads first", "grades:",
                "  - {grade: hot, from: 50}", "  - {grade: cold, from: 0}", "reasons: 1");
        BlendWorkflow.run(new BlendWorkflow.Request(dir.resolve("leads.csv"), dir.resolve("fit/blend.yaml"),
                Optional.of(dir.resolve("channels.csv")), Optional.of(dir.resolve("scores.csv")),
                Optional.of(dir.resolve("scored.csv")), dir.resolve("blend"), InputFormat.DEFAULT, 0.01));
        assertThat(Files.readAllLines(dir.resolve("blend/blended.csv")).get(0)).startsWith("lead_id,score100,");

        assertThat(Files.readAllLines(dir.resolve("fit/fit.csv"))).hasSize(8)
                .startsWith("fit,term,coefficient,std_error,z,p_value,weight,auc,note");
        assertThat(Files.readAllLines(dir.resolve("fit/fit.csv")).get(2)).startsWith("blend,channel,-")
                .endsWith(",0," + BlendFit.text(auc[0]) + ",dropped: negative coefficient");
        assertThat(Files.readAllLines(dir.resolve("fit/fit.csv")).get(6)).startsWith("platt,(Intercept),");
        assertThat(Files.readAllLines(dir.resolve("fit/fit.csv")).get(7)).startsWith("platt,score100,")
                .endsWith("," + BlendFit.text(auc[3]) + ",");
        // Platt scaling: the rate rises with the score, so its slope is positive.
        assertThat(o.platt()[1]).isPositive();
        List<String> calibration = Files.readAllLines(dir.resolve("fit/calibration.csv"));
        assertThat(calibration).hasSize(21).first().isEqualTo("set,from,to,leads,converters,observed,predicted");
        long banded = calibration.stream().filter(l -> l.startsWith("fit,"))
                .mapToLong(l -> Long.parseLong(l.split(",")[3])).sum();
        assertThat(banded).isEqualTo(o.fitLeads());
        assertThat(Files.readAllLines(dir.resolve("fit/performance.csv"))).hasSize(3)
                .first().isEqualTo("set,leads,converters,channel,rules,model,blend");

        // Two runs are byte-identical.
        byte[] first = Files.readAllBytes(dir.resolve("fit/fit.csv"));
        fit(Optional.of("2026-05-01T00:00:00Z"));
        assertThat(Files.readAllBytes(dir.resolve("fit/fit.csv"))).isEqualTo(first);
    }

    @Test
    void theBlendedScoreIsTheOneScorecardBlendWrites() throws IOException {
        fixture();
        BlendFit.Outcome o = fit(Optional.empty());
        assertThat(o.performance()).hasSize(1);
        assertThat(o.testLeads()).isZero();
        BlendWorkflow.run(new BlendWorkflow.Request(dir.resolve("leads.csv"), dir.resolve("fit/blend.yaml"),
                Optional.of(dir.resolve("channels.csv")), Optional.of(dir.resolve("scores.csv")),
                Optional.of(dir.resolve("scored.csv")), dir.resolve("blend"), InputFormat.DEFAULT, 0.01));
        // The fit's blend AUC is that of blended.csv's score100 over the fit population (leads L0 to L1999 here,
        // the 10 late converters L2050 on are non-converters within the horizon).
        List<String> blended = Files.readAllLines(dir.resolve("blend/blended.csv"));
        List<String> leads = Files.readAllLines(dir.resolve("leads.csv"));
        List<Double> s = new ArrayList<>();
        List<Byte> y = new ArrayList<>();
        for (int i = 1; i < leads.size(); i++) {
            int k = i - 1;
            if (k >= 2000 && k < 2050) {
                continue;
            }
            String[] lead = leads.get(i).split(",", -1);
            String[] row = blended.get(i).split(",", -1);
            assertThat(row[0]).isEqualTo(lead[0]);
            s.add(Double.parseDouble(row[1]));
            y.add((byte) (k < 2000 && lead[4].equals("1") ? 1 : 0));
        }
        double[] scores = s.stream().mapToDouble(Double::doubleValue).toArray();
        byte[] target = new byte[y.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = y.get(i);
        }
        assertThat(o.performance().get(0).auc()[3]).isEqualTo(dev.scorecard.train.eval.Metrics.auc(scores,
                dev.scorecard.core.data.BinaryTarget.of("converted", "1", target)));
    }

    @Test
    void aFitNeedsOutcomesOnBothSides() throws IOException {
        fixture();
        assertThatThrownBy(() -> BlendFit.run(new BlendFit.Request(dir.resolve("leads.csv"), dir.resolve("blend.yaml"),
                Optional.of(dir.resolve("channels.csv")), Optional.of(dir.resolve("scores.csv")),
                Optional.of(dir.resolve("scored.csv")), "2025-06-01T00:00:00Z", 14, Optional.empty(), dir.resolve("fit"),
                InputFormat.DEFAULT, 0.01)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(dir.resolve("leads.csv") + ": the fit set holds 0 leads and 0 of them converted within 14 days"
                        + " after 2025-06-01T00:00:00Z: a fit needs both converters and non-converters");
        Path flow = Files.writeString(dir.resolve("flow.yaml"), "{parts: {rules: {weight: 1}}}\n");
        assertThatThrownBy(() -> BlendFit.run(new BlendFit.Request(dir.resolve("leads.csv"), flow, Optional.empty(),
                Optional.of(dir.resolve("scores.csv")), Optional.empty(), T, 14, Optional.empty(), dir.resolve("fit"),
                InputFormat.DEFAULT, 0.01)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(flow + ": key 'parts': blend fit rewrites the lines of a top-level 'parts:' block, and found"
                        + " none: write the file as a block, parts: on a line of its own");
        Path plain = Files.write(dir.resolve("plain.csv"), List.of("lead_id,created_at", "L1,2026-05-01"));
        assertThatThrownBy(() -> BlendFit.run(new BlendFit.Request(plain, dir.resolve("blend.yaml"),
                Optional.of(dir.resolve("channels.csv")), Optional.of(dir.resolve("scores.csv")),
                Optional.of(dir.resolve("scored.csv")), T, 14, Optional.empty(), dir.resolve("fit"), InputFormat.DEFAULT,
                1)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(plain + ": a fit needs the leads' outcomes: column converted_at (its header: lead_id,"
                        + " created_at)");
        assertThatThrownBy(() -> fit(Optional.of("2026-07-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--test 2026-07-01 is after --as-of " + T + ": the test set is the leads created from it to"
                        + " the as-of instant");
    }
}
