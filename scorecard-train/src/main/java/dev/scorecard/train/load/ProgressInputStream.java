package dev.scorecard.train.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read and reports the count about every megabyte, for a progress bar. */
final class ProgressInputStream extends FilterInputStream {
    private static final long STEP = 1 << 20;
    private final LongConsumer progress;
    private long read;
    private long reported;

    ProgressInputStream(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read - reported >= STEP) {
            reported = read;
            progress.accept(read);
        }
    }

    @Override
    public void close() throws IOException {
        progress.accept(read);
        super.close();
    }
}
