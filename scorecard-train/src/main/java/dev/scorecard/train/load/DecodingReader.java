package dev.scorecard.train.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A CSV file's bytes as characters, for the parser, in the encoding asked for, except that a byte
 * order mark decides: {@code EF BB BF} is UTF-8, {@code FF FE} UTF-16LE and {@code FE FF} UTF-16BE,
 * whatever was asked (the mark says what the file is; the option is a guess about files without one).
 * The mark itself is skipped.
 *
 * <p>Bytes that are not text in the encoding do not stop the read, so that one bad row can be
 * rejected rather than the whole file: each such byte becomes one <em>escape</em>, the lone low
 * surrogate {@code U+DC00 + byte} (Python's "surrogateescape"). A strict decoder never produces a
 * low surrogate without the high one before it, so a field holding an escape is known for sure to
 * come from such bytes, even in a file that holds U+FFFD as text. The reader also remembers each
 * escaped byte's offset in the file, in order, until {@link #claim} hands it to whoever finds the
 * escape in a field. Parsers call {@link #claim} only while {@link #pending()} is positive, so text
 * that decodes costs them one comparison per field. Not thread-safe.
 */
final class DecodingReader extends Reader {
    private static final int BYTES = 1 << 16;
    private static final char ESCAPE = '\uDC00';
    /** Bytes of a run shown in a message. */
    private static final int SHOWN = 4;

    private final InputStream in;
    private final Charset asked;
    /** In read mode between calls: position is the next byte to decode. */
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTES);
    private final char[] two = new char[2];
    private CharsetDecoder decoder;
    /** The offset in the file of {@code bytes.array()[0]}. */
    private long bufferStart;
    private boolean endOfInput;
    private boolean flushed;
    /** Bytes of a sequence the decoder refused, still to be escaped. */
    private int errorBytes;
    /** The second half of a pair decoded for a one-character read, or -1. */
    private int carried = -1;
    /** File offsets of escaped bytes not yet claimed: a ring of {@code count} entries from {@code head}. */
    private long[] offsets = new long[64];
    private int head;
    private int count;
    /** Characters {@link #peek} read ahead, served again by {@link #read} before any others. */
    private char[] replay = new char[0];
    private int replayed;
    private boolean peekedToEnd;

    /**
     * @param in the file's bytes (after gunzip), closed with this reader
     * @param asked the encoding of a file without a byte order mark
     */
    DecodingReader(InputStream in, Charset asked) {
        this.in = in;
        this.asked = Objects.requireNonNull(asked, "asked");
        bytes.flip();
    }

    /** @return the encoding in use: the one asked for, or the byte order mark's; null before the first read */
    Charset charset() {
        return decoder == null ? null : decoder.charset();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (decoder == null) {
            start();
        }
        if (len == 0) {
            return 0;
        }
        if (replayed < replay.length) {
            int n = Math.min(len, replay.length - replayed);
            System.arraycopy(replay, replayed, cbuf, off, n);
            replayed += n;
            return n;
        }
        if (carried >= 0) {
            cbuf[off] = (char) carried;
            carried = -1;
            return 1;
        }
        if (len == 1) {
            // A pair does not fit in one character: decode two, hand over one, keep the other.
            int n = read(two, 0, 2);
            if (n > 0) {
                cbuf[off] = two[0];
                carried = n == 2 ? two[1] : -1;
                return 1;
            }
            return n;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.hasRemaining() && !flushed) {
            if (errorBytes > 0) {
                escape(out);
                continue;
            }
            CoderResult r = decoder.decode(bytes, out, endOfInput);
            if (r.isError()) {
                errorBytes = r.length();
            } else if (r.isOverflow()) {
                break; // out is full, or the next character is a pair and one place is left
            } else if (endOfInput) {
                if (decoder.flush(out).isOverflow()) {
                    break;
                }
                flushed = true;
            } else {
                fill();
            }
        }
        int n = out.position() - off;
        return n == 0 && flushed ? -1 : n;
    }

    /**
     * Reads ahead without consuming: the characters come back from {@link #read} as if never read,
     * so that one open of a file (or of standard input, which cannot be opened twice) serves both the
     * delimiter detection and the parser. Escapes decoded here stay pending, to be claimed by the
     * parser as usual. Only before the first {@code read}.
     *
     * @param max the most characters to read ahead
     * @return the characters read, fewer than {@code max} only at the end of the input
     */
    String peek(int max) throws IOException {
        if (replay.length > 0 || replayed > 0) {
            throw new IllegalStateException("peek only once, before reading");
        }
        char[] buf = new char[max];
        int n = 0;
        while (n < max) {
            int r = read(buf, n, max - n);
            if (r < 0) {
                peekedToEnd = true;
                break;
            }
            n += r;
        }
        replay = Arrays.copyOf(buf, n);
        return new String(replay);
    }

    /** @return true when {@link #peek} reached the end of the input */
    boolean peekedToEnd() {
        return peekedToEnd;
    }

    /** Escapes the refused bytes, one character each, as far as {@code out} has room. */
    private void escape(CharBuffer out) {
        while (errorBytes > 0 && out.hasRemaining()) {
            long at = bufferStart + bytes.position();
            out.put((char) (ESCAPE | (bytes.get() & 0xFF)));
            errorBytes--;
            if (count == offsets.length) {
                long[] grown = new long[offsets.length * 2];
                for (int i = 0; i < count; i++) {
                    grown[i] = offsets[(head + i) & (offsets.length - 1)];
                }
                offsets = grown;
                head = 0;
            }
            offsets[(head + count) & (offsets.length - 1)] = at;
            count++;
        }
    }

    /** Chooses the decoder from a byte order mark, if any, and skips the mark. */
    private void start() throws IOException {
        while (bytes.remaining() < 3 && !endOfInput) {
            fill();
        }
        Charset charset = asked;
        int mark = 0;
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            mark = 3;
        } else if (startsWith(0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        } else if (startsWith(0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        }
        bytes.position(bytes.position() + mark);
        decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private boolean startsWith(int... mark) {
        if (bytes.remaining() < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes.get(bytes.position() + i) & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the bytes not decoded yet and reads more after them. */
    private void fill() throws IOException {
        bufferStart += bytes.position();
        bytes.compact();
        if (!bytes.hasRemaining()) {
            throw new IllegalStateException("a character longer than " + BYTES + " bytes");
        }
        int n = 0;
        while (n == 0) {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        }
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** @return escaped bytes decoded but not yet claimed */
    int pending() {
        return count;
    }

    /**
     * Claims the escapes in a field, in order, and describes the first run of them.
     *
     * @return e.g. {@code bytes that are not UTF-8 at byte 57 (0xE9)}, or null when the field holds none
     */
    String claim(char[] buf, int off, int len) {
        StringBuilder shown = null;
        long first = -1;
        int run = 0; // escapes in the first run so far; -1 once it has ended
        for (int i = off, end = off + len; i < end && count > 0; i++) {
            if (!isEscape(buf, off, i)) {
                if (run > 0) {
                    run = -1;
                }
                continue;
            }
            long at = offsets[head];
            head = (head + 1) & (offsets.length - 1);
            count--;
            if (shown == null) {
                shown = new StringBuilder();
                first = at;
            }
            if (run >= 0) {
                if (run < SHOWN) {
                    shown.append(run == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", buf[i] & 0xFF));
                } else if (run == SHOWN) {
                    shown.append(" ...");
                }
                run++;
            }
        }
        if (shown == null) {
            return null;
        }
        return "bytes that are not " + decoder.charset().name() + " at byte " + first + " (" + shown + ")";
    }

    /** @return whether {@code buf[i]} is an escape: a low surrogate of the escape range with no high one before it */
    private static boolean isEscape(char[] buf, int start, int i) {
        char c = buf[i];
        return c >= ESCAPE && c <= (ESCAPE | 0xFF) && (i == start || !Character.isHighSurrogate(buf[i - 1]));
    }

    /**
     * @return the field as text for a rejects file: each escape (one byte that is not text in the
     *     encoding) becomes U+FFFD, the replacement character, so the file stays valid UTF-8
     */
    static String readable(char[] buf, int off, int len) {
        char[] copy = null;
        for (int i = off; i < off + len; i++) {
            if (isEscape(buf, off, i)) {
                if (copy == null) {
                    copy = Arrays.copyOfRange(buf, off, off + len);
                }
                copy[i - off] = '\uFFFD';
            }
        }
        return copy == null ? new String(buf, off, len) : new String(copy);
    }

    /** @see #readable(char[], int, int) */
    static String readable(String field) {
        return readable(field.toCharArray(), 0, field.length());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
