package dev.scorecard.train.eval;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.binning.WeightOfEvidence;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stability of scored rows against the baseline stored in the model (SPEC §8, §9): the score PSI over
 * the ten baseline-decile bins and a {@link CharacteristicDrift} per characteristic, each judged
 * against the drift thresholds.
 *
 * @param scorePsi the score's population stability index
 * @param scoreLevel the score PSI judged against the thresholds
 * @param characteristics one entry per characteristic, in model order
 * @param thresholds the thresholds used
 */
public record StabilityReport(PsiResult scorePsi, DriftLevel scoreLevel, List<CharacteristicDrift> characteristics,
        DriftThresholds thresholds) {
    /** Copies the list. */
    public StabilityReport {
        Objects.requireNonNull(scorePsi, "scorePsi");
        Objects.requireNonNull(scoreLevel, "scoreLevel");
        characteristics = List.copyOf(characteristics);
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * @param sample scored rows (at least one)
     * @param thresholds when to warn and alert
     * @return the report
     */
    public static StabilityReport of(ScoredSample sample, DriftThresholds thresholds) {
        if (sample.size() == 0) {
            throw new IllegalArgumentException("stability needs at least one scored row");
        }
        ScorecardModel model = sample.model();
        Baseline baseline = model.baseline();
        PsiResult score = Stability.scorePsi(baseline, sample.scores());
        boolean target = sample.hasTarget();
        long events = target ? sample.target().eventCount() : 0;
        long nonEvents = sample.size() - events;
        List<CharacteristicDrift> out = new ArrayList<>();
        for (int k = 0; k < model.characteristics().size(); k++) {
            Characteristic c = model.characteristics().get(k);
            Baseline.BinShares shares = baseline.characteristics().get(k);
            long[] counts = sample.binCounts(k);
            long binned = 0;
            for (long n : counts) {
                binned += n;
            }
            // Every row may have scored neutrally (all missing, say): then there is no distribution.
            PsiResult csi = binned == 0 ? new PsiResult(0, List.of()) : Stability.csi(shares, counts);
            List<String> labels = new ArrayList<>();
            List<Double> trainingWoe = new ArrayList<>();
            // Missing values merged into a regular bin share it with other values: their own training
            // share is not in the model (as for a candidate's merged missing bin).
            double baselineMissing = c.missingBin().isPresent() ? Double.NaN : 0;
            long missingRows = sample.missing(k);
            for (int j = 0; j < c.bins().size(); j++) {
                ModelBin b = c.bins().get(j);
                labels.add(b.label());
                trainingWoe.add(b.woe());
                if (b.kind() == BinKind.MISSING) {
                    baselineMissing += shares.shares().get(j);
                }
            }
            Optional<List<Double>> woe = Optional.empty();
            Optional<List<Long>> binEvents = Optional.empty();
            if (target) {
                long[] ev = sample.binEvents(k);
                binEvents = Optional.of(boxed(ev));
                if (events > 0 && nonEvents > 0) {
                    List<Double> now = new ArrayList<>();
                    for (int j = 0; j < counts.length; j++) {
                        now.add(WeightOfEvidence.woe(ev[j], counts[j] - ev[j], events, nonEvents));
                    }
                    woe = Optional.of(now);
                }
            }
            out.add(new CharacteristicDrift(c.name(), labels, csi, thresholds.level(csi.value()), baselineMissing,
                    (double) missingRows / sample.size(), sample.unseen(k), trainingWoe, woe, boxed(counts), binEvents));
        }
        return new StabilityReport(score, thresholds.level(score.value()), out, thresholds);
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    /**
     * @param characteristic the name of a characteristic to leave out
     * @return a copy without it (the same report when it has no such characteristic)
     */
    public StabilityReport without(String characteristic) {
        Objects.requireNonNull(characteristic, "characteristic");
        return new StabilityReport(scorePsi, scoreLevel,
                characteristics.stream().filter(c -> !c.name().equals(characteristic)).toList(), thresholds);
    }

    /** @return the characteristic with the highest CSI (the first of equals), empty when there are none */
    public Optional<CharacteristicDrift> worstCharacteristic() {
        CharacteristicDrift worst = null;
        for (CharacteristicDrift c : characteristics) {
            if (worst == null || c.csi().value() > worst.csi().value()) {
                worst = c;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** @return the worst level of the score and every characteristic */
    public DriftLevel worstLevel() {
        DriftLevel worst = scoreLevel;
        for (CharacteristicDrift c : characteristics) {
            if (c.level().compareTo(worst) > 0) {
                worst = c.level();
            }
        }
        return worst;
    }
}
