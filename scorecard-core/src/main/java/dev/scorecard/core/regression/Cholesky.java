package dev.scorecard.core.regression;

/**
 * Cholesky factorisation of a small symmetric positive semi-definite matrix (the (p+1)×(p+1)
 * information matrix of a fit), with a rank check.
 *
 * <p>The matrix is first scaled to unit diagonal (Ã = D<sup>−½</sup>AD<sup>−½</sup>), so that the
 * check does not depend on the units of the columns. Columns are then taken in their given order,
 * without pivoting, so that the message can say "a later column depends on earlier ones": column j
 * is <em>deficient</em> when its pivot, 1 − R² of column j on the earlier accepted columns in the
 * matrix's metric, falls below {@link #RANK_TOLERANCE}. A deficient column is skipped (its row of L
 * is left out of every later step) and factoring goes on, so every deficient column is found.
 */
final class Cholesky {
    /**
     * The least pivot, relative to the column's own squared norm, of an accepted column: R² above
     * 1 − 1e-10, a variance inflation factor above 1e10. Normal equations square the condition number,
     * so a column this close to the span of the others could not be estimated to more than about six
     * digits anyway; R's QR with its 1e-7 on norms (1e-14 squared) accepts somewhat more.
     */
    static final double RANK_TOLERANCE = 1e-10;

    private final int k;
    /** Row-major k×k; the lower triangle holds L of the scaled matrix; a deficient column's L_jj is 0. */
    private final double[] l;
    /** 1/sqrt(a_jj), 0 for a column with no positive diagonal. */
    private final double[] scale;
    private final boolean[] deficient;
    private final int deficientCount;

    private Cholesky(int k, double[] l, double[] scale, boolean[] deficient, int deficientCount) {
        this.k = k;
        this.l = l;
        this.scale = scale;
        this.deficient = deficient;
        this.deficientCount = deficientCount;
    }

    /**
     * @param a a symmetric k×k matrix, row-major; only the lower triangle and diagonal are read; not kept
     * @param k the order
     * @return the factorisation
     */
    static Cholesky factor(double[] a, int k) {
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            scale[j] = d > 0 && Double.isFinite(d) ? 1.0 / Math.sqrt(d) : 0.0;
        }
        double[] l = new double[k * k];
        boolean[] deficient = new boolean[k];
        int count = 0;
        for (int j = 0; j < k; j++) {
            int rj = j * k;
            // Off-diagonal entries of row j against the earlier accepted columns (forward substitution).
            for (int c = 0; c < j; c++) {
                if (deficient[c]) {
                    continue;
                }
                int rc = c * k;
                double s = a[rj + c] * scale[j] * scale[c];
                for (int m = 0; m < c; m++) {
                    s -= l[rj + m] * l[rc + m];
                }
                l[rj + c] = s / l[rc + c];
            }
            double pivot = scale[j] == 0 ? 0.0 : 1.0;
            for (int m = 0; m < j; m++) {
                pivot -= l[rj + m] * l[rj + m];
            }
            // "!(>=)" also catches NaN.
            if (scale[j] == 0 || !(pivot >= RANK_TOLERANCE)) {
                deficient[j] = true;
                count++;
            } else {
                l[rj + j] = Math.sqrt(pivot);
            }
        }
        return new Cholesky(k, l, scale, deficient, count);
    }

    /** @return true when no column is deficient */
    boolean fullRank() {
        return deficientCount == 0;
    }

    /** @return the indices of the deficient columns, ascending */
    int[] deficientColumns() {
        int[] out = new int[deficientCount];
        int n = 0;
        for (int j = 0; j < k; j++) {
            if (deficient[j]) {
                out[n++] = j;
            }
        }
        return out;
    }

    /**
     * Expresses a deficient column in terms of the earlier accepted ones: the coefficients c of the
     * least-squares combination Σ c<sub>m</sub>·column<sub>m</sub> in the scaled metric, where an
     * entry of order 1 means the column takes part and an entry near 0 that it does not.
     *
     * @param j a deficient column
     * @return k coefficients, 0 for column j itself, for deficient and for later columns
     */
    double[] combination(int j) {
        // Row j of L below the diagonal holds L_SS^{-1}·ã_Sj; one back substitution gives c.
        double[] c = new double[k];
        for (int m = 0; m < j; m++) {
            c[m] = deficient[m] ? 0.0 : l[j * k + m];
        }
        for (int m = j - 1; m >= 0; m--) {
            if (deficient[m]) {
                continue;
            }
            double s = c[m];
            for (int r = m + 1; r < j; r++) {
                if (!deficient[r]) {
                    s -= l[r * k + m] * c[r];
                }
            }
            c[m] = s / l[m * k + m];
        }
        return c;
    }

    /**
     * Solves A·x = b; only for a full-rank factorisation.
     *
     * @param b the right-hand side, length k; not modified
     * @return x
     */
    double[] solve(double[] b) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i] * scale[i];
            for (int m = 0; m < i; m++) {
                s -= l[i * k + m] * x[m];
            }
            x[i] = s / l[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = x[i];
            for (int r = i + 1; r < k; r++) {
                s -= l[r * k + i] * x[r];
            }
            x[i] = s / l[i * k + i];
        }
        for (int i = 0; i < k; i++) {
            x[i] *= scale[i];
        }
        return x;
    }

    /**
     * The inverse of A; only for a full-rank factorisation.
     *
     * @return A<sup>−1</sup>, k×k row-major, symmetric
     */
    double[] inverse() {
        // W = L^{-1} (lower triangular), then Ã^{-1} = W'W and A^{-1} = D^{-1/2} Ã^{-1} D^{-1/2}.
        double[] w = new double[k * k];
        for (int c = 0; c < k; c++) {
            w[c * k + c] = 1.0 / l[c * k + c];
            for (int i = c + 1; i < k; i++) {
                double s = 0;
                for (int m = c; m < i; m++) {
                    s -= l[i * k + m] * w[m * k + c];
                }
                w[i * k + c] = s / l[i * k + i];
            }
        }
        double[] inv = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = 0;
                for (int m = j; m < k; m++) {
                    s += w[m * k + i] * w[m * k + j];
                }
                double v = s * scale[i] * scale[j];
                inv[i * k + j] = v;
                inv[j * k + i] = v;
            }
        }
        return inv;
    }
}
