package dev.scorecard.train.binning;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.CategoricalBinner;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Bins every feature of a dataset, in parallel across columns: drops constant, all-missing and
 * identifier-like columns with the reason, applies user bins where a bins file defines them, and bins
 * the rest automatically. Results come back in column order whatever the thread count, so the output
 * is the same on any machine.
 */
public final class BinningProcess {
    private final VariableOptions config;
    private final BinsSpec userBins;
    private final int threads;

    /**
     * @param config binning options, per-variable overrides and special values
     * @param userBins breaks that override automatic binning (may be empty)
     * @param threads worker threads, at least 1
     */
    public BinningProcess(VariableOptions config, BinsSpec userBins, int threads) {
        this.config = Objects.requireNonNull(config, "config");
        this.userBins = Objects.requireNonNull(userBins, "userBins");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " is out of range; expected at least 1");
        }
        this.threads = threads;
    }

    /**
     * @param data the loaded data
     * @param binsFile the bins file name for error messages
     * @param progress told the number of variables done after each one (from worker threads)
     * @return one result per feature, in column order
     * @throws InputDataException when the bins file names a variable the data lacks or of the wrong type
     */
    public List<VariableResult> fit(Dataset data, String binsFile, IntConsumer progress) {
        BinsFileCheck.check(userBins, data, binsFile);
        List<Column> features = data.features();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, features.size())), r -> {
            Thread t = new Thread(r, "binning");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<VariableResult>> futures = new ArrayList<>();
            for (Column c : features) {
                futures.add(pool.submit(() -> {
                    VariableResult r = fitOne(c, data.target());
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<VariableResult> results = new ArrayList<>(features.size());
            for (Future<VariableResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("binning was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    VariableResult fitOne(Column column, BinaryTarget target) {
        String name = column.name();
        int rows = column.size();
        int missing = column.missingCount();
        double missingShare = rows == 0 ? 0 : (double) missing / rows;
        VariableType type = column instanceof NumericColumn ? VariableType.NUMERIC : VariableType.CATEGORICAL;
        VariableBreaks user = userBins.breaks().get(name);
        if (user == null) {
            String drop = dropReason(column, rows, missing);
            if (drop != null) {
                return new VariableResult(name, type, java.util.Optional.empty(), java.util.Optional.of(drop), false,
                        missingShare);
            }
        }
        Binning b;
        if (column instanceof NumericColumn n) {
            NumericBinner binner = new NumericBinner(config.binningFor(name));
            b = user != null ? binner.apply(n, target, (VariableBreaks.Numeric) user, config.specialValuesFor(name))
                    : binner.fit(n, target, config.specialValuesFor(name));
        } else {
            CategoricalColumn c = (CategoricalColumn) column;
            CategoricalBinner binner = new CategoricalBinner(config.binningFor(name));
            b = user != null ? binner.apply(c, target, (VariableBreaks.Categorical) user) : binner.fit(c, target);
        }
        return new VariableResult(name, type, java.util.Optional.of(b), java.util.Optional.empty(), user != null,
                missingShare);
    }

    /** @return why the column cannot be a characteristic, or null when it can */
    static String dropReason(Column column, int rows, int missing) {
        if (missing == rows) {
            return "all values missing";
        }
        if (column instanceof NumericColumn n) {
            double first = Double.NaN;
            for (int i = 0; i < rows; i++) {
                double v = n.value(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    return null;
                }
            }
            return "constant (every value is the same)";
        }
        CategoricalColumn c = (CategoricalColumn) column;
        boolean[] seen = new boolean[c.levels().size()];
        int distinct = 0;
        for (int i = 0; i < rows; i++) {
            int code = c.code(i);
            if (code >= 0 && !seen[code]) {
                seen[code] = true;
                distinct++;
            }
        }
        if (distinct <= 1) {
            return "constant (every value is the same)";
        }
        int present = rows - missing;
        if (distinct * 2L > present) {
            return "identifier-like (" + distinct + " distinct values in " + present + " rows)";
        }
        return null;
    }
}
