package dev.scorecard.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The out-of-time split for each accepted time format, mixed formats, and every error. */
class TimeSplitterTest {
    /** A categorical column as the loader builds it: levels in order of first appearance. */
    private static CategoricalColumn text(String name, String... values) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] c = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i] == null ? CategoricalColumn.MISSING : codes.computeIfAbsent(values[i], v -> codes.size());
        }
        return CategoricalColumn.of(name, c, new ArrayList<>(codes.keySet()));
    }

    private static void assertSplit(Split split, int[] train, int[] test) {
        assertThat(split.train()).containsExactly(train);
        assertThat(split.test()).containsExactly(test);
    }

    @Test
    void datesOnOrAfterOotFromGoToTest() {
        Column month = text("month", "2009-12-31", "2010-01-01", "2009-06-15", "2010-03-02", "2010-01-01");
        assertSplit(TimeSplitter.split(month, "2010-01-01"), new int[] {0, 2}, new int[] {1, 3, 4});
    }

    @Test
    void dateTimesWithTOrSpaceWithOrWithoutSeconds() {
        Column at = text("at", "2010-01-01T00:00", "2009-12-31 23:59:59", "2010-01-01 00:00:01", "2010-01-01T12:30:00",
                "2009-12-31T23:59");
        assertSplit(TimeSplitter.split(at, "2010-01-01T00:00:01"), new int[] {0, 1, 4}, new int[] {2, 3});
        assertSplit(TimeSplitter.split(at, "2010-01-01 00:00"), new int[] {1, 4}, new int[] {0, 2, 3});
    }

    @Test
    void yearMonths() {
        Column month = text("month", "2009-11", "2010-02", "2009-12", "2010-01", "2011-01");
        assertSplit(TimeSplitter.split(month, "2010-01"), new int[] {0, 2}, new int[] {1, 3, 4});
    }

    @Test
    void mixedFormatsAreAcceptedEachValueStandingForItsFirstInstant() {
        // A date is its midnight, a year-month its first day's midnight (as pandas' to_datetime reads them).
        Column mixed = text("when", "2010-01-01", "2009-12-31 23:59", "2010-01", "2010-01-14T09:00", "2010-02");
        assertSplit(TimeSplitter.split(mixed, "2010-01-01T00:00"), new int[] {1}, new int[] {0, 2, 3, 4});
        // The month 2010-01 starts before the 15th, so it is train, though half of it is later.
        assertSplit(TimeSplitter.split(mixed, "2010-01-15"), new int[] {0, 1, 2, 3}, new int[] {4});
        // A date-time ootFrom on a column of dates: 2010-01-01 (midnight) is before noon that day.
        Column dates = text("day", "2010-01-01", "2010-01-02");
        assertSplit(TimeSplitter.split(dates, "2010-01-01 12:00"), new int[] {0}, new int[] {1});
    }

    @Test
    void numericYearsAndYearMonths() {
        Column year = NumericColumn.of("year", new double[] {2008, 2010, 2009, 2011, Double.NEGATIVE_INFINITY});
        assertSplit(TimeSplitter.split(year, "2010"), new int[] {0, 2, 4}, new int[] {1, 3});
        Column yyyymm = NumericColumn.of("period", new double[] {200912, 201001, 201012, 200901});
        assertSplit(TimeSplitter.split(yyyymm, "201001"), new int[] {0, 3}, new int[] {1, 2});
        assertSplit(TimeSplitter.split(yyyymm, "201000.5"), new int[] {0, 3}, new int[] {1, 2});
    }

    @Test
    void numbersReadAsTextAsTheLoaderReadsATimeColumnCompareAsNumbers() {
        // Issue 10: '--time-column arrival_date_year --oot-from 2017' failed with "not a time for categorical column".
        Column year = text("arrival_date_year", "2015", "2017", "2016", "2017", "9");
        assertSplit(TimeSplitter.split(year, "2017"), new int[] {0, 2, 4}, new int[] {1, 3});
        assertSplit(TimeSplitter.split(year, "10"), new int[] {4}, new int[] {0, 1, 2, 3});
        Column withMissing = text("year", "2015", null, "2017");
        assertThatThrownBy(() -> TimeSplitter.split(withMissing, "2016"))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("data row 2 has no time");
        // One level that is not a number keeps the column a text time, so '2017' is not a time there.
        Column mixed = text("when", "2016-12", "2017");
        assertThatThrownBy(() -> TimeSplitter.split(mixed, "2017"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ootFrom '2017' is not a time for categorical column 'when'");
    }

    @Test
    void levelsNoRowHoldsAreNotRead() {
        // After a select, a column keeps every level; an unparseable one no row holds is no error.
        CategoricalColumn full = text("month", "garbage", "2009-12", "2010-01");
        Column kept = full.select(new int[] {1, 2});
        assertSplit(TimeSplitter.split(kept, "2010-01"), new int[] {0}, new int[] {1});
    }

    @Test
    void aMissingTimeIsAnErrorAtItsFirstRow() {
        Column month = text("month", "2009-12", "2010-01", null, "2010-02", null);
        assertThatThrownBy(() -> TimeSplitter.split(month, "2010-01"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'month': data row 3 has no time (2 rows have none);"
                        + " every row needs one to go before or after 2010-01");
        Column year = NumericColumn.of("year", new double[] {Double.NaN, 2010});
        assertThatThrownBy(() -> TimeSplitter.split(year, "2010"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'year': data row 1 has no time;"
                        + " every row needs one to go before or after 2010")
                .satisfies(e -> assertThat(((InputDataException) e).column()).contains("year"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2010/01/05", "05-01-2010", "2010-1-5", "2010-02-30", "2010-13", "2010-01-01T24:00",
        "2010-01-01T10:00:00Z", "2010-01-01T10:00:00.5", "2010-01-01X10:00", "2010", "20100105", " 2010-01-05",
        "+2010-01-05"})
    void aLevelThatIsNotATimeIsAnError(String bad) {
        Column month = text("month", "2009-12-01", bad, "2010-02-01");
        assertThatThrownBy(() -> TimeSplitter.split(month, "2010-01-01"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'month': '" + bad + "' (data row 2) is not a time: expected"
                        + " yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss], yyyy-MM-dd HH:mm[:ss] or yyyy-MM");
    }

    @Test
    void ootFromMustFitTheColumnsKind() {
        Column month = text("month", "2009-12", "2010-01");
        assertThatThrownBy(() -> TimeSplitter.split(month, "2010"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ootFrom '2010' is not a time for categorical column 'month': expected"
                        + " yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss], yyyy-MM-dd HH:mm[:ss] or yyyy-MM");
        Column year = NumericColumn.of("year", new double[] {2009, 2010});
        for (String bad : List.of("2010-01", "", "0x7DA", "NaN", "1e400", " 2010")) {
            assertThatThrownBy(() -> TimeSplitter.split(year, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ootFrom '" + bad + "' is not a number, but time column 'year' is numeric:"
                            + " give a number such as 2010 or 201001");
        }
    }

    @Test
    void anEmptySideIsAnError() {
        Column month = text("month", "2010-03", "2010-01-15", "2011-07");
        assertThatThrownBy(() -> TimeSplitter.split(month, "2010-01-01"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'month': no rows before 2010-01-01; the earliest is 2010-01-15");
        assertThatThrownBy(() -> TimeSplitter.split(month, "2011-07-01 00:00:01"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'month': no rows on or after 2011-07-01 00:00:01;"
                        + " the latest is 2011-07");
        Column year = NumericColumn.of("year", new double[] {2008, 2009.5});
        assertThatThrownBy(() -> TimeSplitter.split(year, "2010"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'year': no rows on or after 2010; the latest is 2009.5");
        assertThatThrownBy(() -> TimeSplitter.split(text("month"), "2010-01"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("out-of-time split, column 'month': there are no rows to split");
    }
}
