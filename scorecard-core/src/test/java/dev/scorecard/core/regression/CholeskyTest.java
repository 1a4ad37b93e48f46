package dev.scorecard.core.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void solvesAndInvertsAPositiveDefiniteMatrix() {
        // A = [[4, 2, 0.4], [2, 10, 3], [0.4, 3, 9e6]]: badly scaled on purpose; the unit-diagonal
        // scaling makes that harmless. x = (1, -2, 3e-3) gives b = A·x.
        double[] a = {4, 2, 0.4, 2, 10, 3, 0.4, 3, 9e6};
        double[] x = {1, -2, 3e-3};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i * 3 + j] * x[j];
            }
        }
        Cholesky chol = Cholesky.factor(a, 3);
        assertThat(chol.fullRank()).isTrue();
        double[] solved = chol.solve(b);
        for (int i = 0; i < 3; i++) {
            assertThat(solved[i]).isCloseTo(x[i], within(1e-14 * Math.max(1, Math.abs(x[i]))));
        }
        double[] inv = chol.inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int m = 0; m < 3; m++) {
                    s += a[i * 3 + m] * inv[m * 3 + j];
                }
                assertThat(s).as("(A·A⁻¹)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-13));
            }
        }
    }

    @Test
    void findsEveryDeficientColumnAndItsCombination() {
        // Columns u, v, 2u - v, w (orthogonal to u and v), u again: Gram matrix of those columns.
        double[][] cols = {{1, 0, 1, 0}, {0, 1, 1, 0}, {2, -1, 1, 0}, {0, 0, 0, 1}, {1, 0, 1, 0}};
        int k = cols.length;
        double[] a = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int r = 0; r < 4; r++) {
                    a[i * k + j] += cols[i][r] * cols[j][r];
                }
            }
        }
        Cholesky chol = Cholesky.factor(a, k);
        assertThat(chol.fullRank()).isFalse();
        assertThat(chol.deficientColumns()).containsExactly(2, 4);
        // In the scaled metric (each column divided by its norm): 2u - v = 2·|u|/|2u-v|·û − |v|/|2u-v|·v̂.
        double norm = Math.sqrt(a[2 * k + 2]);
        double[] c = chol.combination(2);
        assertThat(c[0]).isCloseTo(2 * Math.sqrt(2) / norm, within(1e-14));
        assertThat(c[1]).isCloseTo(-Math.sqrt(2) / norm, within(1e-14));
        double[] c4 = chol.combination(4);
        assertThat(c4).containsExactly(new double[] {1, 0, 0, 0, 0}, within(1e-14));
    }
}
