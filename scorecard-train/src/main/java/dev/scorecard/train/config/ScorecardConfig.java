package dev.scorecard.train.config;

import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.train.binning.VariableOptions;
import dev.scorecard.train.load.ColumnType;
import dev.scorecard.train.load.CsvDialect;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a config file can say, with what it left out as empty. Command-line options override
 * these values at the edge (the CLI), never here.
 *
 * @param target the target column
 * @param positive the event value
 * @param delimiter the field delimiter
 * @param encoding the encoding of data files without a byte order mark (default UTF-8)
 * @param missingValues the missing tokens, replacing the defaults when present
 * @param types forced column types
 * @param exclude columns that are never features
 * @param id identifier columns, kept for outputs, never features
 * @param specialValues per variable, groups of special values; each group gets its own bin
 * @param binning binning options for every variable
 * @param variables per-variable binning options (the global ones with this variable's overrides)
 * @param training split, selection, regression, scaling and grades for {@code train}
 * @param evaluation gates, challenger and drift thresholds
 * @param dialect {@code header}, {@code names} and {@code trim}: how data files are read
 */
public record ScorecardConfig(
        Optional<String> target,
        Optional<String> positive,
        Optional<Character> delimiter,
        Optional<Charset> encoding,
        Optional<List<String>> missingValues,
        Map<String, ColumnType> types,
        Set<String> exclude,
        Set<String> id,
        Map<String, List<List<Double>>> specialValues,
        BinningOptions binning,
        Map<String, BinningOptions> variables,
        TrainingConfig training,
        EvaluationConfig evaluation,
        CsvDialect dialect) implements VariableOptions {

    /** Copies every collection, keeping file order. */
    public ScorecardConfig {
        missingValues = missingValues.map(List::copyOf);
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        exclude = Collections.unmodifiableSet(new LinkedHashSet<>(exclude));
        id = Collections.unmodifiableSet(new LinkedHashSet<>(id));
        Map<String, List<List<Double>>> sv = new LinkedHashMap<>();
        specialValues.forEach((k, v) -> sv.put(k, v.stream().map(List::copyOf).toList()));
        specialValues = Collections.unmodifiableMap(sv);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        java.util.Objects.requireNonNull(training, "training");
        java.util.Objects.requireNonNull(evaluation, "evaluation");
        java.util.Objects.requireNonNull(dialect, "dialect");
    }

    /** @return a config that says nothing: every default applies */
    public static ScorecardConfig empty() {
        return new ScorecardConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(),
                Set.of(), Set.of(), Map.of(), BinningOptions.defaults(), Map.of(), TrainingConfig.defaults(),
                EvaluationConfig.defaults(), CsvDialect.DEFAULT);
    }

    /** @return a copy with the target (and, when given, the event value) replaced */
    public ScorecardConfig withTarget(Optional<String> target, Optional<String> positive) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return a copy with the loading options replaced */
    public ScorecardConfig withLoading(Optional<Character> delimiter, Optional<List<String>> missingValues,
            Set<String> exclude, Set<String> id) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return a copy with this encoding for data files without a byte order mark, or UTF-8 when empty */
    public ScorecardConfig withEncoding(Optional<Charset> encoding) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return a copy with the global and per-variable binning options replaced */
    public ScorecardConfig withBinning(BinningOptions binning, Map<String, BinningOptions> variables) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return a copy with the training options replaced */
    public ScorecardConfig withTraining(TrainingConfig training) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return a copy with the evaluation options replaced */
    public ScorecardConfig withEvaluation(EvaluationConfig evaluation) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return a copy with this dialect (header or names, trimming) for data files */
    public ScorecardConfig withDialect(CsvDialect dialect) {
        return new ScorecardConfig(target, positive, delimiter, encoding, missingValues, types, exclude, id, specialValues,
                binning, variables, training, evaluation, dialect);
    }

    /** @return the binning options for one variable */
    @Override
    public BinningOptions binningFor(String variable) {
        return variables.getOrDefault(variable, binning);
    }

    /** @return the special value groups of one variable, empty when it has none */
    @Override
    public List<List<Double>> specialValuesFor(String variable) {
        return specialValues.getOrDefault(variable, List.of());
    }
}
