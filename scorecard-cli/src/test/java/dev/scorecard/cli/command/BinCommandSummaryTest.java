package dev.scorecard.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.load.ColumnReport;
import dev.scorecard.train.load.ColumnType;
import dev.scorecard.train.load.NonNumericCells;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The load summary's line for a column whose type a few cells decided. */
class BinCommandSummaryTest {

    @Test
    void listsTenTextsOnOneLineAndCountsTheRest() {
        List<NonNumericCells.Value> values = new ArrayList<>();
        values.add(new NonNumericCells.Value("x".repeat(45), 3, 7));
        values.add(new NonNumericCells.Value("two\r\nlines", 1, 9));
        for (int i = 0; i < 8; i++) {
            values.add(new NonNumericCells.Value("t" + i, 1, 20 + i));
        }
        NonNumericCells cells = new NonNumericCells(14, 5000, 5, 12, values);
        ColumnReport c = new ColumnReport("zip", ColumnType.NUMERIC, true, Map.of(), "feature", Optional.of(cells));

        assertThat(BinCommand.describe(c, cells)).isEqualTo("  column 'zip' is numeric (forced): 14 of 5000 non-missing"
                + " cells are not numbers, so their rows are rejected: '" + "x".repeat(40) + "...' (3 cells, the first on"
                + " line 7), 'two\\r\\nlines' (line 9), 't0' (line 20), 't1' (line 21), 't2' (line 22), 't3' (line 23),"
                + " 't4' (line 24), 't5' (line 25), 't6' (line 26), 't7' (line 27), and 2 other texts");
    }
}
