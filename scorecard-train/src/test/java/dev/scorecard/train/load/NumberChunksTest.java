package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric cells are held as 4-byte decimals exactly when that gives back every parsed double bit for
 * bit, chunk by chunk and across chunks of different scales, and rejected rows leave wherever they
 * fall; anything else stays 8 bytes with its values untouched.
 */
class NumberChunksTest {
    private static final int CHUNK = NumberChunks.CHUNK;

    @TempDir
    Path dir;

    /** Values as a CSV writer prints them: a fixed number of decimals per run of rows, some missing, -0. */
    @Test
    void decimalTextPacksToFourBytesAndReadsBackBitForBit() {
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 3 * CHUNK + 1234;
        double[] expected = new double[rows];
        NumberChunks chunks = new NumberChunks();
        for (int r = 0; r < rows; r++) {
            // Scale 0 in the first chunk, 2 in the second, 4 after: the column's scale is 4.
            int scale = r < CHUNK ? 0 : r < 2 * CHUNK ? 2 : 4;
            double v;
            if (r % 97 == 0) {
                v = Double.NaN;
            } else if (r % 101 == 0) {
                v = -0.0;
            } else {
                long m = rnd.nextLong(-200_000L, 200_000L);
                v = Double.parseDouble(text(m, scale));
            }
            expected[r] = v;
            chunks.put(r, v);
        }
        NumericColumn c = chunks.take("x", rows, new int[0]);
        assertThat(c.bytesPerRow()).isEqualTo(4);
        assertSameBits(c, expected, new int[0]);
    }

    @Test
    void rejectedRowsLeaveFromEveryChunk() {
        int rows = 2 * CHUNK + 10;
        double[] expected = new double[rows];
        NumberChunks chunks = new NumberChunks();
        for (int r = 0; r < rows; r++) {
            expected[r] = r / 8.0;
            chunks.put(r, expected[r]);
        }
        int[] rejected = {0, 1, 17, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK + 9};
        NumericColumn c = chunks.take("x", rows, rejected);
        assertThat(c.bytesPerRow()).isEqualTo(4);
        assertSameBits(c, expected, rejected);
    }

    @Test
    void oneValueThatIsNotADecimalKeepsTheColumnInDoubles() {
        int rows = 2 * CHUNK + 3;
        double[] expected = new double[rows];
        NumberChunks chunks = new NumberChunks();
        for (int r = 0; r < rows; r++) {
            expected[r] = r == CHUNK + 5 ? Math.PI : r * 0.25;
            chunks.put(r, expected[r]);
        }
        NumericColumn c = chunks.take("x", rows, new int[] {4});
        assertThat(c.bytesPerRow()).isEqualTo(8);
        assertSameBits(c, expected, new int[] {4});
    }

    @Test
    void scalesThatCannotMeetKeepTheColumnInDoubles() {
        // Integers near 2e9 in the first chunk fit at scale 0 but not at the second chunk's scale 1.
        int rows = CHUNK + 100;
        double[] expected = new double[rows];
        NumberChunks chunks = new NumberChunks();
        for (int r = 0; r < rows; r++) {
            expected[r] = r < CHUNK ? 2_000_000_000.0 + r : r + 0.5;
            chunks.put(r, expected[r]);
        }
        NumericColumn c = chunks.take("x", rows, new int[0]);
        assertThat(c.bytesPerRow()).isEqualTo(8);
        assertSameBits(c, expected, new int[0]);
        // Too large, too many digits, too small, infinite: none packs.
        for (double v : new double[] {3e9, 0.1234567891, 1e-12, Double.POSITIVE_INFINITY, -2147483647.0}) {
            assertThat(DecimalPacking.pack(new double[] {1.5, v}, 2)).as("%s", v).isNull();
        }
        assertThat(DecimalPacking.pack(new double[] {-2147483646.0, 2147483646.0}, 2)).isNotNull();
    }

    @Test
    void aLoadedCsvOfDecimalsTakesFourBytesACell() throws IOException {
        SplittableRandom rnd = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder("y,price,ratio,big\n");
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 70_000; r++) {
            double price = Math.round(rnd.nextDouble(0, 5000) * 100) / 100.0;
            String ratio = String.format(java.util.Locale.ROOT, "%.4f", rnd.nextDouble(-1, 1));
            double big = rnd.nextDouble(0, 1) * 1e12;
            csv.append(r % 3 == 0 ? 1 : 0).append(',').append(price).append(',').append(ratio).append(',')
                    .append(big).append('\n');
            rows.add(new double[] {price, Double.parseDouble(ratio), big});
        }
        Path file = dir.resolve("decimals.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Dataset d = CsvLoader.load(file, CsvLoadOptions.defaults("y")).dataset();
        NumericColumn price = (NumericColumn) d.feature("price").orElseThrow();
        NumericColumn ratio = (NumericColumn) d.feature("ratio").orElseThrow();
        NumericColumn big = (NumericColumn) d.feature("big").orElseThrow();
        assertThat(price.bytesPerRow()).isEqualTo(4);
        assertThat(ratio.bytesPerRow()).isEqualTo(4);
        assertThat(big.bytesPerRow()).isEqualTo(8);
        for (int r = 0; r < rows.size(); r++) {
            assertThat(price.value(r)).isEqualTo(rows.get(r)[0]);
            assertThat(ratio.value(r)).isEqualTo(rows.get(r)[1]);
            assertThat(big.value(r)).isEqualTo(rows.get(r)[2]);
        }
    }

    private static void assertSameBits(NumericColumn c, double[] expected, int[] rejected) {
        assertThat(c.size()).isEqualTo(expected.length - rejected.length);
        int k = 0;
        int at = 0;
        for (int r = 0; r < expected.length; r++) {
            if (k < rejected.length && rejected[k] == r) {
                k++;
                continue;
            }
            assertThat(Double.doubleToRawLongBits(c.value(at))).as("row %d", r)
                    .isEqualTo(Double.doubleToRawLongBits(expected[r]));
            at++;
        }
    }

    private static String text(long m, int scale) {
        String digits = Long.toString(Math.abs(m));
        while (digits.length() <= scale) {
            digits = "0" + digits;
        }
        String s = scale == 0 ? digits : digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale);
        return m < 0 ? "-" + s : s;
    }
}
