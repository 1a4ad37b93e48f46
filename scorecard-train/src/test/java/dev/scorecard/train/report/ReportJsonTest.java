package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GateResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code report.json}: parseable, exact numbers, fixed member order, the same bytes every time. */
class ReportJsonTest {
    private static final GermanCreditFixture F = GermanCreditFixture.get();

    static byte[] bytes(ReportInput input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(input, out);
        return out.toByteArray();
    }

    @Test
    void parsesWithTheMembersInTheirFixedOrder() throws IOException {
        JsonNode root = new ObjectMapper().readTree(bytes(F.trainInput(GermanCreditFixture.PASSING)));

        assertThat(names(root)).containsExactly("format", "formatVersion", "command", "model", "data", "evaluations",
                "challenger", "gatedEvaluation", "gates", "gatesPassed");
        assertThat(names(root.get("evaluations").get(0))).containsExactly("name", "rows", "events", "eventRate", "auc",
                "ks", "ksProbability", "ksScore", "gini", "averagePrecision", "curve", "gains", "cutoffs", "grades", "calibration", "histogram",
                "stability");
        assertThat(root.get("format").asText()).isEqualTo("scorecard-report");
        assertThat(root.get("command").asText()).isEqualTo("train");
        assertThat(root.get("model").get("name").asText()).isEqualTo("germancredit");
        assertThat(root.get("data").get("testFile").isNull()).isTrue();
        assertThat(root.get("data").get("rowsRead").asLong()).isEqualTo(1000);
    }

    @Test
    void metricsReadBackToExactlyTheEvaluationsDoubles() throws IOException {
        byte[] json = bytes(F.trainInput(GermanCreditFixture.PASSING));
        JsonNode evaluations = new ObjectMapper().readTree(json).get("evaluations");
        String text = new String(json, StandardCharsets.UTF_8);

        List<Evaluation> expected = List.of(F.trainEvaluation, F.testEvaluation);
        for (int i = 0; i < expected.size(); i++) {
            Evaluation e = expected.get(i);
            JsonNode node = evaluations.get(i);
            assertThat(node.get("name").asText()).isEqualTo(e.name());
            // the text is DoubleFormat's shortest round-trip form, which parses back to the same double
            assertThat(Double.parseDouble(node.get("auc").asText())).isEqualTo(e.auc());
            assertThat(node.get("auc").doubleValue()).isEqualTo(e.auc());
            assertThat(node.get("ks").doubleValue()).isEqualTo(e.ks().ks());
            assertThat(node.get("gini").doubleValue()).isEqualTo(e.gini());
            assertThat(node.get("ksScore").doubleValue()).isEqualTo(e.ksScore());
            assertThat(node.get("stability").get("scorePsi").doubleValue()).isEqualTo(e.stability().scorePsi().value());
            assertThat(text).contains("\"auc\": " + DoubleFormat.format(e.auc()) + ",");
            assertThat(node.get("grades")).hasSize(e.grades().rows().size());
            assertThat(node.get("gains")).hasSize(e.gains().groups().size());
            JsonNode cutoffs = node.get("cutoffs");
            assertThat(cutoffs.get("bands").intValue()).isEqualTo(10);
            assertThat(cutoffs.get("width").isNull()).isTrue();
            assertThat(cutoffs.get("rows")).hasSize(e.cutoffs().bands().size());
            for (int b = 0; b < e.cutoffs().bands().size(); b++) {
                dev.scorecard.train.eval.CutoffTable.Band band = e.cutoffs().bands().get(b);
                JsonNode row = cutoffs.get("rows").get(b);
                assertThat(names(row)).containsExactly("band", "minScore", "maxScore", "rows", "events", "nonEvents",
                        "eventRate", "share", "cumRows", "cumShare", "cumEvents", "cumEventRate", "eventsCaptured",
                        "nonEventsCaptured", "ks");
                assertThat(row.get("minScore").doubleValue()).isEqualTo(band.minScore());
                assertThat(row.get("cumShare").doubleValue()).isEqualTo(band.cumShare());
                assertThat(row.get("ks").doubleValue()).isEqualTo(band.ks());
            }
            assertThat(node.get("calibration").get("groups")).hasSize(e.calibration().groups().size());
            assertThat(node.get("stability").get("characteristics")).hasSize(F.model.characteristics().size());
            assertThat(node.get("stability").get("scoreBins")).hasSize(e.stability().scorePsi().bins().size());
        }
        // The HTML shows the same AUC, rounded to four decimals.
        String html = dev.scorecard.train.report.html.HtmlRenderer.render(
                EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));
        double auc = evaluations.get(1).get("auc").doubleValue();
        assertThat(html).contains("AUC " + String.format(Locale.ROOT, "%.4f", auc));
    }

    @Test
    void gainsScoresAreRealScoresWithTheRiskiestGroupLowestForACreditModel() throws IOException {
        JsonNode gains = new ObjectMapper().readTree(bytes(F.trainInput(GermanCreditFixture.PASSING)))
                .get("evaluations").get(1).get("gains");

        for (int g = 0; g < gains.size(); g++) {
            JsonNode group = gains.get(g);
            assertThat(group.get("minScore").doubleValue()).isLessThanOrEqualTo(group.get("maxScore").doubleValue());
            if (g > 0) { // a higher score means less likely bad: each group scores above the riskier one before it
                assertThat(group.get("minScore").doubleValue()).isGreaterThan(gains.get(g - 1).get("maxScore").doubleValue());
            }
        }
        assertThat(gains.get(0).get("eventRate").doubleValue()).isGreaterThan(gains.get(gains.size() - 1)
                .get("eventRate").doubleValue());
    }

    @Test
    void gatesCarryThresholdActualAndResult() throws IOException {
        ReportInput input = F.trainInput(GermanCreditFixture.FAILING);
        JsonNode root = new ObjectMapper().readTree(bytes(input));

        assertThat(root.get("gatesPassed").asBoolean()).isFalse();
        JsonNode gates = root.get("gates");
        assertThat(gates).hasSize(input.gates().size());
        for (int i = 0; i < gates.size(); i++) {
            GateResult g = input.gates().get(i);
            assertThat(names(gates.get(i))).containsExactly("gate", "threshold", "actual", "passed");
            assertThat(gates.get(i).get("gate").asText()).isEqualTo(g.gate());
            assertThat(gates.get(i).get("threshold").doubleValue()).isEqualTo(g.threshold());
            assertThat(gates.get(i).get("actual").doubleValue()).isEqualTo(g.actual());
            assertThat(gates.get(i).get("passed").asBoolean()).isEqualTo(g.passed());
        }
        assertThat(new ObjectMapper().readTree(bytes(F.trainInput(GermanCreditFixture.PASSING))).get("gatesPassed")
                .asBoolean()).isTrue();
        JsonNode challenger = root.get("challenger");
        assertThat(challenger.get("kind").asText()).isEqualTo("gbm");
        assertThat(challenger.get("testAuc").doubleValue()).isEqualTo(F.challenger.testAuc());
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        ReportInput input = F.trainInput(GermanCreditFixture.PASSING);

        assertThat(bytes(input)).isEqualTo(bytes(input));
        assertThat(new String(bytes(input), StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void numbersThatAreNotFiniteAreNull() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonOut j = new JsonOut(out)) {
            j.startObject();
            j.number("nan", Double.NaN);
            j.number("inf", Double.POSITIVE_INFINITY);
            j.number("tenth", 0.1);
            j.number("big", 1e300);
            j.endObject();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"nan\": null,\n  \"inf\": null,\n  \"tenth\": 0.1,\n  \"big\": 1e300\n}\n");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
