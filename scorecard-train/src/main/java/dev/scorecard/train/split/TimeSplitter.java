package dev.scorecard.train.split;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.internal.DoubleFormat;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The out-of-time split ({@code --time-column COL --oot-from DATE}, SPEC §4): rows whose time is on
 * or after {@code ootFrom} go to test, earlier rows to train.
 *
 * <p>A categorical time column holds ISO-8601 text, in any of these forms, compared chronologically:
 * <ul>
 *   <li>{@code yyyy-MM-dd}, a date, standing for its midnight;
 *   <li>{@code yyyy-MM-ddTHH:mm}, {@code yyyy-MM-ddTHH:mm:ss}, or the same with a space for the
 *       {@code T}, a local date-time (no offset or zone; no fraction of a second);
 *   <li>{@code yyyy-MM}, a year-month, standing for midnight of its first day.
 * </ul>
 * The forms may be mixed in one column and with {@code ootFrom}: each value stands for its first
 * instant, as pandas' {@code to_datetime} reads them. So with {@code ootFrom} {@code 2010-01-01} a row
 * at {@code 2010-01-01 08:30} is on or after it (test), and with {@code ootFrom} {@code 2010-01-15} a
 * row holding the month {@code 2010-01} is before it (train). Each distinct level is parsed once, when
 * a row first holds it; levels no row holds are not read at all.
 *
 * <p>A numeric time column (a year, {@code yyyymm}, a period number) is compared numerically with
 * {@code ootFrom} read as a plain decimal number. So is a categorical one whose every level is a plain
 * decimal number when {@code ootFrom} is one too: the loader reads a time column as text, as it reads
 * every id column.
 *
 * <p>Rows are numbered in the messages as 1-based data rows of the dataset passed in: after the
 * loader's rejected rows were left out, so not necessarily the file's data rows. Thread-safe: the
 * class has no state.
 */
public final class TimeSplitter {
    /** The "file" named by this splitter's {@link InputDataException}s. */
    static final String SOURCE = "out-of-time split";

    static final String FORMATS = "yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss], yyyy-MM-dd HH:mm[:ss] or yyyy-MM";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private TimeSplitter() {
    }

    /**
     * @param timeColumn the time of each row of the full dataset: categorical ISO-8601 text or numeric
     * @param ootFrom the first time that belongs to test: in one of the text forms above for a
     *     categorical column, a number for a numeric one
     * @return rows before {@code ootFrom} as train, the others as test
     * @throws IllegalArgumentException when {@code ootFrom} cannot be read in the column's kind
     * @throws InputDataException when a row has no time, a level is not a time in one of the forms
     *     above, or train or test would have no rows
     */
    public static Split split(Column timeColumn, String ootFrom) {
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(ootFrom, "ootFrom");
        boolean[] inTest;
        if (timeColumn instanceof NumericColumn numeric) {
            inTest = sides(numeric, ootFrom);
        } else {
            CategoricalColumn text = (CategoricalColumn) timeColumn;
            inTest = isNumber(ootFrom) && text.levels().stream().allMatch(TimeSplitter::isNumber)
                    ? sides(asNumbers(text), ootFrom)
                    : sides(text, ootFrom);
        }
        int testCount = 0;
        for (boolean t : inTest) {
            if (t) {
                testCount++;
            }
        }
        int n = inTest.length;
        int[] train = new int[n - testCount];
        int[] test = new int[testCount];
        int a = 0;
        int b = 0;
        for (int row = 0; row < n; row++) {
            if (inTest[row]) {
                test[b++] = row;
            } else {
                train[a++] = row;
            }
        }
        return new Split(train, test);
    }

