package dev.scorecard.examples;

import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Model files trained afresh for the model-file tests, once per test run, under {@code target/}
 * (a normal run never writes into {@code src/}): germancredit with its example config (a high score
 * means a bad loan, integer points), germancredit in the credit convention with unrounded points
 * spread over the characteristics (R scorecard's 600 points at 19:1, 50 to double), the
 * generated leads of {@link TrainFromADataset}, whose page counts have missing values, and
 * credit_data with its example config but {@code missing: merge-with-closest-woe}, so that its
 * empty Income, Assets and Debt cells are merged into regular bins the characteristics name with
 * {@code missingBin}.
 */
final class TrainedModels {
    static final Path GERMAN_CREDIT = Path.of("../datasets/germancredit/germancredit.csv");
    static final Path CREDIT_DATA = Path.of("../datasets/credit-data/credit_data.csv");

    private static List<Path> models;

    private TrainedModels() {
    }

    /** @return the four model files, trained on first use */
    static synchronized List<Path> all() {
        if (models == null) {
            try {
                Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "trained-models");
                Path credit = dir.resolve("credit-convention.yaml");
                Files.writeString(credit, """
                        target: creditability
                        positive: bad
                        scaling: {basePoints: 600, baseOdds: 19, pdo: 50, higherScoreMeans: non-event, rounding: none,
                                  spreadBasePoints: true}
                        """);
                Path leads = dir.resolve("leads").resolve(TrainWorkflow.MODEL_JSON);
                Files.createDirectories(leads.getParent());
                Files.write(leads, ModelWriter.toBytes(TrainFromADataset.train(TrainFromADataset.leads(5_000, 7)).model()));
                Path merged = dir.resolve("credit-data-merged.yaml");
                String shipped = Files.readString(Path.of("configs/credit-data.yaml"));
                if (!shipped.contains("  missing: separate")) {
                    throw new IllegalStateException("configs/credit-data.yaml no longer sets missing: separate");
                }
                Files.writeString(merged, shipped.replace("  missing: separate", "  missing: merge-with-closest-woe"));
                models = List.of(
                        train(GERMAN_CREDIT, ConfigReader.read(Path.of("configs/germancredit.yaml")), dir.resolve("germancredit")),
                        train(GERMAN_CREDIT, ConfigReader.read(credit), dir.resolve("germancredit-credit")),
                        leads,
                        train(CREDIT_DATA, ConfigReader.read(merged), dir.resolve("credit-data-merged")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return models;
    }

    /** @return the germancredit models only (trained on {@link #GERMAN_CREDIT}) */
    static List<Path> germanCredit() {
        return all().subList(0, 2);
    }

    /** @return the credit_data model whose missing values were merged into regular bins (trained on {@link #CREDIT_DATA}) */
    static Path creditDataMerged() {
        return all().get(3);
    }

    private static Path train(Path data, ScorecardConfig config, Path out) {
        TrainWorkflow.run(new TrainWorkflow.Request(data, config, Optional.empty(), Optional.empty(), out,
                Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });
        return out.resolve(TrainWorkflow.MODEL_JSON);
    }
}
