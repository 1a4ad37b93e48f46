package dev.scorecard.core.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Coded columns read the values they were given, in every width, and fit exactly as plain arrays. */
class CodedColumnTest {
    @Test
    void everyWidthReadsTheTable() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int distinct : new int[] {1, 2, 256, 257, 65_536, 65_537}) {
            double[] table = new double[distinct];
            for (int k = 0; k < distinct; k++) {
                table[k] = rnd.nextGaussian();
            }
            int n = 3 * distinct + 700;
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = i < distinct ? i : rnd.nextInt(distinct);
            }
            CodedColumn c = CodedColumn.of(codes, table);
            assertThat(c.bytesPerRow()).as("%d values", distinct)
                    .isEqualTo(distinct <= 256 ? 1 : distinct <= 65_536 ? 2 : 8);
            double[] block = new double[n + 5];
            c.copy(3, block, 5, n - 3);
            for (int i = 0; i < n; i++) {
                assertThat(c.value(i)).isEqualTo(table[codes[i]]);
                if (i >= 3) {
                    assertThat(block[i + 2]).isEqualTo(table[codes[i]]);
                }
            }
        }
        assertThatThrownBy(() -> CodedColumn.of(new int[] {0, 2}, new double[] {1, 2}))
                .hasMessage("code 2 at row 1 is outside the table's 0..1");
    }

    @Test
    void aFitOnCodesIsTheFitOnTheirValuesBitForBit() {
        // WOE-like design: each variable takes a handful of values; 10,007 rows so the last block is short.
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 10_007;
        int p = 4;
        double[][] plain = new double[p][n];
        CodedColumn[] coded = new CodedColumn[p];
        byte[] y = new byte[n];
        for (int j = 0; j < p; j++) {
            double[] table = new double[3 + 2 * j];
            for (int k = 0; k < table.length; k++) {
                table[k] = rnd.nextDouble(-1.5, 1.5);
            }
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = rnd.nextInt(table.length);
                plain[j][i] = table[codes[i]];
            }
            coded[j] = CodedColumn.of(codes, table);
        }
        for (int i = 0; i < n; i++) {
            double eta = -1 + 0.8 * plain[0][i] - 0.5 * plain[1][i] + 0.3 * plain[2][i];
            y[i] = (byte) (rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
        }
        List<String> names = List.of("a", "b", "c", "d");
        IrlsFitter fitter = new IrlsFitter(LogisticOptions.defaults());
        LogisticFit fromPlain = fitter.fit(names, plain, y, null);
        LogisticFit fromCodes = fitter.fit(names, coded, y, null);
        assertThat(fromCodes.intercept().estimate()).isEqualTo(fromPlain.intercept().estimate());
        for (int j = 0; j < p; j++) {
            assertThat(fromCodes.coefficients().get(j).estimate()).isEqualTo(fromPlain.coefficients().get(j).estimate());
            assertThat(fromCodes.coefficients().get(j).standardError())
                    .isEqualTo(fromPlain.coefficients().get(j).standardError());
        }
        assertThat(fromCodes.logLikelihood()).isEqualTo(fromPlain.logLikelihood());
        // And the fit is a real one: the signs of the true effects come back.
        assertThat(fromCodes.coefficients().get(0).estimate()).isPositive();
        assertThat(fromCodes.coefficients().get(1).estimate()).isNegative();
    }
}
