package dev.scorecard.train.io;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes one file atomically, as an {@link OutputSet} of one member: the content goes to a new
 * temporary file in the target's folder (named {@code .<name>.<pid>-<random>.tmp}), which is flushed
 * to disk, renamed over the target in one step (an atomic move; a plain replacing move where the file
 * system refuses that), and then the folder is flushed too, where the operating system allows opening
 * a folder. Readers see the old file or the complete new one; on failure the temporary file is
 * deleted and the target is untouched. The folder is created when missing.
 *
 * <p>The temporary file is created with the default permissions (those of a new file under the
 * process's umask), not the 0600 of {@link java.nio.file.Files#createTempFile}.
 */
public final class AtomicOutput {
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
        try (OutputSet set = OutputSet.of(List.of(file))) {
            set.write(file, content);
            set.commit();
        }
    }

    /**
     * @param file the final file, replaced when it exists
     * @param content writes the text, encoded as UTF-8 without a byte order mark
     * @throws IOException when writing, flushing or renaming fails; {@code file} is then unchanged
     */
    public static void writeText(Path file, TextContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        try (OutputSet set = OutputSet.of(List.of(file))) {
            set.writeText(file, content);
            set.commit();
        }
    }

    /** Lets the content close its writer; the text is flushed, the file stays open. */
    static final class KeepWriterOpen extends FilterWriter {
        KeepWriterOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
