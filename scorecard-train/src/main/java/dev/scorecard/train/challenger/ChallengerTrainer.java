package dev.scorecard.train.challenger;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.train.eval.KsResult;
import dev.scorecard.train.eval.Metrics;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.classification.SoftClassifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.math.MathEx;

/**
 * Fits a challenger model (SPEC §8, {@code --challenger gbm|rf}) with Smile 2.6.0 on the training
 * rows of the scorecard's split, on the same candidate features as raw values (not WOE), and measures
 * it on the test rows with the same {@link Metrics} as the scorecard.
 *
 * <p>Missing values and levels that training did not see are handled as {@code FeatureEncoding}
 * describes: numeric missing becomes the training median plus a 0/1 indicator column, categorical
 * missing is a level of its own, and an unseen level follows the "other levels" branch of every split.
 *
 * <p><b>Determinism.</b> The same data, options and seed give the same model and the same
 * probabilities, whatever the number of threads. Smile draws its random numbers from a thread-local
 * generator in {@code smile.math.MathEx}; the trainer seeds it explicitly:
 * <ul>
 *   <li>{@code rf}: one seed per tree, derived from {@link ChallengerOptions#seed()} and passed to
 *       {@code RandomForest.fit(…, LongStream seeds)}; Smile calls {@code MathEx.setSeed(treeSeed)}
 *       on whichever thread builds that tree, before the tree's first draw, and a tree's draws all
 *       happen on that thread.
 *   <li>{@code gbm}: the row subsamples are drawn on the fitting thread, so the trainer calls
 *       {@code MathEx.setSeed} there, with a seed derived from {@link ChallengerOptions#seed()}, just
 *       before {@code GradientTreeBoost.fit}.
 * </ul>
 * <p><b>Global state.</b> {@code MathEx.setSeed} reseeds the calling thread's generator and adds the
 * seed to a static set; the very first call in a JVM also reseeds Smile's static generator of
 * per-thread seeds. To keep the reseeding off other code's threads (the caller's, and the common
 * fork-join pool that parallel streams elsewhere use), every fit runs in a private
 * {@link ForkJoinPool} that is shut down afterwards: Smile's parallel streams then run on its threads,
 * and their thread-local generators die with them. What remains is Smile's static seed set, which
 * keeps every tree seed (the same ones again for the same seed) and one entry per pool thread per
 * fit, and Smile's INFO logging through SLF4J (a line per tree and per new thread).
 *
 * <p>Thread-safe as far as this class goes: it has no state, and concurrent fits use separate pools.
 * Smile's static seed set is a plain {@code HashSet} that its own random forest already adds to from
 * several threads at once; a race there can only disturb that bookkeeping, not a fit's seeds.
 */
public final class ChallengerTrainer {
    private ChallengerTrainer() {
    }

    /**
     * Fits on all available processors. See {@link #fit(Dataset, Dataset, ChallengerOptions, int)}.
     *
     * @param train the training rows
     * @param test the test rows, with the same feature columns
     * @param options the model and its settings
     * @return the fit's metrics and test probabilities
     */
    public static ChallengerFit fit(Dataset train, Dataset test, ChallengerOptions options) {
        return fit(train, test, options, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Fits a challenger on {@code train}'s rows only and scores {@code test}'s rows.
     *
     * @param train the training rows; every feature column is used
     * @param test the test rows: every feature of {@code train}, matched by name and of the same kind
     *     (extra columns are ignored); both classes
     * @param options the model and its settings
     * @param threads how many threads Smile may use; does not change the result
     * @return the fit's metrics and test probabilities
     * @throws IllegalArgumentException when {@code train} has no feature or only one class, {@code test}
     *     lacks a feature or has one class, or {@code threads} is below 1
     */
    public static ChallengerFit fit(Dataset train, Dataset test, ChallengerOptions options, int threads) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(options, "options");
        String what = "challenger " + options.kind().configName();
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " is out of range; expected at least 1");
        }
        if (train.features().isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one feature, but the training rows have none");
        }
        BinaryTarget y = train.target();
        if (y.eventCount() == 0 || y.nonEventCount() == 0) {
            throw new IllegalArgumentException(what + " needs both events and non-events in the training rows, but target '"
                    + y.name() + "' has " + y.eventCount() + " events and " + y.nonEventCount() + " non-events");
        }
        FeatureEncoding encoding = FeatureEncoding.fit(train);
        DataFrame trainFrame = encoding.frame(train);
        DataFrame testFrame = encoding.frame(test);

        ForkJoinPool pool = new ForkJoinPool(threads);
        double[][] probabilities;
        try {
            ForkJoinTask<double[][]> task = pool.submit(() -> {
                SoftClassifier<Tuple> model = train(trainFrame, options);
                return new double[][] {probabilities(model, trainFrame), probabilities(model, testFrame)};
            });
            probabilities = task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while fitting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + ": fitting failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double trainAuc = Metrics.auc(probabilities[0], train.target());
        double testAuc = Metrics.auc(probabilities[1], test.target());
        KsResult testKs = Metrics.ks(probabilities[1], test.target());
        return new ChallengerFit(options.kind(), options, encoding.features(), trainAuc, testAuc, testKs, probabilities[1]);
    }

    /** Runs on a thread of the private pool. */
    private static SoftClassifier<Tuple> train(DataFrame frame, ChallengerOptions o) {
        Formula formula = Formula.lhs(FeatureEncoding.TARGET);
        return switch (o.kind()) {
            case GBM -> {
                MathEx.setSeed(treeSeeds(o.seed(), 1)[0]);
                yield GradientTreeBoost.fit(formula, frame, o.trees(), o.maxDepth(), o.maxNodes(), o.nodeSize(),
                        o.shrinkage(), o.subsample());
            }
            // mtry 0: Smile's floor(sqrt(p)); class weights null: equal.
            case RF -> RandomForest.fit(formula, frame, o.trees(), 0, SplitRule.GINI, o.maxDepth(), o.maxNodes(),
                    o.nodeSize(), o.subsample(), null, LongStream.of(treeSeeds(o.seed(), o.trees())));
        };
    }

    /**
     * {@code count} distinct seeds above 1 from {@code seed}, by SplitMix64 (Smile ignores seeds of 0
     * and 1 and refuses a stream with repeats).
     */
    static long[] treeSeeds(long seed, int count) {
        long[] seeds = new long[count];
        Set<Long> used = new HashSet<>();
        long state = seed;
        int k = 0;
        while (k < count) {
            long z = state += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = (z ^ (z >>> 31)) >>> 1; // non-negative
            if (z > 1 && used.add(z)) {
                seeds[k++] = z;
            }
        }
        return seeds;
    }

    private static double[] probabilities(SoftClassifier<Tuple> model, DataFrame frame) {
        double[] p = new double[frame.nrows()];
        double[] posteriori = new double[2];
        for (int i = 0; i < p.length; i++) {
            model.predict(frame.get(i), posteriori);
            p[i] = posteriori[1];
        }
        return p;
    }

}
