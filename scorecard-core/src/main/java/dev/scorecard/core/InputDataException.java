package dev.scorecard.core;

import java.util.Optional;

/**
 * Bad input data: a malformed file, a value that does not parse, an unknown target value. The
 * message always names the file, and the line and column where they are known, so a user can go
 * straight to the offending cell.
 */
public class InputDataException extends ScorecardException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;

    /**
     * @param file the file name as the user gave it (or a description such as "model input")
     * @param line the 1-based physical line number, or 0 when not tied to a line
     * @param column the column name, or null when not tied to a column
     * @param problem what is wrong, including the value received
     */
    public InputDataException(String file, long line, String column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(String file, long line, String column, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        return sb.append(": ").append(problem).toString();
    }

    /** @return the file the problem is in */
    public String file() {
        return file;
    }

    /** @return the 1-based line number, or 0 when the problem is not tied to one line */
    public long line() {
        return line;
    }

    /** @return the column the problem is in, if it is tied to one */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
