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
 * spread over the characteristics (R scorecard's 600 points at 19:1, 50 to double), and the
 * generated leads of {@link TrainFromADataset}, whose page counts have missing values.
 */
final class TrainedModels {
    static final Path GERMAN_CREDIT = Path.of("../datasets/germancredit/germancredit.csv");

    private static List<Path> models;

    private TrainedModels() {
    }

    /** @return the three model files, trained on first use */
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
                models = List.of(
                        train(ConfigReader.read(Path.of("configs/germancredit.yaml")), dir.resolve("germancredit")),
                        train(ConfigReader.read(credit), dir.resolve("germancredit-credit")),
                        leads);
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

    private static Path train(ScorecardConfig config, Path out) {
        TrainWorkflow.run(new TrainWorkflow.Request(GERMAN_CREDIT, config, Optional.empty(), Optional.empty(), out,
                Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });
        return out.resolve(TrainWorkflow.MODEL_JSON);
    }
}
