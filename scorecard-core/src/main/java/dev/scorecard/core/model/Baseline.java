package dev.scorecard.core.model;

import dev.scorecard.core.model.VariableType;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The training distributions that monitoring compares against (SPEC §6, §9): the score in ten
 * baseline-decile bins, every characteristic's share of rows per bin, and, in models written since
 * candidate baselines exist, the bins and shares of every binned candidate the model does not use.
 *
 * @param scoreEdges the nine inner cut scores of the deciles, increasing; a score {@code s} falls in
 *     bin {@code i} when {@code edges[i-1] <= s < edges[i]}
 * @param scoreShares the training share of each of the ten bins
 * @param characteristics per characteristic, in model order: the share of training rows per bin
 * @param candidates the binned candidates that are not characteristics, in the training data's
 *     column order; empty (as opposed to an empty list) for a model file written before they were
 *     stored, whose monitoring cannot see drift outside the model
 */
public record Baseline(List<Double> scoreEdges, List<Double> scoreShares, List<BinShares> characteristics,
        Optional<List<Candidate>> candidates) {
    /** Copies the lists and checks their sizes and that candidate names are unique. */
    public Baseline {
        scoreEdges = List.copyOf(scoreEdges);
        scoreShares = List.copyOf(scoreShares);
        characteristics = List.copyOf(characteristics);
        candidates = candidates.map(List::copyOf);
        if (scoreShares.size() != scoreEdges.size() + 1) {
            throw new IllegalArgumentException("baseline: " + scoreEdges.size() + " score edges need "
                    + (scoreEdges.size() + 1) + " shares, found " + scoreShares.size());
        }
        Set<String> names = new HashSet<>();
        for (Candidate c : candidates.orElse(List.of())) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("candidate '" + c.name() + "' appears twice");
            }
        }
    }

    /** A baseline without candidates, as model files written before they were stored hold. */
    public Baseline(List<Double> scoreEdges, List<Double> scoreShares, List<BinShares> characteristics) {
        this(scoreEdges, scoreShares, characteristics, Optional.empty());
    }

    /**
     * @param candidates the binned candidates the model does not use
     * @return a copy holding them
     */
    public Baseline withCandidates(List<Candidate> candidates) {
        return new Baseline(scoreEdges, scoreShares, characteristics, Optional.of(candidates));
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

    /**
     * A candidate the binning step binned but the model does not use: its bins exactly as binning
     * made them, and the training share of each. Bins are in the binning's order: the regular bins
     * (numeric ranges {@code [a, b)} by increasing value, with −∞ and +∞ at the ends; categorical
     * groups), then one bin per special-value list, then the missing bin when it is a bin of its own.
     *
     * @param name the column
     * @param type numeric or categorical
     * @param cuts numeric: the inner cut points, finite and strictly increasing, so {@code cuts.size() + 1}
     *     regular bins; categorical: empty
     * @param categories categorical: the levels of each regular bin (the else bin may list none);
     *     numeric: empty
     * @param elseBin categorical: the regular bin that takes every level it does not list, also those
     *     training never saw; -1 when there is none
     * @param specialValues numeric: the values of each special bin; categorical: empty
     * @param missingBin the bin of a missing value: the last bin when missing values have their own, a
     *     regular bin when binning merged them into it; -1 when training saw none
     * @param labels each bin's label
     * @param shares each bin's share of the training rows
     */
    public record Candidate(String name, VariableType type, List<Double> cuts, List<List<String>> categories,
            int elseBin, List<List<Double>> specialValues, int missingBin, List<String> labels, List<Double> shares) {
        /** How far the shares may sum from 1: they are counts over one total, written in round-trip decimals. */
        static final double SHARE_SUM_TOLERANCE = 1e-6;

        /** Copies the lists; checks the bins are well formed and the shares are shares. */
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            cuts = List.copyOf(cuts);
            categories = categories.stream().map(List::copyOf).toList();
            specialValues = specialValues.stream().map(List::copyOf).toList();
            labels = List.copyOf(labels);
            shares = List.copyOf(shares);
            String at = "candidate '" + name + "'";
            if (type == VariableType.NUMERIC) {
                if (!categories.isEmpty() || elseBin != -1) {
                    throw new IllegalArgumentException(at + ": a numeric candidate has no categories and no else bin");
                }
                for (int i = 0; i < cuts.size(); i++) {
                    if (!Double.isFinite(cuts.get(i)) || (i > 0 && !(cuts.get(i) > cuts.get(i - 1)))) {
                        throw new IllegalArgumentException(at + ": cut points must be finite and strictly increasing, "
                                + "found " + cuts);
                    }
                }
                Set<Double> seen = new HashSet<>();
                for (List<Double> values : specialValues) {
                    if (values.isEmpty()) {
                        throw new IllegalArgumentException(at + ": a special bin needs at least one value");
                    }
                    for (Double v : values) {
                        if (!Double.isFinite(v) || !seen.add(v == 0 ? 0.0 : v)) {
                            throw new IllegalArgumentException(at + ": special value " + v
                                    + " is not finite or is listed twice");
                        }
                    }
                }
            } else {
                if (!cuts.isEmpty() || !specialValues.isEmpty()) {
                    throw new IllegalArgumentException(at + ": a categorical candidate has no cut points and no "
                            + "special values");
                }
                if (categories.isEmpty()) {
                    throw new IllegalArgumentException(at + " has no regular bin");
                }
                Set<String> levels = new HashSet<>();
                for (List<String> group : categories) {
                    for (String level : group) {
                        if (!levels.add(Objects.requireNonNull(level, "level"))) {
                            throw new IllegalArgumentException(at + ": level '" + level + "' is in two bins");
                        }
                    }
                }
                if (elseBin < -1 || elseBin >= categories.size()) {
                    throw new IllegalArgumentException(at + ": else bin " + elseBin + " is not one of its "
                            + categories.size() + " regular bins");
                }
            }
            int regular = regularBins(type, cuts, categories);
            int withoutMissing = regular + specialValues.size();
            if (missingBin < -1 || (missingBin >= regular && missingBin != withoutMissing)) {
                throw new IllegalArgumentException(at + ": missing bin " + missingBin + " is neither a regular bin "
                        + "(0 to " + (regular - 1) + ") nor its own last bin (" + withoutMissing + ")");
            }
            int bins = withoutMissing + (missingBin == withoutMissing ? 1 : 0);
            if (labels.size() != bins || shares.size() != bins) {
                throw new IllegalArgumentException(at + " has " + bins + " bins but " + labels.size() + " labels and "
                        + shares.size() + " shares");
            }
            double sum = 0;
            for (double s : shares) {
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException(at + ": share " + s + " is not between 0 and 1");
                }
                sum += s;
            }
            if (!(Math.abs(sum - 1) <= SHARE_SUM_TOLERANCE)) {
                throw new IllegalArgumentException(at + ": shares sum to " + sum + ", not 1");
            }
        }

        private static int regularBins(VariableType type, List<Double> cuts, List<List<String>> categories) {
            return type == VariableType.NUMERIC ? cuts.size() + 1 : categories.size();
        }

        /** @return the number of regular bins (the else bin included) */
        public int regularBins() {
            return regularBins(type, cuts, categories);
        }

        /** @return the number of bins */
        public int bins() {
            return labels.size();
        }

        /** @return true when missing values have a bin of their own (the last) */
        public boolean hasOwnMissingBin() {
            return missingBin >= 0 && missingBin == regularBins() + specialValues.size();
        }
    }
}
