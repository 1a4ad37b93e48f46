package dev.scorecard.core.binning;

import dev.scorecard.core.model.VariableType;

import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.regression.CodedColumn;

/**
 * Maps a column's rows to bins and to WOE values with a fitted {@link Binning}. A row that falls in
 * no bin (missing with no missing bin, or a level never seen with no else bin) gets bin -1 and WOE 0,
 * the neutral value; the model file decides how such rows are scored and flagged.
 */
public final class WoeEncoder {
    private WoeEncoder() {
    }

    /**
     * @param binning the fitted bins
     * @param column a column of the binning's type (its name is not checked)
     * @return the bin index of every row, -1 where no bin applies
     */
    public static int[] bins(Binning binning, Column column) {
        int n = column.size();
        int[] out = new int[n];
        if (column instanceof NumericColumn c) {
            requireType(binning, VariableType.NUMERIC, column);
            for (int i = 0; i < n; i++) {
                out[i] = binning.binOf(c.value(i));
            }
        } else {
            requireType(binning, VariableType.CATEGORICAL, column);
            CategoricalColumn c = (CategoricalColumn) column;
            // One lookup per level, not per row.
            int[] binOfCode = new int[c.levels().size()];
            for (int code = 0; code < binOfCode.length; code++) {
                binOfCode[code] = binning.binOf(c.levels().get(code));
            }
            int missing = binning.missingBin();
            for (int i = 0; i < n; i++) {
                int code = c.code(i);
                out[i] = code == CategoricalColumn.MISSING ? missing : binOfCode[code];
            }
        }
        return out;
    }

    /**
     * @param binning the fitted bins
     * @param column a column of the binning's type
     * @return the WOE of every row's bin, 0 where no bin applies
     */
    public static double[] woe(Binning binning, Column column) {
        int[] bins = bins(binning, column);
        double[] woeOfBin = new double[binning.bins().size()];
        for (int b = 0; b < woeOfBin.length; b++) {
            woeOfBin[b] = binning.bins().get(b).woe();
        }
        double[] out = new double[bins.length];
        for (int i = 0; i < bins.length; i++) {
            out[i] = bins[i] < 0 ? 0 : woeOfBin[bins[i]];
        }
        return out;
    }

    /**
     * The same values as {@link #woe}, held as one bin code a row and the table of the bins' WOE (a
     * byte a row for up to 255 bins instead of 8), for the design of the regression.
     *
     * @param binning the fitted bins
     * @param column a column of the binning's type
     * @return the WOE of every row's bin, 0 where no bin applies
     */
    public static CodedColumn coded(Binning binning, Column column) {
        int[] bins = bins(binning, column);
        int none = binning.bins().size();
        double[] table = new double[none + 1];
        for (int b = 0; b < none; b++) {
            table[b] = binning.bins().get(b).woe();
        }
        // table[none] stays 0: the WOE of a row in no bin, as in woe().
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] < 0) {
                bins[i] = none;
            }
        }
        return CodedColumn.of(bins, table);
    }

    private static void requireType(Binning binning, VariableType type, Column column) {
        if (binning.type() != type) {
            throw new IllegalArgumentException("column '" + column.name() + "' is " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " but the bins of '" + binning.variable() + "' are " + binning.type().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
