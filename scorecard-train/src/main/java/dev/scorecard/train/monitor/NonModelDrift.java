package dev.scorecard.train.monitor;

import dev.scorecard.train.eval.DriftLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift outside the model: the CSI of every binned candidate the model does not use, from the
 * baseline the model file keeps of them. A model trained on a quiet period can keep a few
 * characteristics while the population moves under the variables it dropped; this is where that
 * shows.
 *
 * @param variables one entry per such variable in the current file, by CSI from highest to lowest
 *     (equal values keep the model file's order); sorted here
 * @param absent those the current file has no column for, in the model file's order
 */
public record NonModelDrift(List<CandidateDrift> variables, List<String> absent) {
    /** Sorts and copies the lists. */
    public NonModelDrift {
        List<CandidateDrift> sorted = new ArrayList<>(variables);
        sorted.sort(Comparator.comparingDouble((CandidateDrift c) -> c.csi().value()).reversed());
        variables = List.copyOf(sorted);
        absent = List.copyOf(absent);
    }

    /** @return the variable with the highest CSI, empty when there is none */
    public Optional<CandidateDrift> worst() {
        return variables.stream().findFirst();
    }

    /** @return the worst level of any variable; stable when there is none */
    public DriftLevel worstLevel() {
        return worst().map(CandidateDrift::level).orElse(DriftLevel.STABLE);
    }

    /**
     * @param name a variable to leave out
     * @return a copy without it (the same content when it has no such variable)
     */
    public NonModelDrift without(String name) {
        Objects.requireNonNull(name, "name");
        return new NonModelDrift(variables.stream().filter(c -> !c.name().equals(name)).toList(), absent);
    }

    /** @return whether it has a variable of this name */
    public boolean has(String name) {
        return variables.stream().anyMatch(c -> c.name().equals(name));
    }
}
