package dev.scorecard.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compact forms of columns (decimal mantissas, narrow categorical codes, picked rows sharing the
 * values) read exactly what the plain forms read, and cost what the README says they cost.
 */
class CompactColumnsTest {
    private static final int M = CategoricalColumn.MISSING;

    @Test
    void decimalMantissasReadAsTheParsedText() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 200_000; t++) {
            int scale = rnd.nextInt(NumericColumn.MAX_DECIMAL_SCALE + 1);
            int m = rnd.nextInt(Integer.MIN_VALUE + 2, Integer.MAX_VALUE);
            String text = decimalText(m, scale);
            double parsed = Double.parseDouble(text);
            assertThat(Double.doubleToRawLongBits(NumericColumn.decimalValue(m, scale)))
                    .as("%d at scale %d (%s)", m, scale, text).isEqualTo(Double.doubleToRawLongBits(parsed));
        }
        assertThat(NumericColumn.decimalValue(NumericColumn.DECIMAL_MISSING, 3)).isNaN();
        assertThat(Double.doubleToRawLongBits(NumericColumn.decimalValue(NumericColumn.DECIMAL_NEGATIVE_ZERO, 4)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(NumericColumn.decimalValue(0, 4))).isZero();
    }

    /** The decimal text of m·10^-scale, e.g. -2112 at scale 4 is "-0.2112". */
    private static String decimalText(int m, int scale) {
        String digits = Long.toString(Math.abs((long) m));
        while (digits.length() <= scale) {
            digits = "0" + digits;
        }
        String s = scale == 0 ? digits : digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale);
        return m < 0 ? "-" + s : s;
    }

    @Test
    void aDecimalColumnTakesFourBytesARowAndPicksLikeAPlainOne() {
        int[] mantissas = {-2112, 63760, NumericColumn.DECIMAL_MISSING, NumericColumn.DECIMAL_NEGATIVE_ZERO, 0, 70000};
        NumericColumn c = NumericColumn.ofDecimal("x", mantissas, 4);
        assertThat(c.copyValues()).containsExactly(-0.2112, 6.376, Double.NaN, -0.0, 0.0, 7.0);
        assertThat(c.missingCount()).isEqualTo(1);
        assertThat(c.bytesPerRow()).isEqualTo(4);
        NumericColumn picked = c.select(new int[] {5, 3, 0});
        assertThat(picked.copyValues()).containsExactly(7.0, -0.0, -0.2112);
        assertThat(Double.doubleToRawLongBits(picked.value(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        // A pick of a pick maps through both.
        assertThat(picked.select(new int[] {2, 2}).copyValues()).containsExactly(-0.2112, -0.2112);
        assertThatThrownBy(() -> NumericColumn.ofDecimal("x", mantissas, 10))
                .hasMessage("scale: 10 is out of range; expected 0..9");
        assertThatThrownBy(() -> picked.select(new int[] {3}))
                .hasMessage("column 'x': row index 3 at position 0 is out of range for 3 rows");
    }

    @Test
    void categoricalCodesAreAsNarrowAsTheLevelsAllow() {
        assertThat(withLevels(127).bytesPerRow()).isEqualTo(1);
        assertThat(withLevels(128).bytesPerRow()).isEqualTo(2);
        assertThat(withLevels(32_767).bytesPerRow()).isEqualTo(2);
        assertThat(withLevels(32_768).bytesPerRow()).isEqualTo(4);
        for (int levels : new int[] {1, 127, 128, 32_767, 32_768, 40_000}) {
            CategoricalColumn c = withLevels(levels);
            for (int i = 0; i < c.size(); i++) {
                int expected = i % 3 == 2 ? M : (i * 7919) % levels;
                assertThat(c.code(i)).as("%d levels, row %d", levels, i).isEqualTo(expected);
                assertThat(c.level(i)).isEqualTo(expected == M ? null : "L" + expected);
            }
        }
    }

    /** 3·levels + 3 rows: every third missing, the others spread over the levels. */
    private static CategoricalColumn withLevels(int levels) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            names.add("L" + l);
        }
        int[] codes = new int[3 * levels + 3];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 3 == 2 ? M : (i * 7919) % levels;
        }
        return CategoricalColumn.of("c", codes, names);
    }

    @Test
    void aSplitSharesOneIndexArrayAcrossTheColumns() {
        int n = 1000;
        double[] x = new double[n];
        int[] codes = new int[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 4.0;
            codes[i] = i % 5;
            y[i] = (byte) (i % 2);
        }
        Dataset d = new Dataset(List.of(NumericColumn.of("x", x), CategoricalColumn.of("c", codes,
                List.of("a", "b", "c", "d", "e"))), List.of(), BinaryTarget.of("y", "1", y));
        int[] rows = new int[n / 2];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = 2 * i + 1;
        }
        Dataset half = d.select(rows);
        rows[0] = 0; // the dataset copied the indices
        NumericColumn hx = (NumericColumn) half.features().get(0);
        CategoricalColumn hc = (CategoricalColumn) half.features().get(1);
        assertThat(hx.value(0)).isEqualTo(0.25);
        assertThat(hc.code(0)).isEqualTo(1);
        for (int i = 0; i < rows.length; i++) {
            assertThat(hx.value(i)).isEqualTo(x[2 * i + 1]);
            assertThat(hc.code(i)).isEqualTo(codes[2 * i + 1]);
            assertThat(half.target().event(i)).isEqualTo(y[2 * i + 1]);
        }
        // 8 bytes for the double and 4 for the index; 1 for the code and 4 for the index.
        assertThat(hx.bytesPerRow()).isEqualTo(12);
        assertThat(hc.bytesPerRow()).isEqualTo(5);
    }
}
