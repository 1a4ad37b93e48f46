package dev.scorecard.train.select;

import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.CodedColumn;
import dev.scorecard.core.regression.IrlsFitter;
import dev.scorecard.core.regression.LogisticFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The selection steps that need the regression (SPEC §4): stepwise selection by AIC, BIC or p-value,
 * then the coefficient-sign rule — under our WOE convention every coefficient must be positive; the
 * variable with the most negative z leaves and the model is refitted until all agree.
 */
public final class ModelSelector {
    private final SelectionOptions options;
    private final IrlsFitter fitter;

    /**
     * @param options stepwise and sign options
     * @param fitter the regression
     */
    public ModelSelector(SelectionOptions options, IrlsFitter fitter) {
        this.options = options;
        this.fitter = fitter;
    }

    /**
     * @param fit the final regression
     * @param variables the variables in it, in coefficient order
     * @param removed a row per variable removed here
     */
    public record Result(LogisticFit fit, List<String> variables, List<SelectionRow> removed) {
        /** Copies the lists. */
        public Result {
            variables = List.copyOf(variables);
            removed = List.copyOf(removed);
        }
    }

    /**
     * @param candidates the variables that passed the filters, by IV from highest
     * @param ivOf each variable's IV (for the rows)
     * @param woeOf each variable's training WOE column
     * @param y the training target, 1 = event
     * @return the fitted model and what was removed
     */
    public Result select(List<String> candidates, Map<String, Double> ivOf, Function<String, CodedColumn> woeOf, byte[] y) {
        List<SelectionRow> removed = new ArrayList<>();
        List<String> vars = switch (options.stepwise()) {
            case NONE -> new ArrayList<>(candidates);
            case FORWARD -> forward(candidates, woeOf, y, new ArrayList<>(), false);
            case BACKWARD -> backward(new ArrayList<>(candidates), woeOf, y);
            case BOTH -> forward(candidates, woeOf, y, new ArrayList<>(), true);
        };
        for (String c : candidates) {
            if (!vars.contains(c)) {
                removed.add(new SelectionRow(c, ivOf.getOrDefault(c, 0.0), false, "stepwise",
                        "not selected by " + options.stepwise().configName() + " stepwise on "
                                + options.criterion().configName()));
            }
        }
        LogisticFit fit = fit(vars, woeOf, y);
        while (options.requirePositiveCoefficients() && !vars.isEmpty()) {
            int worst = -1;
            for (int j = 0; j < vars.size(); j++) {
                Coefficient c = fit.coefficients().get(j);
                if (!(c.estimate() > 0) && (worst < 0 || c.z() < fit.coefficients().get(worst).z())) {
                    worst = j;
                }
            }
            if (worst < 0) {
                break;
            }
            Coefficient c = fit.coefficients().get(worst);
            String name = vars.remove(worst);
            removed.add(new SelectionRow(name, ivOf.getOrDefault(name, 0.0), false, "sign", String.format(Locale.ROOT,
                    "coefficient %.4f (z %.2f) is not positive: the variable works against its own WOE "
                            + "given the others", c.estimate(), c.z())));
            fit = fit(vars, woeOf, y);
        }
        return new Result(fit, vars, removed);
    }

    private LogisticFit fit(List<String> vars, Function<String, CodedColumn> woeOf, byte[] y) {
        CodedColumn[] cols = new CodedColumn[vars.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = woeOf.apply(vars.get(j));
        }
        return fitter.fit(vars, cols, y, null);
    }

    /** Lower is better for AIC and BIC; for p-values the step logic uses the Wald p-values directly. */
    private double criterion(LogisticFit f) {
        return options.criterion() == StepCriterion.BIC ? f.bic() : f.aic();
    }

    private List<String> forward(List<String> candidates, Function<String, CodedColumn> woeOf, byte[] y,
            List<String> chosen, boolean withBackward) {
        LogisticFit current = fit(chosen, woeOf, y);
        while (true) {
            String bestVar = null;
            double bestValue = Double.POSITIVE_INFINITY;
            for (String c : candidates) {
                if (chosen.contains(c)) {
                    continue;
                }
                List<String> trial = new ArrayList<>(chosen);
                trial.add(c);
                LogisticFit f = fit(trial, woeOf, y);
                double value = options.criterion() == StepCriterion.P_VALUE
                        ? f.coefficients().get(f.coefficients().size() - 1).pValue() : criterion(f);
                if (value < bestValue) {
                    bestValue = value;
                    bestVar = c;
                }
            }
            boolean improves = bestVar != null && (options.criterion() == StepCriterion.P_VALUE
                    ? bestValue < options.pEnter() : bestValue < criterion(current));
            if (!improves) {
                return chosen;
            }
            chosen.add(bestVar);
            current = fit(chosen, woeOf, y);
            if (withBackward) {
                List<String> pruned = backward(new ArrayList<>(chosen), woeOf, y);
                if (!pruned.contains(bestVar)) {
                    // The variable just added left again: stop instead of cycling.
                    return pruned;
                }
                chosen = pruned;
                current = fit(chosen, woeOf, y);
            }
        }
    }

    private List<String> backward(List<String> vars, Function<String, CodedColumn> woeOf, byte[] y) {
        while (!vars.isEmpty()) {
            LogisticFit current = fit(vars, woeOf, y);
            int drop = -1;
            if (options.criterion() == StepCriterion.P_VALUE) {
                double worstP = options.pRemove();
                for (int j = 0; j < vars.size(); j++) {
                    double p = current.coefficients().get(j).pValue();
                    if (p > worstP) {
                        worstP = p;
                        drop = j;
                    }
                }
            } else {
                double best = criterion(current);
                for (int j = 0; j < vars.size(); j++) {
                    List<String> trial = new ArrayList<>(vars);
                    trial.remove(j);
                    double value = criterion(fit(trial, woeOf, y));
                    if (value < best) {
                        best = value;
                        drop = j;
                    }
                }
            }
            if (drop < 0) {
                return vars;
            }
            vars.remove(drop);
        }
        return vars;
    }
}
