package dev.scorecard.core;

import java.util.List;

/**
 * A model could not be fitted from the data it was given: a singular (collinear or constant) design,
 * complete or quasi-complete separation, or input values the fit cannot use (a non-finite value, a
 * target that is not 0/1 or has a single class). The message names the variables involved, and
 * {@link #variables()} lists them so that a pipeline can drop them and refit without parsing text.
 */
public class FitException extends ScorecardException {
    private static final long serialVersionUID = 1L;

    /** A List.copyOf result, which is serializable; the field type is an interface. */
    @SuppressWarnings("serial")
    private final List<String> variables;

    /**
     * @param message what went wrong, naming the variables and rows involved
     * @param variables the variables the problem is attributed to, most responsible first; empty when
     *     it is not tied to a variable (a single-class target)
     */
    public FitException(String message, List<String> variables) {
        super(message);
        this.variables = List.copyOf(variables);
    }

    /** @return the variables the problem is attributed to, most responsible first; possibly empty */
    public List<String> variables() {
        return variables;
    }
}
