package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingReaderTest {

    private static DecodingReader reader(byte[] bytes, Charset asked) {
        return new DecodingReader(new ByteArrayInputStream(bytes), asked);
    }

    private static String readAll(Reader r, int chunk) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[chunk];
        int n;
        while ((n = r.read(buf, 0, chunk)) >= 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Test
    void oneCharacterReadsSplitNoPair() throws IOException {
        String text = "a😀b東\uD83D\uDE00";
        try (DecodingReader r = reader(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = r.read()) >= 0) {
                sb.append((char) c);
            }
            assertThat(sb.toString()).isEqualTo(text);
            assertThat(r.pending()).isZero();
        }
    }

    /** Characters and bad bytes that straddle the reader's 64 KiB byte buffer decode as if it were one. */
    @Test
    void acrossTheByteBuffer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; bytes.size() < 300_000; i++) {
            String piece = i % 7 == 0 ? "東" : i % 11 == 0 ? "😀" : "ab,";
            bytes.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
            expected.append(piece);
            if (i % 1001 == 0) {
                bytes.write(0xFF);
                expected.append('\uDCFF');
            }
        }
        for (int chunk : new int[] {1, 2, 3, 8191, 1 << 16}) {
            try (DecodingReader r = reader(bytes.toByteArray(), StandardCharsets.UTF_8)) {
                assertThat(readAll(r, chunk)).as("chunks of %d", chunk).isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void claimsEscapesInOrderAndDescribesTheFirstRun() throws IOException {
        byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC, (byte) 0xFB, 'c', (byte) 0x80};
        try (DecodingReader r = reader(bytes, StandardCharsets.UTF_8)) {
            char[] text = readAll(r, 64).toCharArray();
            assertThat(r.pending()).isEqualTo(7);
            assertThat(r.claim(text, 0, 3)).isEqualTo("bytes that are not UTF-8 at byte 1 (0xC3)");
            assertThat(r.pending()).isEqualTo(6);
            assertThat(r.claim(text, 3, text.length - 3))
                    .isEqualTo("bytes that are not UTF-8 at byte 3 (0xFF 0xFE 0xFD 0xFC ...)");
            assertThat(r.pending()).isZero();
            assertThat(DecodingReader.readable(new String(text))).isEqualTo("a\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDc\uFFFD");
        }
    }

    /** A pair whose low half falls in the escape range is text, not an escape. */
    @Test
    void aValidPairIsNotAnEscape() throws IOException {
        String skull = "\uD83D\uDC80"; // U+1F480: its low surrogate is U+DC80
        try (DecodingReader r = reader(skull.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) {
            char[] text = readAll(r, 16).toCharArray();
            assertThat(new String(text)).isEqualTo(skull);
            assertThat(r.pending()).isZero();
            assertThat(r.claim(text, 0, text.length)).isNull();
            assertThat(DecodingReader.readable(skull)).isEqualTo(skull);
        }
    }

    @Test
    void theByteOrderMarkChoosesAndIsSkipped() throws IOException {
        byte[] le = {(byte) 0xFF, (byte) 0xFE, 'a', 0, ',', 0};
        try (DecodingReader r = reader(le, Charset.forName("GB18030"))) {
            assertThat(readAll(r, 16)).isEqualTo("a,");
            assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        }
        try (DecodingReader r = reader(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}, StandardCharsets.ISO_8859_1)) {
            assertThat(readAll(r, 16)).isEqualTo("x");
            assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
        }
        try (DecodingReader r = reader(new byte[] {(byte) 0xEF, (byte) 0xBB}, StandardCharsets.UTF_8)) {
            assertThat(readAll(r, 16)).isEqualTo("\uDCEF\uDCBB"); // a cut-off mark is two bad bytes
        }
        try (DecodingReader r = reader(new byte[0], StandardCharsets.UTF_8)) {
            assertThat(r.read()).isEqualTo(-1);
        }
    }
}
