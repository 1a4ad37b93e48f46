package dev.scorecard.train.export;

import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.export.SqlParity.Row;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import dev.scorecard.core.model.ScorecardModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shipped datasets' models and rows as the SQL parity suites use them: trained with the defaults. */
final class ParityModels {
    static final Path DATA = Path.of("../datasets");

    private ParityModels() {
    }

    /** @return the model trained on {@code file} with {@code config}, its outputs written under {@code tmp} */
    static ScorecardModel train(Path file, ScorecardConfig config, Path tmp) {
        return TrainWorkflow.run(new TrainWorkflow.Request(file, config, Optional.empty(), Optional.empty(), tmp,
                Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { }).model();
    }

    /** @return the default config with this target column */
    static ScorecardConfig target(String column) {
        return ScorecardConfig.empty().withTarget(Optional.of(column), Optional.empty());
    }

    /** @return every row of the file, then the model's edge rows */
    static List<Row> rows(Path file, ScorecardModel model) {
        List<Row> rows = new ArrayList<>(SqlParity.csvRows(file, model));
        rows.addAll(SqlParity.edgeRows(model, rows.get(0)));
        return rows;
    }
}
