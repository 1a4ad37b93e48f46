package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.select.SelectionRow;
import dev.scorecard.train.trainer.CvResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the evaluation report (SPEC §8) shows, as written by {@code train} (train and test
 * evaluations, every candidate variable's bins, the selection table) or by {@code evaluate} (one
 * evaluation of the given file; the bins are the model's own).
 *
 * @param command {@code train} or {@code evaluate}
 * @param model the model evaluated
 * @param dataFile the file the rows came from (the test file's name for a separate test file is in
 *     {@code testFile})
 * @param testFile the separate test file, if one was given
 * @param rowsRead data rows read from {@code dataFile}
 * @param rowsRejected rows left out (unparseable, no target), written to the rejects file
 * @param evaluations the evaluations, e.g. {@code train} then {@code test}; the last is the one gated
 * @param variables every candidate variable's binning (empty for {@code evaluate})
 * @param selection why each variable was kept or removed (empty for {@code evaluate})
 * @param challenger the challenger model's results, when one was fitted
 * @param gates the go-live gates checked on the last evaluation (empty when none are set)
 * @param cv what {@code --cv} tried and chose, when the model was trained with it
 */
public record ReportInput(String command, ScorecardModel model, String dataFile, Optional<String> testFile, long rowsRead,
        long rowsRejected, List<Evaluation> evaluations, List<VariableResult> variables, List<SelectionRow> selection,
        Optional<ChallengerFit> challenger, List<GateResult> gates, Optional<CvResult> cv) {
    /** Copies the lists and checks there is something to report. */
    public ReportInput {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(testFile, "testFile");
        evaluations = List.copyOf(evaluations);
        variables = List.copyOf(variables);
        selection = List.copyOf(selection);
        Objects.requireNonNull(challenger, "challenger");
        gates = List.copyOf(gates);
        Objects.requireNonNull(cv, "cv");
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one evaluation");
        }
    }

    /** A report of a model trained without cross-validation, or of an evaluation. */
    public ReportInput(String command, ScorecardModel model, String dataFile, Optional<String> testFile, long rowsRead,
            long rowsRejected, List<Evaluation> evaluations, List<VariableResult> variables, List<SelectionRow> selection,
            Optional<ChallengerFit> challenger, List<GateResult> gates) {
        this(command, model, dataFile, testFile, rowsRead, rowsRejected, evaluations, variables, selection, challenger,
                gates, Optional.empty());
    }

    /** @return the evaluation the gates were checked on: the last one */
    public Evaluation gated() {
        return evaluations.get(evaluations.size() - 1);
    }

    /** @return true when every gate passed (or none is set) */
    public boolean gatesPassed() {
        return gates.stream().allMatch(GateResult::passed);
    }
}
