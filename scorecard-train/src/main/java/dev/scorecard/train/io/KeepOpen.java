package dev.scorecard.train.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose {@code close} only flushes: lets content close what it was given without closing a
 * file before it is flushed to disk, or standard output before the run ends.
 */
public final class KeepOpen extends FilterOutputStream {
    /** @param out the stream kept open */
    public KeepOpen(OutputStream out) {
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
