package dev.scorecard.train.binning;

import dev.scorecard.core.binning.BinningOptions;
import java.util.List;

/**
 * How each variable is binned: the options with that variable's overrides, and its special values.
 * The config implements it; binning needs nothing else of the config, and so does not depend on it.
 */
public interface VariableOptions {
    /** @return the binning options of one variable: the global ones with its overrides */
    BinningOptions binningFor(String variable);

    /** @return the special value groups of one variable, empty when it has none */
    List<List<Double>> specialValuesFor(String variable);
}
