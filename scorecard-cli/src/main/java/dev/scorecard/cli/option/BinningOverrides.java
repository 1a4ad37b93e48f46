package dev.scorecard.cli.option;

import dev.scorecard.core.internal.ConfigNames;
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

    /**
     * @return the binning threads asked for, or every core
     * @throws IllegalArgumentException naming the option, for fewer than one
     */
    public int threads() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads: " + threads + " is out of range; expected at least 1");
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** @return the config with these overrides laid over its global and per-variable binning options */
    public ScorecardConfig apply(ScorecardConfig c) {
        BinningOptions global = override(c.binning());
        Map<String, BinningOptions> vars = new LinkedHashMap<>();
        c.variables().forEach((k, v) -> vars.put(k, override(v)));
        return c.withBinning(global, vars);
    }

    /** Each error names the option typed (--max-bins), not the config key (maxBins). */
    private BinningOptions override(BinningOptions options) {
        BinningOptions o = options;
        if (method != null) {
            o = o.withMethod(ConfigNames.parse("--method", BinningMethod.values(), BinningMethod::configName, method));
        }
        if (maxBins != null) {
            BinningOptions b = o;
            o = OptionValue.checked("--max-bins", "maxBins", () -> b.withMaxBins(maxBins));
        }
        if (minBinShare != null) {
            BinningOptions b = o;
            o = OptionValue.checked("--min-bin-share", "minBinShare", () -> b.withMinBinShare(minBinShare));
        }
        if (monotonic != null) {
            o = o.withMonotonic(ConfigNames.parse("--monotonic", Monotonic.values(), Monotonic::configName, monotonic));
        }
        if (maxPrebins != null) {
            BinningOptions b = o;
            o = OptionValue.checked("--max-prebins", "maxPrebins", () -> b.withMaxPrebins(maxPrebins));
        }
        if (missing != null) {
            o = o.withMissing(ConfigNames.parse("--missing", MissingPolicy.values(), MissingPolicy::configName, missing));
        }
        return o;
    }
}
