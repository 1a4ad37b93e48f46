package dev.scorecard.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The training distributions that monitoring compares against (SPEC §6, §9): the score in ten
 * baseline-decile bins, and every characteristic's share of rows per bin.
 *
 * @param scoreEdges the nine inner cut scores of the deciles, increasing; a score {@code s} falls in
 *     bin {@code i} when {@code edges[i-1] <= s < edges[i]}
 * @param scoreShares the training share of each of the ten bins
 * @param characteristics per characteristic, in model order: the share of training rows per bin
 */
public record Baseline(List<Double> scoreEdges, List<Double> scoreShares, List<BinShares> characteristics) {
    /** Copies the lists and checks their sizes. */
    public Baseline {
        scoreEdges = List.copyOf(scoreEdges);
        scoreShares = List.copyOf(scoreShares);
        characteristics = List.copyOf(characteristics);
        if (scoreShares.size() != scoreEdges.size() + 1) {
            throw new IllegalArgumentException("baseline: " + scoreEdges.size() + " score edges need "
                    + (scoreEdges.size() + 1) + " shares, found " + scoreShares.size());
        }
    }

    /**
     * One characteristic's training shares.
     *
     * @param name the characteristic
     * @param shares share of training rows per bin, in bin order
     */
    public record BinShares(String name, List<Double> shares) {
        /** Copies the list. */
        public BinShares {
            Objects.requireNonNull(name, "name");
            shares = List.copyOf(shares);
        }
    }
}
