package dev.scorecard.core.binning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix sort gives exactly the order of Arrays.sort, bit for bit, on varied random inputs. */
class RadixSortProperties {
    @Test
    void sameOrderAsArraysSort() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = rnd.nextInt(2) == 0 ? 5000 + rnd.nextInt(20_000) : rnd.nextInt(5000);
            double[] a = new double[n];
            int kind = (int) (seed % 4);
            for (int i = 0; i < n; i++) {
                a[i] = switch (kind) {
                    case 0 -> Double.longBitsToDouble(rnd.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (rnd.nextBoolean() ? 1 : -1);
                    case 1 -> rnd.nextInt(50) - 25;
                    case 2 -> Math.round(rnd.nextGaussian() * 1e4) / 1e4;
                    default -> rnd.nextInt(100) == 0 ? (rnd.nextBoolean() ? Double.POSITIVE_INFINITY
                            : Double.NEGATIVE_INFINITY) : rnd.nextDouble() * 1e-300;
                };
            }
            double[] expected = a.clone();
            Arrays.sort(expected);
            double[] actual = Arrays.copyOf(a, n + 3);
            RadixSort.sort(actual, n);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(actual[i])).as("seed %d, index %d", seed, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }
}
