package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.Performance;
import dev.scorecard.train.monitor.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the monitoring {@code report.json} (SPEC §9): the model, the current data, the worst drift
 * level, the overall stability (score PSI bins, CSI, missing shares, unseen levels and WOE per
 * characteristic), performance against training when known, and each period's drift. Same
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
            StabilityJson.write(j, "stability", result.overall(), model.baseline());
            performance(j, result.performance());
            j.string("byColumn", result.byColumn());
            j.string("leftOutOfPeriodCsi", result.byCharacteristic());
            j.startArray("periods");
            for (Period p : result.periods()) {
                j.startObject();
                j.string("label", p.label());
                j.number("rows", p.rows());
                j.number("scorePsi", p.stability().scorePsi().value());
                j.string("level", Figures.level(p.stability().worstLevel()));
                j.string("scoreLevel", Figures.level(p.stability().scoreLevel()));
                Optional<CharacteristicDrift> worst = p.stability().worstCharacteristic();
                j.string("highestCsiCharacteristic", worst.map(CharacteristicDrift::name));
                j.number("highestCsi", worst.map(c -> c.csi().value()).orElse(Double.NaN));
                j.string("highestCsiLevel", worst.map(c -> Figures.level(c.level())));
                performance(j, p.performance());
                StabilityJson.write(j, "stability", p.stability(), model.baseline());
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
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
