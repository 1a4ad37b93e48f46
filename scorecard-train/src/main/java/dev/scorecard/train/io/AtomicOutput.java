package dev.scorecard.train.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a new temporary file in the target's directory
 * (named {@code .<name>.<random>.tmp}), which is flushed to disk, renamed over the target in one step
 * ({@link StandardCopyOption#ATOMIC_MOVE}; a plain replacing move where the file system refuses that),
 * and then the directory is flushed too, where the operating system allows opening a directory.
 * Readers see the old file or the complete new one; on failure the temporary file is deleted and the
 * target is untouched.
 *
 * <p>The temporary file is created with the default permissions (those of a new file under the
 * process's umask), not the 0600 of {@link Files#createTempFile}. The directory must exist.
 */
public final class AtomicOutput {
    private static final int BUFFER = 1 << 16;
    private static final int NAME_ATTEMPTS = 16;

    /** Writes bytes. The stream may be closed by the content or left open; either is fine. */
    @FunctionalInterface
    public interface StreamContent {
        /**
         * @param out where the content goes
         * @throws IOException to abandon the write
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes UTF-8 text. The writer may be closed by the content or left open; either is fine. */
    @FunctionalInterface
    public interface TextContent {
        /**
         * @param out where the content goes
         * @throws IOException to abandon the write
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * @param file the final file, replaced when it exists
     * @param content writes the bytes
     * @throws IOException when writing, flushing or renaming fails; {@code file} is then unchanged
     */
    public static void write(Path file, StreamContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = createTemp(dir, target.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                BufferedOutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                content.writeTo(new KeepOpen(buffered));
                buffered.flush();
                channel.force(true);
            }
            move(tmp, target);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure matters more
                }
            }
        }
        syncDirectory(dir);
    }

    /**
     * @param file the final file, replaced when it exists
     * @param content writes the text, encoded as UTF-8 without a byte order mark
     * @throws IOException when writing, flushing or renaming fails; {@code file} is then unchanged
     */
    public static void writeText(Path file, TextContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            content.writeTo(new KeepWriterOpen(writer));
            writer.flush();
        });
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
            Path tmp = dir.resolve("." + name + "." + suffix + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable; skipped where a directory cannot be opened (Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on this platform; the file itself was flushed
        }
    }

    /** Lets the content close its writer; the text is flushed, the file stays open. */
    private static final class KeepWriterOpen extends FilterWriter {
        KeepWriterOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Lets the content close its stream without closing the file before it is flushed to disk. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
