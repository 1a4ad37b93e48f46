package dev.scorecard.train.binning;

import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.model.VariableType;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome for one candidate characteristic: its binning, or why it was dropped before binning.
 *
 * @param variable the column name
 * @param type numeric or categorical
 * @param binning the bins, empty when dropped
 * @param dropReason why the column was dropped, empty when binned
 * @param userBins true when the bins came from a bins file rather than automatic binning
 * @param missingShare the share of rows with no value
 */
public record VariableResult(String variable, VariableType type, Optional<Binning> binning,
        Optional<String> dropReason, boolean userBins, double missingShare) {
    /** Checks that exactly one of binning and dropReason is present. */
    public VariableResult {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(type, "type");
        if (binning.isPresent() == dropReason.isPresent()) {
            throw new IllegalArgumentException(variable + ": a result has either a binning or a drop reason");
        }
    }

    /** @return true when the variable was binned */
    public boolean binned() {
        return binning.isPresent();
    }

    /** @return the IV, 0 when dropped */
    public double iv() {
        return binning.map(Binning::iv).orElse(0.0);
    }
}
