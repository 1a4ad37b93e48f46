package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, backtest: each replayed night equals a separate {@code rules} run as of that night, and
 * its AUC and conversion by grade equal those counted here, pair by pair, from that run's scores and
 * the leads' conversion times.
 */
class RulesBacktestTest {
    @TempDir
    Path dir;

    @Test
    void eachNightIsTheNightlyRunMeasuredAgainstTheHorizon() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(3000).withSeed(5).withDates(LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 12, 1))).generate(dir.resolve("crm"), (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path leads = dir.resolve("crm/leads.csv");
        Path events = dir.resolve("crm/events.csv");
        Path rules = dir.resolve("rules.yaml");
        RulesBacktest.Outcome o = RulesBacktest.run(new RulesBacktest.Request(leads, events, rules, Optional.of(rules),
                Optional.empty(), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 29), 14, 14, dir.resolve("bt"),
                InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.05), n -> { });
        assertThat(o.nights()).hasSize(6); // 09-01, 09-15, 09-29, each for the rules and the same rules compared
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Map<String, Long> convertedAt = new HashMap<>();
        Map<String, Long> createdAt = new HashMap<>();
        List<String> rows = Files.readAllLines(leads);
        List<String> header = List.of(rows.get(0).split(","));
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            createdAt.put(f[0], OffsetDateTime.parse(f[header.indexOf("created_at")]).toInstant().toEpochMilli());
            String c = f[header.indexOf("converted_at")];
            if (!c.isEmpty()) {
                convertedAt.put(f[0], OffsetDateTime.parse(c).toInstant().toEpochMilli());
            }
        }
        // Pooled over the nights, from the separate runs: the unclamped score (score100 less the clamp), the
        // booked-not-attended condition (5 points, the only one tagging follow-up-trial), the target.
        List<double[]> pooled = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            LocalDate night = LocalDate.of(2026, 9, 1).plusDays(14L * k);
            RulesWorkflow.run(new RulesWorkflow.Request(leads, events, rules, Optional.empty(), night.toString(),
                    dir.resolve("n" + k), InputFormat.DEFAULT, false, Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), 0.05), n -> { });
            long asOf = night.atStartOfDay(zone).toInstant().toEpochMilli();
            long end = night.plusDays(14).atStartOfDay(zone).toInstant().toEpochMilli();
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            long[] aLeads = new long[4];
            long[] aConv = new long[4];
            List<String> scores = Files.readAllLines(dir.resolve("n" + k + "/scores.csv"));
            for (String line : scores.subList(1, scores.size())) {
                String[] f = line.split(",", -1);
                Long c = convertedAt.get(f[0]);
                if (c != null && c <= asOf) {
                    continue; // already converted: not in the night's population
                }
                boolean converts = c != null && c <= end;
                (converts ? pos : neg).add(Double.parseDouble(f[1]));
                boolean booked = List.of(f[7].split(";")).contains("follow-up-trial");
                pooled.add(new double[] {Double.parseDouble(f[1]) - Double.parseDouble(f[15]), booked ? 5 : 0,
                        converts ? 1 : 0});
                int g = "ABCD".indexOf(f[3]);
                aLeads[g]++;
                aConv[g] += converts ? 1 : 0;
            }
            double pairs = 0;
            for (double p : pos) {
                for (double q : neg) {
                    pairs += p > q ? 1 : p == q ? 0.5 : 0;
                }
            }
            for (RulesBacktest.Night n : List.of(o.nights().get(2 * k), o.nights().get(2 * k + 1))) {
                assertThat(n.night()).isEqualTo(night);
                assertThat(n.leads()).isEqualTo(pos.size() + neg.size());
                assertThat(n.converters()).isEqualTo(pos.size());
                assertThat(n.auc()).isCloseTo(pairs / ((double) pos.size() * neg.size()), org.assertj.core.data.Offset
                        .offset(1e-12));
                assertThat(n.gradeLeads()).containsExactly(aLeads);
                assertThat(n.gradeConverters()).containsExactly(aConv);
            }
            assertThat(pos).as("converters on night %s", night).isNotEmpty();
        }
        assertThat(o.overall().get(0).auc()).isEqualTo(o.overall().get(1).auc());
        assertThat(o.overall().get(0).leads()).isEqualTo(o.nights().stream().filter(n -> n.rules().equals("rules"))
                .mapToLong(RulesBacktest.Night::leads).sum());
        assertThat(Files.readAllLines(dir.resolve("bt/backtest.csv")).get(0)).isEqualTo(
                "night,rules,leads,converters,rate,auc,ks,top_grade_leads,top_grade_rate,top_grade_lift");
        assertThat(Files.readString(dir.resolve("bt/backtest.html"))).contains("AUC per night", "<svg",
                "Which rules carry signal");
        // Which rules carry signal: the condition's counts, its AUC alone and the AUC it adds, pair by pair.
        List<RulesBacktest.RuleEvidence> signal = o.signal().get(0);
        assertThat(signal).extracting(RulesBacktest.RuleEvidence::rule).containsExactly("trial_booked", "trial_attended",
                "live_joined", "wechat_add", "course_view", "message_reply", "coupon_claimed", "page_view", "app_open",
                "newsletter_open", "complaint", "unsubscribe", "booked-not-attended", "warm-unpaid", "engaged",
                "wechat-responsive");
        assertThat(o.signal().get(1)).isEqualTo(signal);
        RulesBacktest.RuleEvidence booked = signal.get(12);
        long with = pooled.stream().filter(r -> r[1] != 0).count();
        long convertersWith = pooled.stream().filter(r -> r[1] != 0 && r[2] == 1).count();
        assertThat(booked.leadNights()).isEqualTo(pooled.size()).isEqualTo(o.overall().get(0).leads());
        assertThat(booked.with()).isEqualTo(with).isPositive();
        assertThat(booked.convertersWith()).isEqualTo(convertersWith);
        double whole = pairAuc(pooled, r -> r[0]);
        assertThat(booked.auc()).isCloseTo(pairAuc(pooled, r -> r[1]), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(booked.aucChange()).isCloseTo(whole - pairAuc(pooled, r -> r[0] - r[1]),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Files.readAllLines(dir.resolve("bt/backtest-rules.csv")).get(0)).isEqualTo(
                "rules,rule,kind,lead_nights,with,share_with,converters_with,rate_with,iv,auc,auc_change,verdict");
    }

    private static double pairAuc(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> score) {
        double pairs = 0;
        long pos = 0;
        long neg = 0;
        for (double[] p : rows) {
            if (p[2] == 1) {
                pos++;
                for (double[] q : rows) {
                    if (q[2] == 0) {
                        double a = score.applyAsDouble(p);
                        double b = score.applyAsDouble(q);
                        pairs += a > b ? 1 : a == b ? 0.5 : 0;
                    }
                }
            } else {
                neg++;
            }
        }
        return pairs / ((double) pos * neg);
    }
}
