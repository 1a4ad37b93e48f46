package dev.scorecard.train.export;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.MissingPolicy;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The shipped datasets, each with a model trained on it by {@link TrainWorkflow} (the default 0.7
 * split, seed 42) and its rows as raw text: trained once per test run and shared read-only.
 */
final class PmmlTrainedModels {
    /**
     * A dataset and how to train on it.
     *
     * @param name what the tests call it
     * @param file the CSV
     * @param delimiter its field separator
     * @param config the training config
     * @param bins a bins file's JSON, or null for automatic bins
     */
    record Case(String name, Path file, char delimiter, ScorecardConfig config, String bins) {
    }

    /**
     * A trained case.
     *
     * @param c the case
     * @param model the model
     * @param rows every data row, characteristic columns only, cells as raw text ("" for an empty cell)
     */
    record Trained(Case c, ScorecardModel model, List<Map<String, String>> rows) {
    }

    static final Path DATASETS = Path.of("../datasets");

    static final Case GERMANCREDIT = new Case("germancredit", DATASETS.resolve("germancredit/germancredit.csv"), ',',
            target("creditability"), null);
    static final Case CREDIT_DATA = new Case("credit-data", DATASETS.resolve("credit-data/credit_data.csv"), ',',
            target("Status"), null);
    /**
     * credit_data with {@code missing: merge-with-closest-woe}: its empty Income, Assets and Debt cells
     * are merged into regular bins, which the characteristics name with {@code missingBin}.
     */
    static final Case CREDIT_DATA_MERGED = new Case("credit-data merged missing",
            DATASETS.resolve("credit-data/credit_data.csv"), ',', mergedMissing(target("Status")), null);
    static final Case BANK_FULL = new Case("bank-full", DATASETS.resolve("bank-marketing/bank-full.csv.gz"), ';',
            target("y").withLoading(Optional.empty(), Optional.empty(), Set.of("duration"), Set.of()), null);
    static final Case ONLINE_SHOPPERS = new Case("online-shoppers",
            DATASETS.resolve("online-shoppers/online_shoppers_intention.csv"), ',', target("Revenue"), null);
    /**
     * bank-full with special values ({@code pdays = -1}: never contacted; {@code balance = 0}, which
     * also exercises the −0.0 rule) and user bins giving {@code job} an else bin, scored as a credit
     * model would be (higher score = non-event, base odds 50) with unrounded points.
     */
    static final Case BANK_SPECIAL = new Case("bank-full special+else",
            DATASETS.resolve("bank-marketing/bank-full.csv.gz"), ';', withSpecials(target("y")
                    .withLoading(Optional.empty(), Optional.empty(), Set.of("duration"), Set.of())
                    .withTraining(TrainingConfig.defaults().withScaling(ScalingOptions.defaults()
                            .withHigherScoreMeans(ScoreDirection.NON_EVENT).withBaseOdds(50)
                            .withRounding(Rounding.NONE)))),
            "{\"breaks\": {\"job\": [[\"student\", \"retired\"], [\"blue-collar\", \"entrepreneur\", \"housemaid\","
                    + " \"services\"], [\"else\"]]}}");

    private static final Map<Case, Trained> CACHE = new ConcurrentHashMap<>();

    private PmmlTrainedModels() {
    }

    static ScorecardConfig target(String target) {
        return ScorecardConfig.empty().withTarget(Optional.of(target), Optional.empty());
    }

    /** @return the config with missing values merged into the regular bin of closest WOE */
    static ScorecardConfig mergedMissing(ScorecardConfig c) {
        return c.withBinning(BinningOptions.defaults().withMissing(MissingPolicy.MERGE_WITH_CLOSEST_WOE), Map.of());
    }

    private static ScorecardConfig withSpecials(ScorecardConfig c) {
        Map<String, List<List<Double>>> specials = new LinkedHashMap<>();
        specials.put("pdays", List.of(List.of(-1.0)));
        specials.put("balance", List.of(List.of(0.0)));
        return new ScorecardConfig(c.target(), c.positive(), c.delimiter(), c.encoding(), c.missingValues(), c.types(),
                c.exclude(), c.id(), specials, c.binning(), c.variables(), c.training(), c.evaluation(), c.dialect());
    }

    /** @return the case trained (once per test run) */
    static synchronized Trained get(Case c) {
        Trained t = CACHE.get(c);
        if (t == null) {
            t = train(c);
            CACHE.put(c, t);
        }
        return t;
    }

    private static Trained train(Case c) {
        try {
            Path out = Files.createTempDirectory("pmml-" + c.name().replaceAll("[^a-z-]", ""));
            Optional<Path> bins = Optional.empty();
            if (c.bins() != null) {
                bins = Optional.of(Files.writeString(out.resolve("bins.json"), c.bins()));
            }
            TrainWorkflow.Outcome outcome = TrainWorkflow.run(new TrainWorkflow.Request(c.file(), c.config(),
                    Optional.empty(), bins, out.resolve("model"), Optional.empty(), 0.01, 2),
                    new BinWorkflow.Listener() { });
            ScorecardModel model = outcome.model();
            // Only the model is needed: the files train writes go.
            try (var paths = Files.walk(out)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            return new Trained(c, model, rows(c, model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> rows(Case c, ScorecardModel model) throws IOException {
        List<String> names = model.characteristics().stream().map(ch -> ch.name()).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(c.file());
                InputStream in = c.file().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(c.delimiter()).ofNamedCsvRecord(reader)) {
            for (NamedCsvRecord r : csv) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String n : names) {
                    row.put(n, r.getField(n));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
