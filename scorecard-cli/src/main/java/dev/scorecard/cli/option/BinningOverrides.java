package dev.scorecard.cli.option;

import dev.scorecard.core.binning.BinningMethod;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.MissingPolicy;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.train.config.ScorecardConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Binning options on the command line (each overrides the config for every variable), the bins file and threads. */
public final class BinningOverrides {
    @Option(names = "--method", paramLabel = "M", description = "optimal (default), chimerge, quantile or width.")
    String method;

    @Option(names = "--max-bins", paramLabel = "N", description = "Most regular bins per variable (default 8).")
    Integer maxBins;

    @Option(names = "--min-bin-share", paramLabel = "SHARE", description = "Least share of rows per regular bin (default 0.05).")
    Double minBinShare;

    @Option(names = "--monotonic", paramLabel = "TREND",
            description = "auto (default), ascending, descending, peak, valley or none.")
    String monotonic;

    @Option(names = "--max-prebins", paramLabel = "N", description = "Quantile pre-bins before merging (default 100).")
    Integer maxPrebins;

    @Option(names = "--missing", paramLabel = "POLICY", description = "separate (default) or merge-with-closest-woe.")
    String missing;

    /** A bins file whose breaks override automatic binning. */
    @Option(names = "--bins", paramLabel = "FILE",
            description = "Bins file (JSON or YAML) whose breaks override automatic binning, e.g. an edited bins.json.")
    public Path bins;

    @Option(names = "--threads", paramLabel = "N", description = "Binning threads (default: all cores).")
    Integer threads;

    /** @return the binning threads asked for, or every core */
    public int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** @return the config with these overrides laid over its global and per-variable binning options */
    public ScorecardConfig apply(ScorecardConfig c) {
        BinningOptions global = override(c.binning());
        Map<String, BinningOptions> vars = new LinkedHashMap<>();
        c.variables().forEach((k, v) -> vars.put(k, override(v)));
        return c.withBinning(global, vars);
    }

    private BinningOptions override(BinningOptions o) {
        if (method != null) {
            o = o.withMethod(BinningMethod.fromConfig(method));
        }
        if (maxBins != null) {
            o = o.withMaxBins(maxBins);
        }
        if (minBinShare != null) {
            o = o.withMinBinShare(minBinShare);
        }
        if (monotonic != null) {
            o = o.withMonotonic(Monotonic.fromConfig(monotonic));
        }
        if (maxPrebins != null) {
            o = o.withMaxPrebins(maxPrebins);
        }
        if (missing != null) {
            o = o.withMissing(MissingPolicy.fromConfig(missing));
        }
        return o;
    }
}
