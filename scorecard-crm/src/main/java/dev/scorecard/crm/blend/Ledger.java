package dev.scorecard.crm.blend;

/**
 * A lead's blended score as a ledger of its parts' contributions that adds up to it exactly, in
 * hundredths. With weights w and 0–100 values v (both whole numbers here), the score is
 * Σ w·v / Σ w rounded to the hundredth, halves up; each part's contribution is its w·v / Σ w
 * rounded down, and the hundredths still missing go, one each, to the parts with the largest
 * remainders (the earlier part on a tie): the largest-remainder method, so the contributions as
 * written sum to the score as written. All arithmetic is on longs, so the result is the same on
 * every machine.
 */
final class Ledger {
    private Ledger() {
    }

    /**
     * @param weights each part's weight, 0 for a part left out, at least one above 0; the weights
     *     times the values must stay within a long
     * @param values each part's value, in hundredths, 0 or more
     * @return each part's contribution, in hundredths; they sum to the score
     */
    static long[] split(long[] weights, long[] values) {
        long total = 0;
        long sumWeights = 0;
        for (int p = 0; p < weights.length; p++) {
            if (weights[p] < 0 || values[p] < 0) {
                throw new IllegalArgumentException("part " + p + ": weight " + weights[p] + ", value " + values[p]
                        + "; both are 0 or more");
            }
            total += weights[p] * values[p];
            sumWeights += weights[p];
        }
        if (sumWeights <= 0) {
            throw new IllegalArgumentException("no part has a weight above 0");
        }
        long score = (2 * total + sumWeights) / (2 * sumWeights); // halves up
        long[] out = new long[weights.length];
        long[] remainder = new long[weights.length];
        long given = 0;
        for (int p = 0; p < weights.length; p++) {
            long n = weights[p] * values[p];
            out[p] = n / sumWeights;
            remainder[p] = n % sumWeights;
            given += out[p];
        }
        for (long missing = score - given; missing > 0; missing--) {
            int best = -1;
            for (int p = 0; p < weights.length; p++) {
                if (remainder[p] > 0 && (best < 0 || remainder[p] > remainder[best])) {
                    best = p;
                }
            }
            out[best]++;
            remainder[best] = 0; // one hundredth each
        }
        return out;
    }
}
