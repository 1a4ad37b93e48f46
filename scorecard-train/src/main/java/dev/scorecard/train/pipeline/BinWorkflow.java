package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.train.binning.BinningListener;
import dev.scorecard.train.binning.BinningProcess;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.LoadReport;
import dev.scorecard.train.load.LoadResult;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.report.BinTables;
import dev.scorecard.train.report.BinsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scorecard bin} does, without the command line: load the data, check the rejects,
 * bin every variable and write {@code bins.json}, {@code bins.csv} and {@code iv.csv} atomically.
 */
public final class BinWorkflow {
    /** Names of the files written into the output folder. */
    public static final String BINS_JSON = "bins.json";
    /** The bins table. */
    public static final String BINS_CSV = "bins.csv";
    /** The IV table. */
    public static final String IV_CSV = "iv.csv";
    /** The rejects file's default name. */
    public static final String REJECTS_CSV = "rejects.csv";

    private BinWorkflow() {
    }

    /**
     * @param data the CSV file
     * @param config the config with command-line overrides already applied; its target must be set
     * @param binsFile a bins file whose breaks override automatic binning
     * @param outDir the output folder, created when absent
     * @param rejectsFile where rejected rows go (default {@code outDir/rejects.csv})
     * @param maxRejectShare the run fails when more rows than this share are rejected
     * @param threads binning threads
     */
    public record Request(Path data, ScorecardConfig config, Optional<Path> binsFile, Path outDir,
            Optional<Path> rejectsFile, double maxRejectShare, int threads) {
        /** Validates the request. */
        public Request {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(outDir, "outDir");
            if (config.target().isEmpty()) {
                throw new IllegalArgumentException("no target column: pass --target COL or set 'target' in the config");
            }
            RejectsCheck.requireShare(maxRejectShare);
        }
    }

    /** Told what happens, so a front end can show progress. */
    public interface Listener extends BinningListener {
        /** Loading has read this many of the file's bytes (compressed bytes for gzip). */
        default void loadProgress(long bytesRead, long totalBytes) {
        }

        /** The data is loaded. */
        default void loaded(LoadReport report) {
        }
    }

    /**
     * @param load the loaded data and its report
     * @param results one result per feature, in column order
     * @param written the files written, in order
     * @param rejectsFile the rejects file, when rows were rejected
     */
    public record Outcome(LoadResult load, List<VariableResult> results, List<Path> written, Optional<Path> rejectsFile) {
    }

    /**
     * @return what was loaded, binned and written
     * @throws InputDataException for bad input, including too many rejected rows
     */
    public static Outcome run(Request request, Listener listener) {
        Path rejectsPath = request.rejectsFile().orElse(request.outDir().resolve(REJECTS_CSV));
        return Outputs.commitAfter(Outputs.reportsAndRejects(request.outDir(), List.of(BINS_JSON, BINS_CSV, IV_CSV), rejectsPath),
                set -> run(request, listener, set, rejectsPath));
    }

    private static Outcome run(Request request, Listener listener, OutputSet set, Path rejectsPath) {
        ScorecardConfig c = request.config();
        CsvLoadOptions load = loadOptions(c);
        BinsSpec user = request.binsFile().map(BinsFile::read).orElse(new BinsSpec(Map.of()));
        DataLoading.Loaded step = DataLoading.load(request.data(), load, request.outDir(), set, rejectsPath,
                request.maxRejectShare(), listener);
        LoadResult loaded = step.result();
        Optional<Path> rejects = step.rejectsFile();
        listener.binningStarted(loaded.dataset().features().size());
        List<VariableResult> results = new BinningProcess(c, user, request.threads())
                .fit(loaded.dataset(), request.binsFile().map(Path::toString).orElse("bins file"), listener::variableBinned);
        List<Path> written = new ArrayList<>();
        Map<String, VariableBreaks> breaks = new LinkedHashMap<>();
        for (VariableResult r : results) {
            r.binning().ifPresent(b -> breaks.put(r.variable(), b.breaks()));
        }
        written.add(Outputs.write(set, request.outDir().resolve(BINS_JSON), w -> BinsFile.write(breaks, w)));
        written.add(Outputs.write(set, request.outDir().resolve(BINS_CSV), w -> BinTables.writeBins(results, c::binningFor, w)));
        written.add(Outputs.write(set, request.outDir().resolve(IV_CSV), w -> BinTables.writeIv(results, w)));
        return new Outcome(loaded, results, written, rejects);
    }

    /** @return the loader options a config asks for */
    public static CsvLoadOptions loadOptions(ScorecardConfig c) {
        CsvLoadOptions o = CsvLoadOptions.defaults(c.target().orElseThrow())
                .withTypes(c.types())
                .withExclude(c.exclude())
                .withId(c.id())
                .withDialect(c.dialect());
        if (c.positive().isPresent()) {
            o = o.withPositive(c.positive());
        }
        if (c.delimiter().isPresent()) {
            o = o.withDelimiter(c.delimiter());
        }
        if (c.encoding().isPresent()) {
            o = o.withEncoding(c.encoding().get());
        }
        if (c.missingValues().isPresent()) {
            o = o.withMissingValues(c.missingValues().get());
        }
        return o;
    }
}
