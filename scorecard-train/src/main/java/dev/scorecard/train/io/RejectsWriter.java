package dev.scorecard.train.io;

import dev.scorecard.train.load.RejectedRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes rejected rows as CSV, atomically: a header {@code line,reason,<the input's header names>},
 * then one record per row with the line it started on, why it was rejected and its original fields.
 * Comma-delimited whatever the input's delimiter, LF line ends, UTF-8; a field is quoted (quotes
 * doubled) when it holds a comma, a quote or a line break.
 *
 * <p>When the input itself has a column named {@code line} or {@code reason}, both of the rejects
 * file's own columns are prefixed with {@value #PREFIX} (again, until neither name is an input
 * column), so that every name in the header says one thing; a file without such a column keeps the
 * plain {@code line,reason} header.
 */
public final class RejectsWriter {
    /** What the rejects file's own column names get in front when the input has one of them. */
    static final String PREFIX = "reject_";

    private RejectsWriter() {
    }

    /**
     * @param header the input's header names
     * @return the names of the rejects file's line and reason columns: {@code line} and {@code reason},
     *     or, when either is an input column, both prefixed with {@value #PREFIX} until neither is
     */
    public static List<String> ownColumns(List<String> header) {
        Set<String> names = new HashSet<>(header);
        String prefix = "";
        while (names.contains(prefix + "line") || names.contains(prefix + "reason")) {
            prefix = PREFIX + prefix;
        }
        return List.of(prefix + "line", prefix + "reason");
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

    /**
     * @param set the run's outputs
     * @param file the rejects file, a member of {@code set}
     * @param header the input's header names
     * @param rejects the rejected rows
     * @return {@code file}
     * @throws IOException when the file cannot be written
     */
    public static Path write(OutputSet set, Path file, List<String> header, List<RejectedRow> rejects) throws IOException {
        return set.writeText(file, out -> write(out, header, rejects));
    }

    /** Writes the CSV text to {@code out}. */
    static void write(Writer out, List<String> header, List<RejectedRow> rejects) throws IOException {
        writeHeader(out, header);
        for (RejectedRow row : rejects) {
            writeRow(out, row.line(), row.reason(), row.fields());
        }
    }

    /** Writes the header record: the own columns, then the input's names. */
    static void writeHeader(Writer out, List<String> header) throws IOException {
        List<String> own = ownColumns(header);
        out.write(quote(own.get(0)));
        out.write(',');
        out.write(quote(own.get(1)));
        for (String h : header) {
            out.write(',');
            out.write(quote(h));
        }
        out.write('\n');
    }

    /** Writes one rejected row's record. */
    static void writeRow(Writer out, long line, String reason, List<String> fields) throws IOException {
        out.write(render(line, reason, fields));
    }

    /**
     * @param line the physical line the row starts on
     * @param reason why it was rejected
     * @param fields the row's fields as read
     * @return the row as the rejects file holds it, with its line end, for {@link RejectsStream#addRendered}
     */
    public static String render(long line, String reason, List<String> fields) {
        StringBuilder b = new StringBuilder(64);
        b.append(line).append(',').append(quote(reason));
        for (String f : fields) {
            b.append(',').append(quote(f));
        }
        return b.append('\n').toString();
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
