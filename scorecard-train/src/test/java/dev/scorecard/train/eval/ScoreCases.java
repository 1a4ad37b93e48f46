package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.SplittableRandom;

/** Seeded random scores and targets for the property tests: many ties, some infinities and -0.0. */
final class ScoreCases {
    private ScoreCases() {
    }

    /** One random case. */
    record Case(double[] scores, BinaryTarget target) {
    }

    /**
     * @param rnd the seeded generator
     * @param maxRows at least 2
     * @param bothClasses whether row 0 is forced to an event and row 1 to a non-event
     * @return scores drawn from few or many distinct values, with the occasional infinity and -0.0
     */
    static Case scores(SplittableRandom rnd, int maxRows, boolean bothClasses) {
        int n = 2 + rnd.nextInt(maxRows - 1);
        int distinct = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 200);
        double eventRate = 0.05 + 0.9 * rnd.nextDouble();
        double[] s = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(distinct) - distinct / 2;
            int special = rnd.nextInt(50);
            if (special == 0) {
                s[i] = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (special == 1) {
                s[i] = -0.0;
            } else if (rnd.nextInt(4) > 0) {
                s[i] = k;
            } else {
                s[i] = k + rnd.nextDouble();
            }
            y[i] = (byte) (rnd.nextDouble() < eventRate ? 1 : 0);
        }
        if (bothClasses) {
            y[0] = 1;
            y[1] = 0;
        }
        return new Case(s, BinaryTarget.of("y", "1", y));
    }

    /**
     * @return probabilities in [0, 1] from few or many distinct values (0 and 1 included now and then),
     *     and outcomes drawn from them, so the model is roughly calibrated
     */
    static Case probabilities(SplittableRandom rnd, int maxRows) {
        int n = 1 + rnd.nextInt(maxRows);
        int distinct = 1 + rnd.nextInt(rnd.nextBoolean() ? 6 : 500);
        double[] p = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            int special = rnd.nextInt(60);
            p[i] = special == 0 ? 0 : special == 1 ? 1 : (double) rnd.nextInt(distinct + 1) / distinct;
            y[i] = (byte) (rnd.nextDouble() < p[i] ? 1 : 0);
        }
        return new Case(p, BinaryTarget.of("y", "1", y));
    }

    /** @return the rank used for grouping: the number of rows scoring strictly higher, by brute force */
    static int[] rowsAbove(double[] scores) {
        int[] above = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            for (double other : scores) {
                if (other > scores[i]) {
                    above[i]++;
                }
            }
        }
        return above;
    }
}
