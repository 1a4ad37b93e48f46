package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    @Test
    void deliversEveryByteInOrder() throws IOException {
        byte[] data = new byte[ReadAheadInputStream.CHUNK_BYTES * (ReadAheadInputStream.CHUNKS + 3) + 123];
        new Random(7).nextBytes(data);
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(in.read()).isEqualTo(data[0] & 0xFF);
            out.write(data[0]);
            byte[] buf = new byte[1000];
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
            assertThat(n).isEqualTo(-1);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(out.toByteArray()).isEqualTo(data);
        }
    }

    @Test
    void emptySource() throws IOException {
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(new byte[0]))) {
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[4], 0, 0)).isZero();
        }
    }

    @Test
    void throwsTheSourcesFailureWhereItHappened() throws IOException {
        IOException failure = new IOException("Unexpected end of ZLIB input stream");
        InputStream source = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw failure;
                }
                return 'x';
            }
        };
        try (InputStream in = new ReadAheadInputStream(source)) {
            byte[] buf = new byte[100_000];
            assertThat(in.readNBytes(buf, 0, buf.length)).isEqualTo(100_000);
            assertThatThrownBy(in::read).isSameAs(failure);
            assertThatThrownBy(in::read).isSameAs(failure);
        }
    }

    @Test
    void closeStopsReadingAndClosesTheSource() throws IOException {
        AtomicBoolean sourceClosed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'y';
            }

            @Override
            public void close() {
                sourceClosed.set(true);
            }
        };
        InputStream in = new ReadAheadInputStream(endless);
        assertThat(in.read()).isEqualTo('y');
        in.close();
        assertThat(sourceClosed).isTrue();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Stream closed");
        in.close();
    }
}
