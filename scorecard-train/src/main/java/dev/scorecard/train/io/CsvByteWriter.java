package dev.scorecard.train.io;

import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.internal.ProbabilityFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds RFC 4180 rows as UTF-8 bytes in its own buffer and hands full buffers to a stream. A scored
 * file is mostly numbers and a few texts repeated on every row (grades, reason codes): those are
 * encoded and escaped once by the caller ({@link #encodeField}) and copied as bytes, and numbers are
 * written as digits straight into the buffer, so a row costs no String and no character encoder.
 * The text is exactly what {@link DoubleFormat} and {@link ProbabilityFormat} produce. Not
 * thread-safe; one writer per output.
 */
public final class CsvByteWriter {
    private static final int CAPACITY = 1 << 16;
    /** Room for any number this class writes: 17 significant digits, sign, point and exponent. */
    private static final int NUMBER_ROOM = 32;

    private final OutputStream out;
    private byte[] buf = new byte[CAPACITY];
    private int pos;

    /** @param out where full buffers go; not closed by this class */
    public CsvByteWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * @param text a field's text
     * @return its UTF-8 bytes, quoted when it holds a comma, a quote or a line break, inner quotes doubled
     */
    public static byte[] encodeField(String text) {
        return escape(text).getBytes(StandardCharsets.UTF_8);
    }

    /** @param bytes bytes from {@link #encodeField}, copied as they are */
    public void raw(byte[] bytes) throws IOException {
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** @param text a field's text, escaped and encoded here */
    public void field(String text) throws IOException {
        int n = text.length();
        boolean plain = true;
        for (int i = 0; i < n && plain; i++) {
            char c = text.charAt(i);
            plain = c < 0x80 && c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        if (!plain) {
            raw(encodeField(text));
            return;
        }
        room(n);
        // Plain ASCII: one byte per char (getBytes with ISO_8859_1 would allocate).
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) text.charAt(i);
        }
    }

    /**
     * Writes a whole row of text fields, escaped, comma-separated, and ends it.
     *
     * @param fields the fields, in order
     */
    public void row(java.util.List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                comma();
            }
            field(fields.get(i));
        }
        endRow();
    }

    /** Writes a comma. */
    public void comma() throws IOException {
        room(1);
        buf[pos++] = ',';
    }

    /** Ends the row with a line feed. */
    public void endRow() throws IOException {
        room(1);
        buf[pos++] = '\n';
    }

    /** @param v any double, written as {@link DoubleFormat#format} writes it */
    public void number(double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || 1 / v > 0)) {
            room(NUMBER_ROOM);
            pos = writeLong((long) v, buf, pos);
        } else {
            field(DoubleFormat.format(v));
        }
    }

    /** @param p a probability, written as {@link ProbabilityFormat#format} writes it */
    public void probability(double p) throws IOException {
        if (!(p >= 0 && p <= 1)) {
            field(ProbabilityFormat.format(p));
            return;
        }
        room(ProbabilityFormat.MAX_LENGTH);
        pos = ProbabilityFormat.write(p, buf, pos);
    }

    /** @param v a value written with one decimal, as {@link ProbabilityFormat#oneDecimal} writes it */
    public void oneDecimal(double v) throws IOException {
        long tenths = Math.round(v * 10);
        if (tenths == Long.MIN_VALUE || tenths == Long.MAX_VALUE) {
            field(ProbabilityFormat.oneDecimal(v)); // infinite or huge: rare, so the slow path
            return;
        }
        room(NUMBER_ROOM);
        if (tenths < 0) {
            buf[pos++] = '-';
            tenths = -tenths;
        }
        pos = writeLong(tenths / 10, buf, pos);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + tenths % 10);
    }

    /**
     * Writes a value in hundredths as its shortest decimal ({@code 1250} as {@code 12.5}, {@code -300}
     * as {@code -3}, {@code -5} as {@code -0.05}), as the lead side's {@code Hundredths.format} does but
     * without a String per field: a million leads' score rows hold ten such fields each.
     *
     * @param cents a value in hundredths, not {@link Long#MIN_VALUE}
     */
    public void hundredths(long cents) throws IOException {
        if (cents == Long.MIN_VALUE) {
            throw new IllegalArgumentException("hundredths: " + cents + " has no absolute value");
        }
        room(NUMBER_ROOM + 4);
        if (cents < 0) {
            buf[pos++] = '-';
            cents = -cents;
        }
        pos = writeLong(cents / 100, buf, pos);
        int frac = (int) (cents % 100);
        if (frac != 0) {
            buf[pos++] = '.';
            buf[pos++] = (byte) ('0' + frac / 10);
            if (frac % 10 != 0) {
                buf[pos++] = (byte) ('0' + frac % 10);
            }
        }
    }

    /** Writes what is buffered to the stream (the stream itself is not flushed). */
    public void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    private void room(int n) throws IOException {
        if (pos + n > buf.length) {
            flush();
            if (n > buf.length) {
                buf = new byte[n];
            }
        }
    }

    private static int writeLong(long v, byte[] b, int at) {
        if (v == Long.MIN_VALUE) {
            byte[] text = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, b, at, text.length);
            return at + text.length;
        }
        int p = at;
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v / 10; t > 0; t /= 10) {
            digits++;
        }
        int end = p + digits;
        for (int i = end - 1; i >= p; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }

    /** Quotes a field when it holds a comma, a quote or a line break, doubling inner quotes. */
    static String escape(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
