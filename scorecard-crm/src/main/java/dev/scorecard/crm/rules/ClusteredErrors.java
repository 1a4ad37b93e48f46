package dev.scorecard.crm.rules;

import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.LogisticFit;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Standard errors of a logistic fit whose rows come in clusters: the lead-nights of one lead share
 * the lead, so they are not independent, and the textbook errors, which take every row as new
 * evidence, are too small — a type that a long-lived lead piles up night after night would look
 * significant from one lead's nights. The cluster-robust (sandwich) estimate
 * {@code V = H⁻¹ (Σ_g u_g u_gᵀ) H⁻¹ · G / (G − 1)}, with {@code H = XᵀWX + λI'} the (penalised)
 * information, {@code u_g = Σ_{i∈g} x_i (y_i − μ_i)} the score of cluster g and G the number of
 * clusters (Liang and Zeger 1986; the {@code G / (G − 1)} factor as Stata's {@code vce(cluster)}).
 * Stateless.
 */
final class ClusteredErrors {
    private ClusteredErrors() {
    }

    /**
     * @param fit the fit, its slopes in the order of {@code columns}
     * @param columns the fitted columns, one value per row each
     * @param y the outcomes
     * @param cluster each row's cluster, 0 to {@code clusters} − 1
     * @param clusters the number of cluster ids
     * @param l2 the fit's L2 penalty (0 for none)
     * @return the slopes with the clustered standard errors and their z
     */
    static Coefficient[] of(LogisticFit fit, double[][] columns, byte[] y, int[] cluster, int clusters, double l2) {
        int k = columns.length;
        int p = k + 1;
        double[] beta = new double[p];
        beta[0] = fit.intercept().estimate();
        for (int j = 0; j < k; j++) {
            beta[j + 1] = fit.coefficients().get(j).estimate();
        }
        double[][] h = new double[p][p];
        double[][] score = new double[clusters][];
        double[] x = new double[p];
        x[0] = 1;
        for (int i = 0; i < y.length; i++) {
            double eta = beta[0];
            for (int j = 0; j < k; j++) {
                x[j + 1] = columns[j][i];
                eta += beta[j + 1] * x[j + 1];
            }
            double mu = 1 / (1 + StrictMath.exp(-eta));
            double w = mu * (1 - mu);
            double r = y[i] - mu;
            double[] u = score[cluster[i]];
            if (u == null) {
                u = score[cluster[i]] = new double[p];
            }
            for (int a = 0; a < p; a++) {
                if (x[a] == 0) {
                    continue;
                }
                u[a] += x[a] * r;
                double wa = w * x[a];
                for (int b = 0; b <= a; b++) {
                    h[a][b] += wa * x[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                h[b][a] = h[a][b];
            }
            if (a > 0) {
                h[a][a] += l2;
            }
        }
        double[][] meat = new double[p][p];
        int g = 0;
        for (double[] u : score) {
            if (u == null) {
                continue;
            }
            g++;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a][b] += u[a] * u[b];
                }
            }
        }
        RealMatrix bread = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse();
        RealMatrix v = bread.multiply(new Array2DRowRealMatrix(meat, false)).multiply(bread)
                .scalarMultiply(g > 1 ? (double) g / (g - 1) : 1);
        Coefficient[] out = new Coefficient[k];
        for (int j = 0; j < k; j++) {
            Coefficient c = fit.coefficients().get(j);
            double se = Math.sqrt(Math.max(0, v.getEntry(j + 1, j + 1)));
            double z = c.estimate() / se;
            double pValue = 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .cumulativeProbability(Math.abs(z)));
            out[j] = new Coefficient(c.name(), c.estimate(), se, z, pValue);
        }
        return out;
    }
}
