package dev.scorecard.train.trainer;

import dev.scorecard.core.ScorecardException;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.select.SelectionRow;
import java.util.List;

/** Selection removed every candidate; the binning and selection tables say why each went. */
public final class NoVariableSurvivedException extends ScorecardException {
    private static final long serialVersionUID = 1L;

    private final transient List<VariableResult> binning;
    private final transient List<SelectionRow> selection;

    NoVariableSurvivedException(List<VariableResult> binning, List<SelectionRow> selection) {
        super("no variable survived selection");
        this.binning = List.copyOf(binning);
        this.selection = List.copyOf(selection);
    }

    /** @return every candidate's binning result */
    public List<VariableResult> binning() {
        return binning;
    }

    /** @return one row per candidate, each saying why it was removed */
    public List<SelectionRow> selection() {
        return selection;
    }
}
