package dev.scorecard.train.trainer;

import dev.scorecard.core.ScorecardException;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.config.CvOptions;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.split.Split;
import dev.scorecard.train.split.StratifiedFolds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search behind {@code --cv K}: stratified K folds of the training rows (seeded by the config's
 * seed), and a coordinate-wise search over {@code minBinShare}, then {@code l2}, then
 * {@code maxCorrelation}, each candidate scored by the mean held-out AUC of a whole fit (binning,
 * selection, regression) on the other folds.
 *
 * <p>The search starts from the first value of each candidate list, not from the configured values,
 * so the configured values of these three knobs do not matter with CV on, and the effective
 * configuration a model records (the chosen values, CV still on) trains the same model again. A
 * later value replaces the current one only when its mean AUC is strictly higher: ties keep the
 * earlier, by default the more conservative, value. A setting that cannot be fitted on some fold (a
 * singular design without a penalty, or no variable left) is recorded with the reason and not chosen.
 */
final class CrossValidation {
    private final ScorecardTrainer trainer;
    private final ScorecardConfig config;
    private final CvOptions cv;
    private final List<Split> folds;
    private final Dataset train;
    private final DataSource source;
    /** Every setting fitted, in the order of the search. */
    private final Map<String, CvTrial> tried = new LinkedHashMap<>();
    private final Progress progress;
    private ScorecardException firstFailure;
    private int fitsDone;

    /** Told as fold fits finish. */
    interface Progress {
        void fitted(int done, int planned);
    }

    private CrossValidation(ScorecardTrainer trainer, ScorecardConfig config, Dataset train, DataSource source,
            Progress progress) {
        this.trainer = trainer;
        this.source = source;
        this.config = config;
        this.cv = config.training().cv();
        this.train = train;
        this.folds = StratifiedFolds.split(train.target(), cv.folds(), config.training().seed());
        this.progress = progress;
    }

    /**
     * @param trainer fits one fold (its config is replaced per candidate)
     * @param config the configuration with CV on
     * @param train the training rows; the test rows never take part
     * @param source where they came from, for the fold models' provenance
     * @param progress told after every fold fit
     * @return the trials and the chosen values
     * @throws ScorecardException the first candidate's error when no candidate can be fitted
     */
    static CvResult run(ScorecardTrainer trainer, ScorecardConfig config, Dataset train, DataSource source,
            Progress progress) {
        return new CrossValidation(trainer, config, train, source, progress).search();
    }

    private CvResult search() {
        double share = cv.minBinShare().get(0);
        double l2 = cv.l2().get(0);
        double corr = cv.maxCorrelation().get(0);
        CvTrial best = null;
        for (double v : cv.minBinShare()) {
            best = better(best, trial("minBinShare", v, l2, corr));
        }
        share = best.minBinShare();
        for (double v : cv.l2()) {
            best = better(best, trial("l2", share, v, corr));
        }
        l2 = best.l2();
        for (double v : cv.maxCorrelation()) {
            best = better(best, trial("maxCorrelation", share, l2, v));
        }
        if (best.failure().isPresent()) {
            throw firstFailure;
        }
        List<CvTrial> trials = new ArrayList<>();
        for (CvTrial t : tried.values()) {
            trials.add(t == best ? t.asChosen() : t);
        }
        return new CvResult(cv.folds(), trials, best.minBinShare(), best.l2(), best.maxCorrelation());
    }

    private static CvTrial better(CvTrial best, CvTrial candidate) {
        if (best == null || best.failure().isPresent() && candidate.failure().isEmpty()) {
            return candidate;
        }
        return candidate.failure().isEmpty() && candidate.meanAuc() > best.meanAuc() ? candidate : best;
    }

    private CvTrial trial(String knob, double share, double l2, double corr) {
        String key = share + "/" + l2 + "/" + corr;
        CvTrial known = tried.get(key);
        if (known != null) {
            return known;
        }
        ScorecardConfig c = apply(config, share, l2, corr);
        double[] auc = new double[folds.size()];
        Optional<String> failure = Optional.empty();
        for (int f = 0; f < folds.size(); f++) {
            Split s = folds.get(f);
            try {
                TrainedScorecard fit = trainer.fitFold(c, s.trainOf(train), s.testOf(train), source);
                auc[f] = fit.model().metrics().stream().filter(m -> m.split().equals("test")).mapToDouble(SplitMetrics::auc)
                        .findFirst().orElse(Double.NaN);
            } catch (ScorecardException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
                failure = Optional.of("fold " + (f + 1) + ": " + e.getMessage());
                break;
            } finally {
                progress.fitted(++fitsDone, planned());
            }
        }
        CvTrial t = failure.isPresent() ? new CvTrial(knob, share, l2, corr, Double.NaN, Double.NaN, false, failure)
                : new CvTrial(knob, share, l2, corr, mean(auc), sd(auc), false, failure);
        tried.put(key, t);
        return t;
    }

    /** Each later step's first value repeats the previous step's winner, which is not refitted. */
    private int planned() {
        return (cv.minBinShare().size() + cv.l2().size() - 1 + cv.maxCorrelation().size() - 1) * folds.size();
    }

    /** @return {@code config} with the three knobs set (CV stays on, so the record says how they were chosen) */
    static ScorecardConfig apply(ScorecardConfig config, double share, double l2, double corr) {
        TrainingConfig t = config.training();
        return config.withBinning(config.binning().withMinBinShare(share), config.variables())
                .withTraining(t.withRegression(t.regression().withL2(l2))
                        .withSelection(t.selection().withMaxCorrelation(corr)));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
