package dev.scorecard.train.load;

import dev.scorecard.core.InputDataException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.zip.ZipException;

/**
 * A CSV file as characters: gunzipped when its name ends in {@code .gz} (every member), decoded in
 * its encoding by a {@link DecodingReader}, which lets bytes that are not text through as escapes
 * so that their rows can be rejected one by one. Can be opened more than once, for the rare second
 * pass.
 */
final class InputFile {
    /** A gzip header (10 bytes) and trailer (8 bytes). */
    private static final int GZIP_MIN_BYTES = 18;

    private final Path path;
    private final String name;
    private final boolean gzip;
    private final Charset encoding;
    private final LongConsumer progress;

    private final boolean stdin;
    private long[] range; // head, from, to: the header and the bytes from..to only
    private boolean opened;

    private InputFile(Path path, Charset encoding, LongConsumer progress) {
        this.path = path;
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.progress = progress;
        this.stdin = Dash.is(path);
        this.name = stdin ? "standard input" : path.toString();
        this.gzip = !stdin && path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }


    /** @param encoding the encoding of a file without a byte order mark */
    static InputFile of(Path path, Charset encoding) {
        return new InputFile(path, encoding, read -> { });
    }

    /**
     * @param encoding the encoding of a file without a byte order mark
     * @param progress told the bytes of the file (compressed, for gzip) read so far, from each pass
     */
    static InputFile of(Path path, Charset encoding, LongConsumer progress) {
        return new InputFile(path, encoding, progress);
    }

    /**
     * Reads only the first {@code head} bytes (the header line) and the bytes {@code [from, to)}.
     *
     * @return this
     */
    InputFile range(long head, long from, long to) {
        if (stdin || gzip) {
            throw new InputDataException(name, 0, null, "only a plain file can be read from where an earlier run stopped"
                    + " (not standard input or .gz)");
        }
        range = new long[] {head, from, to};
        return this;
    }

    /** @return the encoding asked for (a byte order mark may override it: {@link DecodingReader}) */
    Charset encoding() {
        return encoding;
    }

    /** @return the file name as given, for messages */
    String name() {
        return name;
    }

    /**
     * @return the size of the data in bytes, or -1 when unknown: the file size, or for gzip the size
     *     the trailer records (exact for a single-member file under 4 GiB; only a hint otherwise)
     */
    long uncompressedSizeHint() {
        if (stdin) {
            return -1;
        }
        try {
            if (!gzip) {
                return Files.size(path);
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size < GZIP_MIN_BYTES) {
                    return -1;
                }
                ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                while (trailer.hasRemaining() && channel.read(trailer, size - 4 + trailer.position()) > 0) {
                    // read the last four bytes: ISIZE, the uncompressed size modulo 2^32
                }
                trailer.flip();
                long isize = trailer.remaining() == 4 ? trailer.getInt() & 0xFFFF_FFFFL : -1;
                return isize > 0 ? isize : -1;
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @return the file's text: the bytes decoded as {@link DecodingReader} says (a byte order mark
     *     decides the encoding and is skipped; bytes that are not text become escapes); nothing is
     *     read until the first {@code read}
     * @throws InputDataException when the file cannot be opened
     */
    DecodingReader open() {
        return new DecodingReader(openBytes(), encoding);
    }

    /** @return the file's bytes, gunzipped when it is named .gz */
    private InputStream openBytes() {
        if (stdin) {
            return standardInput();
        }
        if (Files.isDirectory(path)) {
            throw new InputDataException(name, 0, null, "is a directory, not a CSV file");
        }
        InputStream in = null;
        try {
            InputStream bytes = range == null ? Files.newInputStream(path) : new FileRange(path, range[0], range[1], range[2]);
            in = new ProgressInputStream(bytes, progress);
            return gzip ? new ReadAheadInputStream(new GzipMembers(in)) : in;
        } catch (IOException e) {
            closeQuietly(in, e);
            throw translate(e, 0);
        }
    }

    /** Standard input, which can be read once: gunzipped when it starts with gzip's magic bytes. */
    private InputStream standardInput() {
        if (opened) {
            throw new IllegalStateException("standard input can be read only once");
        }
        opened = true;
        try {
            BufferedInputStream in = new BufferedInputStream(new ProgressInputStream(System.in, progress), 1 << 16);
            in.mark(2);
            boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzipped ? new ReadAheadInputStream(new GzipMembers(in)) : in;
        } catch (IOException e) {
            throw translate(e, 0);
        }
    }

    private static void closeQuietly(InputStream in, IOException failure) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }

    /** @return the error for a file without even a header, the same from every reader */
    InputDataException emptyFile() {
        return new InputDataException(name, 0, null, "file is empty (no header)");
    }

    /**
     * @param line the line the header starts on
     * @param bytes what and where, e.g. {@code bytes that are not UTF-8 at byte 3 (0xE9)}
     * @param charset the encoding the file is read in
     * @return the error for a header holding bytes that are not text, with the {@code --encoding} advice
     */
    InputDataException undecodableHeader(long line, String bytes, Charset charset) {
        return new InputDataException(name, line, null, "the header has " + bytes + Encodings.advice(charset));
    }

    /**
     * Turns a read failure into an error that names the file; {@code line} is where reading was
     * (0 when unknown). Failures that are not about the data stay {@link UncheckedIOException}.
     */
    RuntimeException translate(IOException e, long line) {
        if (e instanceof NoSuchFileException) {
            return new InputDataException(name, 0, null, "file not found");
        }
        if (e instanceof AccessDeniedException) {
            return new InputDataException(name, 0, null, "permission denied");
        }
        if (e instanceof GzipMembers.Damaged) {
            return new InputDataException(name, 0, null, e.getMessage());
        }
        if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
            return new InputDataException(name, 0, null, "the file is named .gz but is not a valid, complete gzip file ("
                    + e.getMessage() + ")");
        }
        return new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
}
