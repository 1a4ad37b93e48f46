package dev.scorecard.train.load;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Detects the field delimiter among {@code , ; TAB |} from the start of a file.
 *
 * <p>For each candidate it counts the occurrences outside double quotes in the header and in the
 * next records (up to {@value #RECORDS_CHECKED}, blank lines skipped, quoted line breaks followed).
 * A candidate is confirmed when it occurs in the header and every following record has the same
 * count. Among confirmed candidates the one with the most occurrences in the header wins, ties going
 * to the order above. When none is confirmed, the candidate most frequent in the header is used (so
 * that the field-count check names the first ragged row); when none occurs at all, the file has one
 * column and {@code ,} is returned.
 */
final class DelimiterDetector {
    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    static final int RECORDS_CHECKED = 20;
    static final int PREFIX_CHARS = 1 << 16;

    private DelimiterDetector() {
    }

    /** Reads at most {@value #PREFIX_CHARS} characters from {@code reader} and detects the delimiter. */
    static char detect(Reader reader) throws IOException {
        char[] buf = new char[PREFIX_CHARS];
        int n = 0;
        boolean complete = false;
        // Bytes that are not text come through as escapes (DecodingReader), which are never delimiters.
        while (n < buf.length) {
            int r = reader.read(buf, n, buf.length - n);
            if (r < 0) {
                complete = true;
                break;
            }
            n += r;
        }
        return detect(new String(buf, 0, n), complete);
    }

    /**
     * @param text the start of the file
     * @param complete true when {@code text} is the whole file, so its last record is complete even
     *     without a final line break
     * @return the delimiter
     */
    static char detect(String text, boolean complete) {
        List<int[]> records = new ArrayList<>();
        int[] current = new int[CANDIDATES.length];
        boolean inQuotes = false;
        boolean recordHasText = false;
        int len = text.length();
        for (int i = 0; i < len && records.size() <= RECORDS_CHECKED; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
                recordHasText = true;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                if (recordHasText) {
                    records.add(current);
                    current = new int[CANDIDATES.length];
                    recordHasText = false;
                }
            } else {
                recordHasText = true;
                if (!inQuotes) {
                    for (int k = 0; k < CANDIDATES.length; k++) {
                        if (c == CANDIDATES[k]) {
                            current[k]++;
                        }
                    }
                }
            }
        }
        if (recordHasText && (complete || records.isEmpty())) {
            records.add(current); // the last record, or a header longer than the prefix
        }
        if (records.isEmpty()) {
            return CANDIDATES[0];
        }
        int[] header = records.get(0);
        int best = -1;
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (header[k] == 0) {
                continue;
            }
            boolean confirmed = true;
            for (int r = 1; r < records.size() && confirmed; r++) {
                confirmed = records.get(r)[k] == header[k];
            }
            if (confirmed && (best < 0 || header[k] > header[best])) {
                best = k;
            }
        }
        if (best < 0) {
            for (int k = 0; k < CANDIDATES.length; k++) {
                if (header[k] > 0 && (best < 0 || header[k] > header[best])) {
                    best = k;
                }
            }
        }
        return best < 0 ? CANDIDATES[0] : CANDIDATES[best];
    }
}
