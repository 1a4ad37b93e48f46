package dev.scorecard.train.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackgroundOutputStreamTest {
    @Test
    void everyByteArrivesInOrderWhateverTheWriteSizes() throws IOException {
        long seed = 5;
        SplittableRandom rnd = new SplittableRandom(seed);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (BackgroundOutputStream out = new BackgroundOutputStream(sink)) {
            for (int i = 0; i < 300; i++) {
                // From single bytes to writes of several chunks, so chunks fill, split and recycle.
                byte[] b = new byte[i % 50 == 0 ? rnd.nextInt(3 << 20) : rnd.nextInt(70_000)];
                rnd.nextBytes(b);
                out.write(b, 0, b.length);
                expected.write(b, 0, b.length);
                out.write(i);
                expected.write(i);
            }
            out.flush();
            assertThat(sink.toByteArray()).as("seed %d: all there after flush", seed).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aFailingStreamFailsTheNextCallAndCloseStillCloses() throws IOException {
        boolean[] closed = {false};
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        BackgroundOutputStream out = new BackgroundOutputStream(broken);
        out.write(new byte[10], 0, 10);
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class).hasMessage("writing the output failed: disk full");
        assertThatThrownBy(out::close).isInstanceOf(IOException.class);
        assertThat(closed[0]).isTrue();
        assertThatThrownBy(() -> out.write(1)).hasMessage("stream closed");
    }
}
