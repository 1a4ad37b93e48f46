package dev.scorecard.crm.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A night's event columns and fingerprints as one plain file beside the state's store, written and
 * read in bulk through a direct buffer in the machine's byte order. The store keeps only its length
 * and CRC-32C: a night loads tens of millions of events at disk speed instead of through the
 * store's object serialisation (2.5 s for 20M events), and a file that is not the one the store
 * names (a killed night's, a rebuilt state's leftovers) is refused by its checksum.
 */
final class ColumnFile {
    private static final int BUFFER = 1 << 22;

    private ColumnFile() {
    }

    /** Writes a file in one go: to a temporary name, forced to disk, then moved over the final name. */
    static final class Writer implements AutoCloseable {
        private final Path file;
        private final Path temp;
        private final FileChannel ch;
        private final ByteBuffer buf;
        private final CRC32C crc = new CRC32C();
        private long length;

        Writer(Path file, ByteOrder order) throws IOException {
            this.file = file;
            this.temp = file.resolveSibling(file.getFileName() + ".tmp");
            this.ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            this.buf = ByteBuffer.allocateDirect(BUFFER).order(order);
        }

        private void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                drain();
            }
        }

        private void drain() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            length += buf.remaining();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            buf.clear();
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void putLong(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void putDouble(double v) throws IOException {
            room(8);
            buf.putDouble(v);
        }

        void putLongs(long[] a, int from, int n) throws IOException {
            for (int i = from; i < from + n;) {
                room(8);
                int k = Math.min(from + n - i, buf.remaining() / 8);
                buf.asLongBuffer().put(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
            }
        }

        /** @return {@code [length, crc]} of the file now in place */
        long[] commit() throws IOException {
            drain();
            ch.force(true);
            ch.close();
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new long[] {length, crc.getValue()};
        }

        @Override
        public void close() throws IOException {
            if (ch.isOpen()) {
                ch.close();
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Reads a file front to back in bulk, checking its length and checksum at the end. */
    static final class Reader implements AutoCloseable {
        private final FileChannel ch;
        private final ByteBuffer buf;
        private final CRC32C crc = new CRC32C();
        private final long size;
        private long read;

        Reader(Path file, ByteOrder order) throws IOException {
            this.ch = FileChannel.open(file, StandardOpenOption.READ);
            this.size = ch.size();
            this.buf = ByteBuffer.allocateDirect(BUFFER).order(order);
            buf.flip();
        }

        /** Makes at least {@code bytes} bytes available (fewer only at the end of the file). */
        private void fill(int bytes) throws IOException {
            if (buf.remaining() >= bytes) {
                return;
            }
            buf.compact();
            while (buf.position() < bytes && read < size) {
                int at = buf.position();
                int n = ch.read(buf);
                if (n < 0) {
                    break;
                }
                ByteBuffer fresh = buf.duplicate();
                fresh.position(at).limit(at + n);
                crc.update(fresh);
                read += n;
            }
            buf.flip();
            if (buf.remaining() < bytes) {
                throw new IOException("the file ends early");
            }
        }

        int getInt() throws IOException {
            fill(4);
            return buf.getInt();
        }

        void getInts(int[] a, int from, int n) throws IOException {
            for (int i = from; i < from + n;) {
                fill(4);
                int k = Math.min(from + n - i, buf.remaining() / 4);
                buf.asIntBuffer().get(a, i, k);
                buf.position(buf.position() + 4 * k);
                i += k;
            }
        }

        void getLongs(long[] a, int from, int n) throws IOException {
            for (int i = from; i < from + n;) {
                fill(8);
                int k = Math.min(from + n - i, buf.remaining() / 8);
                buf.asLongBuffer().get(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
            }
        }

        void getDoubles(double[] a, int from, int n) throws IOException {
            for (int i = from; i < from + n;) {
                fill(8);
                int k = Math.min(from + n - i, buf.remaining() / 8);
                buf.asDoubleBuffer().get(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
            }
        }

        /** @return whether the whole file was read and has this length and checksum */
        boolean matches(long length, long checksum) {
            return read == size && size == length && !buf.hasRemaining() && crc.getValue() == checksum;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
