package dev.scorecard.crm.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The half-life factor against StrictMath.pow, the definition it stands in for. */
class DecaysTest {
    @Test
    void exactAtWholeHalfLives() {
        for (int k = 0; k <= 1074; k++) {
            assertEquals(StrictMath.pow(0.5, k), Decays.half(k), "0.5^" + k);
        }
        assertEquals(0, Decays.half(1075));
        assertEquals(0, Decays.half(5000));
        assertEquals(0, Decays.half(Double.POSITIVE_INFINITY));
    }

    @Test
    void withinTwoUlpsOfPowOverAgesANightSees() {
        SplittableRandom r = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // ages from a millisecond to ten years, half-lives from a day to a year: x up to ~3650
            double x = i % 2 == 0 ? r.nextDouble() * 4 : r.nextDouble() * 1000;
            double want = StrictMath.pow(0.5, x);
            double got = Decays.half(x);
            worst = Math.max(worst, Math.abs(got - want) / Math.ulp(want));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulps");
    }

    @Test
    void nearTheStepsBoundaries() {
        for (int j = 0; j < 1024; j++) {
            for (double x : new double[] {j / 1024.0, Math.nextDown(j / 1024.0), Math.nextUp(j / 1024.0), 3 + j / 1024.0}) {
                if (x < 0) {
                    continue;
                }
                double want = StrictMath.pow(0.5, x);
                assertTrue(Math.abs(Decays.half(x) - want) <= 2 * Math.ulp(want), "x = " + x);
            }
        }
    }

    @Test
    void cappedPointsThroughTheFactorRoundAsPowDoes() {
        // what a score sees: Math.round(cents * factor); a flip needs the product within an ulp of .5
        SplittableRandom r = new SplittableRandom(11);
        long flips = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long cents = 1 + r.nextInt(5000);
            double x = r.nextDouble() * 10;
            if (Math.round(cents * Decays.half(x)) != Math.round(cents * StrictMath.pow(0.5, x))) {
                flips++;
            }
        }
        assertEquals(0, flips);
    }
}
