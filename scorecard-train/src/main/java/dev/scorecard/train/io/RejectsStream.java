package dev.scorecard.train.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes rejected rows to the rejects file as they are found, in the format of
 * {@link RejectsWriter}, so that a pass over a file with millions of bad rows keeps none of them in
 * memory. The file is a member of the run's {@link OutputSet}, created at the first reject: a run
 * with none leaves no rejects file, and its commit removes an earlier run's. Not thread-safe.
 */
public final class RejectsStream implements Closeable {
    private final OutputSet set;
    private final Path file;
    private final List<String> header;
    private Writer out;
    private long rows;

    /**
     * @param set the run's outputs
     * @param file the rejects file, a member of {@code set}
     * @param header the input's header names
     */
    public RejectsStream(OutputSet set, Path file, List<String> header) {
        this.set = Objects.requireNonNull(set, "set");
        this.file = Objects.requireNonNull(file, "file");
        this.header = List.copyOf(header);
    }

    /**
     * @param line the physical line the row starts on
     * @param reason why it was rejected
     * @param fields the row's fields as read
     * @throws UncheckedIOException when the rejects file cannot be written
     */
    public void add(long line, String reason, List<String> fields) {
        try {
            RejectsWriter.writeRow(out(), line, reason, fields);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param row a row as {@link RejectsWriter#render} gives it, for an input with this stream's header
     * @throws UncheckedIOException when the rejects file cannot be written
     */
    public void addRendered(String row) {
        try {
            out().write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the file's writer, opened with its header at the first row */
    private Writer out() throws IOException {
        if (out == null) {
            out = new OutputStreamWriter(set.open(file), StandardCharsets.UTF_8);
            RejectsWriter.writeHeader(out, header);
        }
        return out;
    }

    /** @return rows written so far */
    public long rows() {
        return rows;
    }

    /** @return the rejects file */
    public Path file() {
        return file;
    }

    /** Flushes the file to disk, when a row was written. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            Writer w = out;
            out = null;
            w.close();
        }
    }
}
