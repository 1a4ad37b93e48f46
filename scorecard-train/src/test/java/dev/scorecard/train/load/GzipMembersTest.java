package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipMembersTest {

    @Test
    void oneMemberReadsLikeTheJdk() throws IOException {
        byte[] data = new byte[300_000];
        Random random = new Random(11);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + random.nextInt(6)); // compressible, several deflate blocks
        }
        byte[] gz = gzip(data);
        assertThat(readAll(new GzipMembers(new ByteArrayInputStream(gz)))).isEqualTo(data);
        assertThat(readAll(new GZIPInputStream(new ByteArrayInputStream(gz)))).isEqualTo(data);
    }

    @Test
    void concatenatedMembersReadFully() throws IOException {
        byte[] a = text("id,y\n1,0\n");
        byte[] b = text("2,1\n");
        byte[] c = text("3,0\n");
        byte[] gz = concat(gzip(a), gzip(b), gzip(new byte[0]), gzip(c));

        assertThat(readAll(new GzipMembers(new ByteArrayInputStream(gz)))).isEqualTo(concat(a, b, c));
    }

    @Test
    void readsEveryOptionalHeaderField() throws IOException {
        byte[] data = text("x,y\n1,0\n");
        byte[] member = gzip(data);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(new byte[] {0x1F, (byte) 0x8B, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        header.write(new byte[] {3, 0, 'a', 'b', 'c'}); // FEXTRA: XLEN 3
        header.write(text("data.csv\0"));               // FNAME
        header.write(text("a comment\0"));              // FCOMMENT
        CRC32 crc = new CRC32();
        crc.update(header.toByteArray());
        header.write((int) crc.getValue() & 0xFF);      // FHCRC
        header.write((int) (crc.getValue() >> 8) & 0xFF);
        byte[] withFields = concat(header.toByteArray(), Arrays.copyOfRange(member, 10, member.length));

        assertThat(readAll(new GzipMembers(new ByteArrayInputStream(withFields)))).isEqualTo(data);
        assertThat(readAll(new GZIPInputStream(new ByteArrayInputStream(withFields)))).isEqualTo(data);

        withFields[header.size() - 1] ^= 1;
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(withFields))))
                .isExactlyInstanceOf(ZipException.class).hasMessage("Corrupt GZIP header");
    }

    /** The JDK's reader stops silently here: the test that failed before {@link GzipMembers}. */
    @Test
    void aDamagedSecondMemberIsAnError() throws IOException {
        byte[] first = gzip(text("id,y\n1,0\n"));
        byte[] second = gzip(text("2,1\n"));
        second[0] = 0x1E; // its magic number is gone
        byte[] gz = concat(first, second);

        assertThat(readAll(new GZIPInputStream(new ByteArrayInputStream(gz)))).isEqualTo(text("id,y\n1,0\n"));
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(gz))))
                .isInstanceOf(GzipMembers.Damaged.class)
                .hasMessage("damaged gzip data after member 1: the bytes from offset " + first.length
                        + " on are not a gzip member (trailing garbage, or a damaged member header)");
    }

    @Test
    void trailingGarbageIsAnError() throws IOException {
        byte[] member = gzip(text("id,y\n1,0\n"));
        for (byte[] tail : new byte[][] {text("garbage"), {0}, {0x1F}, new byte[1024]}) {
            byte[] gz = concat(member, member, tail);
            assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(gz))))
                    .as("tail of %d bytes", tail.length)
                    .isInstanceOf(GzipMembers.Damaged.class)
                    .hasMessage("damaged gzip data after member 2: the bytes from offset " + 2 * member.length
                            + " on are not a gzip member (trailing garbage, or a damaged member header)");
        }
    }

    @Test
    void aSecondMemberCutShortIsAnError() throws IOException {
        byte[] first = gzip(text("id,y\n1,0\n"));
        byte[] second = gzip(text("2,1\n".repeat(1000)));
        for (int keep : new int[] {5, 12, second.length / 2, second.length - 3}) {
            byte[] gz = concat(first, Arrays.copyOf(second, keep));
            assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(gz))))
                    .as("%d bytes of the second member", keep)
                    .isInstanceOf(GzipMembers.Damaged.class)
                    .hasMessage("damaged gzip data after member 1: the file ends inside member 2");
        }
    }

    @Test
    void aSecondMemberWithBadDataOrChecksumIsAnError() throws IOException {
        byte[] first = gzip(text("id,y\n1,0\n"));
        byte[] second = gzip(text("2,1\n"));
        byte[] badCrc = second.clone();
        badCrc[badCrc.length - 8] ^= 1;
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(concat(first, badCrc)))))
                .isInstanceOf(GzipMembers.Damaged.class)
                .hasMessage("damaged gzip data after member 1: member 2 fails its CRC or length check");

        byte[] badBlock = second.clone();
        badBlock[10] = (byte) 0xFF; // block type 3, which does not exist
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(concat(first, badBlock)))))
                .isInstanceOf(GzipMembers.Damaged.class)
                .hasMessage("damaged gzip data after member 1: member 2: invalid block type");

        byte[] badMethod = second.clone();
        badMethod[2] = 7;
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(concat(first, badMethod)))))
                .isInstanceOf(GzipMembers.Damaged.class)
                .hasMessage("damaged gzip data after member 1: the header of member 2 at offset " + first.length
                        + " is damaged");
    }

    @Test
    void problemsInTheFirstMemberKeepTheJdkWording() throws IOException {
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(text("a,y\n1,1\n")))))
                .isExactlyInstanceOf(ZipException.class).hasMessage("Not in GZIP format");
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(new byte[0]))))
                .isExactlyInstanceOf(EOFException.class).hasMessage("the file is empty");
        byte[] gz = gzip(text("x,y\n".repeat(5000)));
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length / 2)))))
                .isExactlyInstanceOf(EOFException.class).hasMessage("Unexpected end of ZLIB input stream");
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 1] ^= 1; // ISIZE
        assertThatThrownBy(() -> readAll(new GzipMembers(new ByteArrayInputStream(badCrc))))
                .isExactlyInstanceOf(ZipException.class).hasMessage("Corrupt GZIP trailer");
    }

    @Test
    void singleBytesAndSmallReads() throws IOException {
        byte[] data = text("id,y\n1,0\n2,1\n");
        try (InputStream in = new GzipMembers(new ByteArrayInputStream(concat(gzip(data), gzip(data))))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
            assertThat(out.toByteArray()).isEqualTo(concat(data, data));
            assertThat(in.read(new byte[3], 0, 0)).isZero();
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[777];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
