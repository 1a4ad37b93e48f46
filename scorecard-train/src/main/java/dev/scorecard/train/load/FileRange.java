package dev.scorecard.train.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes {@code [0, head)} of a file followed by its bytes {@code [from, to)}: a log's header
 * line and the lines appended since an earlier run read it, as one stream, so the rows after the
 * header are only the new ones. Read with positional reads, so the file may grow meanwhile.
 */
final class FileRange extends InputStream {
    private final FileChannel channel;
    private final long head;
    private final long from;
    private final long to;
    private long at;

    FileRange(Path file, long head, long from, long to) throws IOException {
        if (head < 0 || from < head || to < from) {
            throw new IllegalArgumentException("bad range " + head + ", " + from + ", " + to);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.head = head;
        this.from = from;
        this.to = to;
        this.at = head == 0 ? from : 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (at == head && head > 0 && at < from) {
            at = from;
        }
        long end = at < head ? head : to;
        if (at >= end) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, end - at)), at);
        if (n < 0) {
            throw new IOException("the file ended at byte " + at + ", before byte " + end + " that an earlier run read");
        }
        at += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
