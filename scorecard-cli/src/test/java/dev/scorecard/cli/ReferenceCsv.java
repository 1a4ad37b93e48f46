package dev.scorecard.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader written for the tests, independent of FastCSV, to say what the command
 * should have read: records with the physical line each starts on; CR, LF and CRLF each end a line;
 * a field that starts with a quote runs to the quote that is not doubled and may hold delimiters and
 * line breaks; a quote anywhere else is a plain character (as FastCSV reads it); empty lines are not
 * records. The text must already be decoded, without its byte order mark.
 */
final class ReferenceCsv {
    /**
     * @param line the 1-based physical line the record starts on
     * @param fields its fields
     */
    record Row(long line, List<String> fields) {
    }

    /** The text is not in the subset this reader accepts; the message says why and where. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;

        Invalid(long line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }
    }

    private ReferenceCsv() {
    }

    /**
     * @param text the decoded file
     * @param delimiter the field delimiter
     * @return every record, header included
     * @throws Invalid for an unclosed quote (at the line its record starts) or text after a closing quote
     */
    static List<Row> parse(String text, char delimiter) {
        List<Row> rows = new ArrayList<>();
        int n = text.length();
        int i = 0;
        long line = 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') { // an empty line
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                continue;
            }
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new Invalid(start, "unclosed quote");
                        }
                        char q = text.charAt(i);
                        if (q == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (q == '\n' || (q == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) {
                            line++;
                        }
                        field.append(q);
                        i++;
                    }
                    if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new Invalid(line, "text after a closing quote");
                    }
                } else {
                    while (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        field.append(text.charAt(i++));
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && text.charAt(i) == delimiter) {
                    i++;
                    continue;
                }
                break;
            }
            rows.add(new Row(start, fields));
            if (i < n) { // a line end
                i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
            }
        }
        return rows;
    }
}
