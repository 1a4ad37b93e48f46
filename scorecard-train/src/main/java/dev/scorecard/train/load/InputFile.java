package dev.scorecard.train.load;

import dev.scorecard.core.InputDataException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.ZipException;

/**
 * A CSV file as characters: gunzipped when its name ends in {@code .gz}, a UTF-8 byte order mark
 * skipped, decoded as strict UTF-8 (malformed bytes are an error, not a replacement character).
 * Can be opened more than once, for the rare second pass.
 */
final class InputFile {
    /** A gzip header (10 bytes) and trailer (8 bytes). */
    private static final int GZIP_MIN_BYTES = 18;

    private final Path path;
    private final String name;
    private final boolean gzip;
    private final LongConsumer progress;

    private InputFile(Path path, LongConsumer progress) {
        this.path = path;
        this.progress = progress;
        this.name = path.toString();
        this.gzip = path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    static InputFile of(Path path) {
        return new InputFile(path, read -> { });
    }

    /** @param progress told the bytes of the file (compressed, for gzip) read so far, from each pass */
    static InputFile of(Path path, LongConsumer progress) {
        return new InputFile(path, progress);
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
     * @return a reader positioned after any byte order mark
     * @throws InputDataException when the file cannot be opened or is not gzip although named so
     */
    Reader open() {
        InputStream in = openBytes();
        try {
            PushbackInputStream pb = new PushbackInputStream(in, 3);
            in = pb;
            skipBom(pb);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new InputStreamReader(pb, decoder);
        } catch (IOException e) {
            closeQuietly(in, e);
            throw translate(e, 0);
        }
    }

    /** @return the file's bytes, gunzipped when it is named .gz */
    private InputStream openBytes() {
        if (Files.isDirectory(path)) {
            throw new InputDataException(name, 0, null, "is a directory, not a CSV file");
        }
        InputStream in = null;
        try {
            in = new ProgressInputStream(Files.newInputStream(path), progress);
            return gzip ? new ReadAheadInputStream(new GzipMembers(in)) : in;
        } catch (IOException e) {
            closeQuietly(in, e);
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

    /**
     * Finds the first byte sequence that is not UTF-8, reading the file again line by line; only
     * called once a read has failed, to name the exact line.
     *
     * @return {line, offending byte}, or null when none is found or the file cannot be read again
     */
    long[] firstInvalidUtf8() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(openBytes(), 1 << 16)) {
            ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
            long line = 1;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    ByteBuffer bytes = ByteBuffer.wrap(lineBytes.toByteArray());
                    CharBuffer chars = CharBuffer.allocate(bytes.remaining() + 1);
                    decoder.reset();
                    CoderResult result = decoder.decode(bytes, chars, true);
                    if (result.isError()) {
                        return new long[] {line, bytes.get(bytes.position()) & 0xFF};
                    }
                    if (b < 0) {
                        return null;
                    }
                    lineBytes.reset();
                    line++;
                } else {
                    lineBytes.write(b);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void skipBom(PushbackInputStream in) throws IOException {
        byte[] b = new byte[3];
        int n = 0;
        while (n < 3) {
            int r = in.read(b, n, 3 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        boolean bom = n == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            in.unread(b, 0, n);
        }
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
        if (e instanceof CharacterCodingException) {
            long[] at = firstInvalidUtf8();
            if (at != null) {
                return new InputDataException(name, at[0], null, String.format(Locale.ROOT,
                        "not valid UTF-8 (byte 0x%02X); save the file as UTF-8", at[1]));
            }
            return new InputDataException(name, line, null, "not valid UTF-8; save the file as UTF-8");
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
