package dev.scorecard.train.binning;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.internal.NearestName;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a bins file against the loaded data before its bins are applied: every variable is a feature
 * of the right type, and every level a categorical group lists is a level of the data. A misspelt
 * level would otherwise make a silent empty bin, and the level meant would fall into {@code else}.
 */
final class BinsFileCheck {
    private BinsFileCheck() {
    }

    /**
     * @param bins the breaks read from the bins file
     * @param data the loaded data; a column's levels are those of the whole file, even after a split
     * @param binsFile the bins file's name, for the message
     * @throws InputDataException naming the bins file, the variable and the level, with the nearest
     *     name when one is close
     */
    public static void check(BinsSpec bins, Dataset data, String binsFile) {
        List<String> features = data.features().stream().map(Column::name).toList();
        for (Map.Entry<String, VariableBreaks> e : bins.breaks().entrySet()) {
            String name = e.getKey();
            Column c = data.feature(name).orElseThrow(() -> new InputDataException(binsFile, 0, null, "variable '" + name
                    + "' is not a feature of the data (check --exclude, --id and the column names)"
                    + NearestName.didYouMean(name, features)));
            boolean numeric = c instanceof NumericColumn;
            if (numeric != (e.getValue() instanceof VariableBreaks.Numeric)) {
                throw new InputDataException(binsFile, 0, null, "variable '" + name + "' is "
                        + (numeric ? "numeric: give a list of cut points such as [25, 35, 50]"
                                : "categorical: give a list of groups such as [[car, furniture], [else]]"));
            }
            if (e.getValue() instanceof VariableBreaks.Categorical groups) {
                checkLevels(groups, (CategoricalColumn) c, binsFile);
            }
        }
    }

    private static void checkLevels(VariableBreaks.Categorical groups, CategoricalColumn column, String binsFile) {
        Set<String> levels = new HashSet<>(column.levels());
        for (List<String> group : groups.groups()) {
            for (String level : group) {
                if (!level.equals(VariableBreaks.ELSE) && !levels.contains(level)) {
                    throw new InputDataException(binsFile, 0, null, "variable '" + column.name() + "': level '" + level
                            + "' is not in the data" + NearestName.didYouMean(level, column.levels()));
                }
            }
        }
    }
}
