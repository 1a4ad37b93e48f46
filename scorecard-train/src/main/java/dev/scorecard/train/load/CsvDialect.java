package dev.scorecard.train.load;

import java.util.List;
import java.util.Objects;

/**
 * What a CSV file needs beyond RFC 4180 to be read: whether its first record is a header, the column
 * names when it is not, and whether spaces around unquoted fields are to be removed. One dialect is
 * used by every reader of data files ({@link CsvLoader}, {@link CsvCells}), so that {@code bin},
 * {@code train}, {@code score}, {@code evaluate} and {@code monitor} see the same cells.
 *
 * @param header true when the first record names the columns (the default, SPEC §2); false when it is
 *     data and {@code names} name the columns
 * @param names the column names of a file without a header, in file order; empty with a header
 * @param trim true to remove leading and trailing spaces and tabs from every unquoted field and header
 *     name before anything looks at it (types, missing tokens, levels); quoted fields are kept as
 *     written, since the quotes say the spaces are meant
 */
public record CsvDialect(boolean header, List<String> names, boolean trim) {
    /** A header row, no trimming: RFC 4180 as SPEC §2 has it. */
    public static final CsvDialect DEFAULT = new CsvDialect(true, List.of(), false);

    /** Validates the names against {@code header} and copies them. */
    public CsvDialect {
        Objects.requireNonNull(names, "names");
        for (String n : names) {
            Objects.requireNonNull(n, "names must not contain null");
        }
        names = List.copyOf(names);
        if (!header && names.isEmpty()) {
            throw new IllegalArgumentException("a file without a header (--no-header, header: false) needs the column"
                    + " names: pass --names a,b,c or set names: [a, b, c] in the config");
        }
        if (header && !names.isEmpty()) {
            throw new IllegalArgumentException("names (--names, names:) are for a file without a header; the file's"
                    + " header names its columns: add --no-header (header: false) when the first line is data");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                throw new IllegalArgumentException("names: name " + (i + 1) + " is empty");
            }
        }
        List<String> dups = DuplicateNames.of(names, "names");
        if (!dups.isEmpty()) {
            throw new IllegalArgumentException("names: duplicate column names " + String.join(", ", dups));
        }
    }

    /** @return this dialect with trimming on or off */
    public CsvDialect withTrim(boolean newTrim) {
        return new CsvDialect(header, names, newTrim);
    }

    /**
     * @return true when the character is one that {@link #trim()} removes: a space or a tab, nothing
     *     else (a non-breaking space may be data)
     */
    static boolean isPad(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * @param text a field or header name
     * @return it without leading and trailing spaces and tabs, as {@link #trim()} reads it
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPad(text.charAt(start))) {
            start++;
        }
        while (end > start && isPad(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
