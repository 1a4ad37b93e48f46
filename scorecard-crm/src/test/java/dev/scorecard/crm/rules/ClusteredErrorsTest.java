package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.IrlsFitter;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.core.regression.LogisticOptions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The clustered standard errors against what they must be: with every row its own cluster and a
 * true logistic model they agree with the textbook errors (both estimate the same variance); with
 * every row written twice into one cluster they stay those of the rows written once, where the
 * textbook errors wrongly shrink by √2.
 */
class ClusteredErrorsTest {
    @Test
    void singleRowClustersAgreeWithTheTextbookAndDuplicatedRowsDoNotCountTwice() {
        Random r = new Random(7);
        int n = 20_000;
        double[][] x = new double[2][n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = r.nextGaussian();
            x[1][i] = r.nextInt(3);
            double eta = -1 + 0.8 * x[0][i] - 0.5 * x[1][i];
            y[i] = (byte) (r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
        }
        LogisticFit fit = new IrlsFitter(LogisticOptions.defaults()).fit(List.of("a", "b"), x, y, null);
        int[] own = new int[n];
        for (int i = 0; i < n; i++) {
            own[i] = i;
        }
        Coefficient[] c = ClusteredErrors.of(fit, x, y, own, n, 0);
        for (int j = 0; j < 2; j++) {
            double textbook = fit.coefficients().get(j).standardError();
            assertThat(c[j].standardError() / textbook).as("slope %d", j).isCloseTo(1, within(0.05));
            assertThat(c[j].estimate()).isEqualTo(fit.coefficients().get(j).estimate());
            assertThat(c[j].z()).isCloseTo(c[j].estimate() / c[j].standardError(), within(1e-12));
        }
        // Every row twice, both copies in the row's cluster: the same estimate, half the textbook variance.
        double[][] x2 = new double[2][2 * n];
        byte[] y2 = new byte[2 * n];
        int[] cluster = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            x2[0][i] = x[0][i % n];
            x2[1][i] = x[1][i % n];
            y2[i] = y[i % n];
            cluster[i] = i % n;
        }
        LogisticFit twice = new IrlsFitter(LogisticOptions.defaults()).fit(List.of("a", "b"), x2, y2, null);
        Coefficient[] c2 = ClusteredErrors.of(twice, x2, y2, cluster, n, 0);
        for (int j = 0; j < 2; j++) {
            assertThat(twice.coefficients().get(j).standardError() / c[j].standardError()).isCloseTo(Math.sqrt(0.5),
                    within(0.05));
            assertThat(c2[j].standardError() / c[j].standardError()).as("slope %d", j).isCloseTo(1, within(1e-6));
        }
    }
}
