package dev.scorecard.train.io;

import dev.scorecard.train.load.RejectedRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes rejected rows as CSV, atomically: a header {@code line,reason,<the input's header names>},
 * then one record per row with the line it started on, why it was rejected and its original fields.
 * Comma-delimited whatever the input's delimiter, LF line ends, UTF-8; a field is quoted (quotes
 * doubled) when it holds a comma, a quote or a line break.
 */
public final class RejectsWriter {
    private RejectsWriter() {
    }

    /**
     * @param file the rejects file, replaced when it exists
     * @param header the input's header names ({@code LoadReport.header()})
     * @param rejects the rejected rows
     * @throws IOException when the file cannot be written; it is then unchanged
     */
    public static void write(Path file, List<String> header, List<RejectedRow> rejects) throws IOException {
        AtomicOutput.writeText(file, out -> write(out, header, rejects));
    }

    /** Writes the CSV text to {@code out}. */
    static void write(Writer out, List<String> header, List<RejectedRow> rejects) throws IOException {
        out.write("line,reason");
        for (String h : header) {
            out.write(',');
            out.write(quote(h));
        }
        out.write('\n');
        for (RejectedRow row : rejects) {
            out.write(Long.toString(row.line()));
            out.write(',');
            out.write(quote(row.reason()));
            for (String f : row.fields()) {
                out.write(',');
                out.write(quote(f));
            }
            out.write('\n');
        }
    }

    /** @return the field as it must appear in a CSV file: quoted when it holds , " CR or LF */
    static String quote(String field) {
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
