package dev.scorecard.train.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The data of a gzip file (RFC 1952): every member in turn, each checked against its CRC-32 and
 * length, and nothing after the last one.
 *
 * <p>Why not {@link java.util.zip.GZIPInputStream}: after the first member it reads a next header
 * only when {@code available()} says there are bytes, and when that header is damaged it stops
 * without a word, so a damaged second member, or trailing garbage, left the rest of the file unread
 * and the run scored a silently shorter file. Here the bytes after a member are either the end of the
 * file or a valid member; anything else is an error that says where.
 *
 * <p>Problems in the first member keep the JDK's wording ({@code Not in GZIP format}, {@code Unexpected
 * end of ZLIB input stream}, {@code Corrupt GZIP trailer}, the inflater's message) as a plain
 * {@link ZipException} or {@link EOFException}; problems after it are a {@link Damaged} whose message
 * starts "damaged gzip data after member N". Not thread-safe.
 */
final class GzipMembers extends InputStream {
    private static final int BUFFER = 1 << 16;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xE0;

    /** Damage after the first member: a bad header, trailing bytes, a cut, a bad block or checksum. */
    static final class Damaged extends ZipException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private int pos;
    private int lim;
    /** The file offset of {@code buf[0]}. */
    private long bufStart;
    /** Members begun so far; 0 before the first header is read. */
    private int member;
    private long memberBytes;
    private boolean done;

    /** @param in the compressed bytes; closed with this stream */
    GzipMembers(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (member == 0) {
            readHeader();
        }
        while (!done) {
            if (inflater.finished()) {
                endMember();
                continue;
            }
            if (inflater.needsInput()) {
                if (pos == lim && !refill()) {
                    throw truncated();
                }
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw problem(member == 1 ? String.valueOf(e.getMessage()) : "member " + member + ": " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.needsDictionary()) {
                throw problem("member " + member + " asks for a preset dictionary, which gzip does not have");
            }
        }
        return -1;
    }

    /** Checks the trailer of the member just inflated, then starts the next one or finds the end. */
    private void endMember() throws IOException {
        pos = lim - inflater.getRemaining();
        long expectedCrc = readInt();
        long expectedSize = readInt();
        if (expectedCrc != crc.getValue() || expectedSize != (memberBytes & 0xFFFF_FFFFL)) {
            throw problem(member == 1 ? "Corrupt GZIP trailer" : "member " + member + " fails its CRC or length check");
        }
        readHeader();
    }

    /** Reads a member header, or notes the clean end of the file after a member. */
    private void readHeader() throws IOException {
        long at = bufStart + pos;
        headerCrc.reset();
        int id1 = headerByte();
        if (id1 < 0 && member > 0) {
            done = true;
            return;
        }
        int id2 = headerByte();
        if (id1 != 0x1F || id2 != 0x8B) {
            if (member == 0) {
                throw id1 < 0 ? new EOFException("the file is empty") : new ZipException("Not in GZIP format");
            }
            throw new Damaged("damaged gzip data after member " + member + ": the bytes from offset " + at
                    + " on are not a gzip member (trailing garbage, or a damaged member header)");
        }
        member++;
        int method = needHeaderByte();
        int flags = needHeaderByte();
        if (method != 8 || (flags & RESERVED_FLAGS) != 0) {
            throw problem(member == 1 ? "Unsupported compression method" : "the header of member " + member + " at offset "
                    + at + " is damaged");
        }
        for (int i = 0; i < 6; i++) { // MTIME, XFL, OS
            needHeaderByte();
        }
        if ((flags & FEXTRA) != 0) {
            int xlen = needHeaderByte() | needHeaderByte() << 8;
            for (int i = 0; i < xlen; i++) {
                needHeaderByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (needHeaderByte() != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (needHeaderByte() != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xFFFF);
            int stored = needByte() | needByte() << 8;
            if (stored != expected) {
                throw problem(member == 1 ? "Corrupt GZIP header" : "the header of member " + member + " at offset " + at
                        + " fails its checksum");
            }
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
    }

    private int headerByte() throws IOException {
        int b = nextByte();
        if (b >= 0) {
            headerCrc.update(b);
        }
        return b;
    }

    private int needHeaderByte() throws IOException {
        int b = needByte();
        headerCrc.update(b);
        return b;
    }

    private int needByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw truncated();
        }
        return b;
    }

    /** @return a little-endian unsigned 32-bit value */
    private long readInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) needByte() << (8 * i);
        }
        return v;
    }

    private int nextByte() throws IOException {
        if (pos == lim && !refill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** @return false at the end of the file; only called once the inflater holds no input */
    private boolean refill() throws IOException {
        bufStart += lim;
        pos = 0;
        lim = 0;
        while (lim == 0) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            lim = n;
        }
        return true;
    }

    private IOException truncated() {
        return member <= 1 ? new EOFException("Unexpected end of ZLIB input stream")
                : new Damaged("damaged gzip data after member " + (member - 1) + ": the file ends inside member " + member);
    }

    private ZipException problem(String text) {
        return member <= 1 ? new ZipException(text) : new Damaged("damaged gzip data after member " + (member - 1) + ": " + text);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
