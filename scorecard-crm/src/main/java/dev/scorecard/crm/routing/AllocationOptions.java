package dev.scorecard.crm.routing;

import java.util.HashSet;
import java.util.List;

/**
 * How {@code scorecard allocate} estimates and assigns.
 *
 * @param grades the grade names, best first; the first is the top grade of the fairness floor
 * @param shrinkage the prior strength k of the rates ({@link Rates}), in pseudo-leads, above 0
 * @param minTopShare each agent's floor of top-grade leads as a share of its capacity, from 0 to 1
 */
public record AllocationOptions(List<String> grades, double shrinkage, double minTopShare) {
    /** Grades A, B, C, D (the blend's and rules' default names), k = 20, no floor. */
    public static final AllocationOptions DEFAULTS = new AllocationOptions(List.of("A", "B", "C", "D"), 20, 0);

    /** Checks the values, naming the options. */
    public AllocationOptions {
        grades = List.copyOf(grades);
        if (grades.isEmpty() || grades.stream().anyMatch(String::isEmpty) || new HashSet<>(grades).size() != grades.size()) {
            throw new IllegalArgumentException("--grades: " + String.join(",", grades)
                    + " must be distinct, non-empty names, best first");
        }
        if (!(shrinkage > 0 && shrinkage <= 1e6)) {
            throw new IllegalArgumentException("--shrinkage: " + shrinkage + " is out of range; expected above 0 "
                    + "(pseudo-leads, e.g. 20)");
        }
        if (!(minTopShare >= 0 && minTopShare <= 1)) {
            throw new IllegalArgumentException("--min-top-share: " + minTopShare
                    + " is out of range; expected a share from 0 to 1 (0.05 for 5 %)");
        }
    }
}
