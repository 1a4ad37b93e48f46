package dev.scorecard.train.eval;

import dev.scorecard.core.ScorecardException;
import java.util.List;

/**
 * A model failed one or more go-live gates (SPEC §8): the command exits with code 4 after writing
 * its outputs, so the analyst can read the report that says why.
 */
public class GateFailedException extends ScorecardException {
    private static final long serialVersionUID = 1L;

    private final transient List<GateResult> results;

    /**
     * @param split which rows were gated, e.g. {@code test}
     * @param results every gate checked, at least one failed
     */
    public GateFailedException(String split, List<GateResult> results) {
        super(message(split, results));
        this.results = List.copyOf(results);
    }

    /** @return every gate checked */
    public List<GateResult> results() {
        return results;
    }

    private static String message(String split, List<GateResult> results) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        return failed + " of " + results.size() + " go-live gates failed on the " + split + " rows:" + "\n"
                + Gates.table(results).stripTrailing();
    }
}
