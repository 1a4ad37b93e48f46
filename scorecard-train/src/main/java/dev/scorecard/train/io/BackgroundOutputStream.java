package dev.scorecard.train.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hands what is written to a background thread in 1 MB chunks, so that copying the bytes into the
 * operating system (a tenth of a second per 160 MB here) overlaps with producing the next rows
 * instead of adding to them. Memory is bounded: at most {@value #CHUNKS} chunks exist, and a writer
 * that outruns the disk waits for a free one. Bytes reach the underlying stream in order. A failure of
 * the underlying stream is thrown by the next {@code write}, {@code flush} or {@code close}. Not
 * thread-safe: one producing thread.
 */
public final class BackgroundOutputStream extends OutputStream {
    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 4;

    private final OutputStream out;
    private final ExecutorService writer;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private volatile IOException failure;
    private byte[] current;
    private int pos;
    private boolean closed;

    /** @param out the stream the background thread writes to; closed by {@link #close()} */
    public BackgroundOutputStream(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scorecard-output-writer");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (current == null) {
                current = take();
                pos = 0;
            }
            int n = Math.min(len, CHUNK - pos);
            System.arraycopy(b, off, current, pos, n);
            pos += n;
            off += n;
            len -= n;
            if (pos == CHUNK) {
                handOff();
            }
        }
    }

    /** Waits until every byte written so far has reached the underlying stream, then flushes it. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        handOff();
        await(writer.submit(() -> {
            out.flush();
            return null;
        }));
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            writer.shutdown();
            out.close();
        }
    }

    private void handOff() throws IOException {
        if (current == null || pos == 0) {
            return;
        }
        byte[] chunk = current;
        int length = pos;
        current = null;
        pos = 0;
        writer.execute(() -> {
            try {
                if (failure == null) {
                    out.write(chunk, 0, length);
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                free.add(chunk);
            }
        });
        rethrow();
    }

    private byte[] take() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the output writer");
        }
    }

    private void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the output writer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException("writing the output failed: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