    private static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
    }

    /**
     * The loader reads a time column as text, like every id column; a year or a period number is
     * still a number, and compares as one ({@code 9} before {@code 10}).
     */
    private static NumericColumn asNumbers(CategoricalColumn column) {
        double[] level = column.levels().stream().mapToDouble(Double::parseDouble).toArray();
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            int code = column.code(row);
            values[row] = code == CategoricalColumn.MISSING ? Double.NaN : level[code];
        }
        return NumericColumn.of(column.name(), values);
    }

    private static boolean[] sides(NumericColumn column, String ootFrom) {
        if (!isNumber(ootFrom)) {
            throw new IllegalArgumentException("ootFrom '" + ootFrom + "' is not a number, but time column '"
                    + column.name() + "' is numeric: give a number such as 2010 or 201001");
        }
        double from = Double.parseDouble(ootFrom);
        int n = column.size();
        boolean[] inTest = new boolean[n];
        int earliest = -1;
        int latest = -1;
        for (int row = 0; row < n; row++) {
            double v = column.value(row);
            if (Double.isNaN(v)) {
                throw missing(column, row, ootFrom);
            }
            inTest[row] = v >= from;
            if (earliest < 0 || v < column.value(earliest)) {
                earliest = row;
            }
            if (latest < 0 || v > column.value(latest)) {
                latest = row;
            }
        }
        checkBothSides(column, ootFrom, inTest,
                earliest < 0 ? "" : DoubleFormat.format(column.value(earliest)),
                latest < 0 ? "" : DoubleFormat.format(column.value(latest)));
        return inTest;
    }

    private static boolean[] sides(CategoricalColumn column, String ootFrom) {
        long from;
        try {
            from = instant(ootFrom);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ootFrom '" + ootFrom + "' is not a time for categorical column '"
                    + column.name() + "': expected " + FORMATS, e);
        }
        List<String> levels = column.levels();
        // Per level: 0 not yet seen, 1 before ootFrom, 2 on or after it; parsed on first sight.
        byte[] side = new byte[levels.size()];
        long[] instants = new long[levels.size()];
        int n = column.size();
        boolean[] inTest = new boolean[n];
        int earliest = -1;
        int latest = -1;
        for (int row = 0; row < n; row++) {
            int code = column.code(row);
            if (code == CategoricalColumn.MISSING) {
                throw missing(column, row, ootFrom);
            }
            if (side[code] == 0) {
                try {
                    instants[code] = instant(levels.get(code));
                } catch (DateTimeException e) {
                    throw new InputDataException(SOURCE, 0, column.name(), "'" + levels.get(code)
                            + "' (data row " + (row + 1) + ") is not a time: expected " + FORMATS);
                }
                side[code] = (byte) (instants[code] >= from ? 2 : 1);
                if (earliest < 0 || instants[code] < instants[earliest]) {
                    earliest = code;
                }
                if (latest < 0 || instants[code] > instants[latest]) {
                    latest = code;
                }
            }
            inTest[row] = side[code] == 2;
        }
        checkBothSides(column, ootFrom, inTest, earliest < 0 ? "" : levels.get(earliest),
                latest < 0 ? "" : levels.get(latest));
        return inTest;
    }

    private static InputDataException missing(Column column, int row, String ootFrom) {
        int count = column.missingCount();
        return new InputDataException(SOURCE, 0, column.name(), "data row " + (row + 1) + " has no time"
                + (count > 1 ? " (" + count + " rows have none)" : "")
                + "; every row needs one to go before or after " + ootFrom);
    }

    private static void checkBothSides(Column column, String ootFrom, boolean[] inTest, String earliest,
            String latest) {
        boolean anyTrain = false;
        boolean anyTest = false;
        for (boolean t : inTest) {
            if (t) {
                anyTest = true;
            } else {
                anyTrain = true;
            }
        }
        if (inTest.length == 0) {
            throw new InputDataException(SOURCE, 0, column.name(), "there are no rows to split");
        }
        if (!anyTrain) {
            throw new InputDataException(SOURCE, 0, column.name(), "no rows before " + ootFrom
                    + "; the earliest is " + earliest);
        }
        if (!anyTest) {
            throw new InputDataException(SOURCE, 0, column.name(), "no rows on or after "
                    + ootFrom + "; the latest is " + latest);
        }
    }

    /**
     * Reads one of the accepted forms as seconds since 1970-01-01T00:00 on a clock without zones, so
     * that every form compares chronologically with every other.
     *
     * @throws DateTimeException for any other text, or a date or time that does not exist
     */
    static long instant(String text) {
        int len = text.length();
        if (len != 7 && len != 10 && len != 16 && len != 19) {
            throw new DateTimeException(text);
        }
        int year = digits(text, 0, 4);
        expect(text, 4, '-');
        int month = digits(text, 5, 2);
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (len >= 10) {
            expect(text, 7, '-');
            day = digits(text, 8, 2);
        }
        if (len >= 16) {
            if (text.charAt(10) != 'T' && text.charAt(10) != ' ') {
                throw new DateTimeException(text);
            }
            hour = digits(text, 11, 2);
            expect(text, 13, ':');
            minute = digits(text, 14, 2);
        }
        if (len == 19) {
            expect(text, 16, ':');
            second = digits(text, 17, 2);
        }
        // LocalDateTime.of rejects month 13, February 30, hour 24 and the like.
        return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
    }

    private static int digits(String text, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException(text);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void expect(String text, int at, char c) {
        if (text.charAt(at) != c) {
            throw new DateTimeException(text);
        }
    }
}
