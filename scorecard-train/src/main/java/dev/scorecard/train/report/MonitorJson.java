package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.PsiResult;
import dev.scorecard.train.monitor.CandidateDrift;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.NonModelDrift;
import dev.scorecard.train.monitor.Performance;
import dev.scorecard.train.monitor.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the monitoring {@code report.json} (SPEC §9): the model, the current data, the worst drift
 * level (of the measures {@code alertOn} counts), the overall stability (score PSI bins, CSI, missing
 * shares, unseen levels and WOE per characteristic), performance against training when known, the
 * CSI of the variables the model does not use ({@code nonModel}, with {@code available: false} for a
 * model file that keeps no baseline of them), and each period's drift. Same
 * conventions as {@link ReportJson}: streaming, fixed member order, {@code DoubleFormat} doubles,
 * {@code null} for values that are not finite. Stateless and thread-safe.
 */
public final class MonitorJson {
    /** The {@code format} member. */
    public static final String FORMAT = "scorecard-monitor";
    /** The {@code formatVersion} member. */
    public static final int FORMAT_VERSION = 1;

    private MonitorJson() {
    }

    /**
     * @param result what monitoring found
     * @param model the model monitored
     * @param out where the UTF-8 bytes go; flushed, not closed
     * @throws IOException when the stream fails
     */
    public static void write(MonitorResult result, ScorecardModel model, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(model, "model");
        try (JsonOut j = new JsonOut(out)) {
            j.startObject();
            j.string("format", FORMAT);
            j.number("formatVersion", FORMAT_VERSION);
            j.startObject("model");
            j.string("name", model.name());
            j.string("createdWith", model.createdWith());
            j.string("target", model.target());
            j.string("event", model.event());
            j.endObject();
            j.startObject("data");
            j.string("file", result.data());
            j.number("rowsRead", result.rowsRead());
            j.number("rowsRejected", result.rowsRejected());
            j.endObject();
            j.string("level", Figures.level(result.worstLevel()));
            j.string("alertOn", result.alertOn().configName());
            StabilityJson.write(j, "stability", result.overall(), model.baseline());
            performance(j, result.performance());
            nonModel(j, result.nonModel());
            j.string("byColumn", result.byColumn());
            j.string("leftOutOfPeriodCsi", result.byCharacteristic());
            j.string("leftOutOfPeriodNonModelCsi", result.byNonModel());
            j.startArray("periods");
            for (Period p : result.periods()) {
                j.startObject();
                j.string("label", p.label());
                j.number("rows", p.rows());
                j.number("scorePsi", p.stability().scorePsi().value());
                j.string("level", Figures.level(p.worstLevel(result.alertOn())));
                j.string("scoreLevel", Figures.level(p.stability().scoreLevel()));
                Optional<CharacteristicDrift> worst = p.stability().worstCharacteristic();
                j.string("highestCsiCharacteristic", worst.map(CharacteristicDrift::name));
                j.number("highestCsi", worst.map(c -> c.csi().value()).orElse(Double.NaN));
                j.string("highestCsiLevel", worst.map(c -> Figures.level(c.level())));
                Optional<CandidateDrift> outside = p.nonModel().flatMap(NonModelDrift::worst);
                j.string("highestNonModelCsiVariable", outside.map(CandidateDrift::name));
                j.number("highestNonModelCsi", outside.map(c -> c.csi().value()).orElse(Double.NaN));
                j.string("highestNonModelCsiLevel", outside.map(c -> Figures.level(c.level())));
                performance(j, p.performance());
                if (p.nonModel().isEmpty()) {
                    j.nullField("nonModelCsi");
                } else {
                    j.startArray("nonModelCsi");
                    for (CandidateDrift c : p.nonModel().get().variables()) {
                        j.startObject();
                        j.string("name", c.name());
                        j.number("csi", c.csi().value());
                        j.string("level", Figures.level(c.level()));
                        j.endObject();
                    }
                    j.endArray();
                }
                StabilityJson.write(j, "stability", p.stability(), model.baseline());
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
    }

    /** The same members whether or not the model keeps the baseline, so a reader can test {@code available}. */
    private static void nonModel(JsonOut j, Optional<NonModelDrift> nonModel) throws IOException {
        j.startObject("nonModel");
        j.bool("available", nonModel.isPresent());
        j.string("note", nonModel.isPresent() ? Optional.empty() : Optional.of(MonitorResult.NON_MODEL_UNAVAILABLE));
        j.string("level", nonModel.map(n -> Figures.level(n.worstLevel())));
        j.startArray("absent");
        for (String name : nonModel.map(NonModelDrift::absent).orElse(List.of())) {
            j.string(name);
        }
        j.endArray();
        j.startArray("variables");
        for (CandidateDrift c : nonModel.map(NonModelDrift::variables).orElse(List.of())) {
            j.startObject();
            j.string("name", c.name());
            j.string("type", c.type() == VariableType.NUMERIC ? "numeric" : "categorical");
            j.number("csi", c.csi().value());
            j.string("level", Figures.level(c.level()));
            j.number("baselineMissingShare", c.baselineMissingShare());
            j.number("missingShare", c.missingShare());
            j.number("unseen", c.unseen());
            j.number("notNumbers", c.notNumbers());
            j.startArray("bins");
            List<PsiResult.Bin> bins = c.csi().bins();
            for (int b = 0; b < c.binLabels().size(); b++) {
                j.startObject();
                j.string("label", c.binLabels().get(b));
                // No bins in the CSI when no current value had a bin: the current shares are undefined.
                j.number("expectedShare", c.trainingShares().get(b));
                j.number("actualShare", b < bins.size() ? bins.get(b).actualShare() : Double.NaN);
                j.number("contribution", b < bins.size() ? bins.get(b).contribution() : Double.NaN);
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void performance(JsonOut j, Optional<Performance> performance) throws IOException {
        if (performance.isEmpty()) {
            j.nullField("performance");
            return;
        }
        Performance p = performance.get();
        j.startObject("performance");
        j.number("rows", p.rows());
        j.number("events", p.events());
        j.number("eventRate", p.eventRate());
        j.number("auc", p.auc());
        j.number("ks", p.ks());
        j.number("trainingEventRate", p.trainingEventRate());
        j.number("trainingAuc", p.trainingAuc());
        j.number("trainingKs", p.trainingKs());
        j.endObject();
    }
}
