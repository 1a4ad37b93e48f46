package dev.scorecard.core;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.internal.NumericBins;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.ScoringRules;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.VerificationCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded scorecard, ready to score: immutable and thread-safe, so one instance serves every
 * thread of a service. {@link #score(Map)} scores one row given as text or numbers;
 * {@link #scoreBatch(List, double[], double[])} scores columns with no allocation per row.
 *
 * <p>Scoring rules (SPEC §7): a missing value (null, or one of the model's missing tokens) goes to
 * the missing bin, or to the regular bin binning merged the missing values into
 * ({@link Characteristic#missingValueBin()}), or scores neutrally (WOE 0) with a {@code missing:}
 * warning when training saw no missing value; a level never seen goes to the else bin, or scores neutrally with an {@code unseen:}
 * warning, or is refused, as the model's unseen policy says; text in a numeric characteristic is
 * refused.
 */
public final class Scorecard {
    /** Reason codes returned by {@link #score(Map)} unless asked otherwise (SPEC §7). */
    public static final int DEFAULT_REASONS = 4;

    private final ScorecardModel model;
    private final Compiled[] compiled;
    private final Set<String> missingTokens;
    private final int maxTokenLength;
    /** True to refuse a row map that lacks a characteristic's key instead of scoring it as missing. */
    private final boolean strictKeys;

    private Scorecard(Scorecard other, boolean strictKeys) {
        this.model = other.model;
        this.compiled = other.compiled;
        this.missingTokens = other.missingTokens;
        this.maxTokenLength = other.maxTokenLength;
        this.strictKeys = strictKeys;
    }

    private Scorecard(ScorecardModel model) {
        this.strictKeys = false;
        this.model = Objects.requireNonNull(model, "model");
        this.missingTokens = Set.copyOf(new HashSet<>(model.missingValues()));
        this.maxTokenLength = model.missingValues().stream().mapToInt(String::length).max().orElse(-1);
        List<Characteristic> cs = model.characteristics();
        this.compiled = new Compiled[cs.size()];
        for (int k = 0; k < compiled.length; k++) {
            compiled[k] = new Compiled(cs.get(k));
        }
    }

    /**
     * Wraps a model already in memory (the trainer's path); {@code load} also verifies the file.
     *
     * @param model the model
     * @return the scorer
     */
    public static Scorecard of(ScorecardModel model) {
        return new Scorecard(model);
    }

    /**
     * Loads a model file, checks its checksum and scores its verification cases (SPEC §6).
     *
     * @param file a {@code model.json}
     * @return the scorer
     * @throws ModelFormatException when the file is malformed, changed, or does not reproduce its cases
     * @throws InputDataException when the file cannot be read
     */
    public static Scorecard load(Path file) {
        return load(file, true);
    }

    /**
     * @param file a {@code model.json}
     * @param verifyChecksum false to load a file whose checksum does not match (it is still verified)
     * @return the scorer
     */
    public static Scorecard load(Path file, boolean verifyChecksum) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, verifyChecksum, file.toString());
        } catch (NoSuchFileException e) {
            throw new InputDataException(file.toString(), 0, null, "model file not found");
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot read the model: " + e.getMessage());
        }
    }

    /**
     * @param in a {@code model.json} stream (not closed)
     * @return the scorer
     */
    public static Scorecard load(InputStream in) {
        return load(in, true, "model");
    }

    private static Scorecard load(InputStream in, boolean verifyChecksum, String name) {
        ScorecardModel model;
        try {
            model = ModelReader.read(in, verifyChecksum);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(name + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InputDataException(name, 0, null, "cannot read the model: " + e.getMessage());
        }
        Scorecard s = new Scorecard(model);
        s.verify(name);
        return s;
    }

    /** Scores every verification case and refuses the model unless each reproduces exactly. */
    private void verify(String name) {
        List<VerificationCase> cases = model.verification();
        if (cases.isEmpty()) {
            // Without rows to replay, a bin edited by hand would load and score silently.
            throw new ModelFormatException(name + ": the model has no verification rows; a model file must carry"
                    + " the rows it was checked with (SPEC §6)");
        }
        for (int i = 0; i < cases.size(); i++) {
            VerificationCase v = cases.get(i);
            ScoreResult r;
            try {
                r = score(v.inputs(), DEFAULT_REASONS);
            } catch (InputDataException e) {
                throw new ModelFormatException(name + ": verification case " + (i + 1) + " cannot be scored: " + e.getMessage());
            }
            String problem = null;
            if (Double.compare(r.score(), v.score()) != 0 || !r.points().equals(v.points())) {
                problem = "score " + DoubleFormat.format(r.score()) + " instead of " + DoubleFormat.format(v.score());
            } else if (!(Math.abs(r.probability() - v.probability()) <= 1e-12)) {
                problem = "probability " + r.probability() + " instead of " + v.probability();
            } else if (!r.grade().equals(v.grade())) {
                problem = "grade " + r.grade() + " instead of " + v.grade();
            } else if (!r.reasons().equals(v.reasons())) {
                problem = "reasons " + r.reasons() + " instead of " + v.reasons();
            }
            if (problem != null) {
                throw new ModelFormatException(name + ": verification case " + (i + 1) + " does not reproduce: " + problem
                        + "; the model file is inconsistent");
            }
        }
    }

    /** @return the model this scorecard scores with */
    public ScorecardModel model() {
        return model;
    }

    /** @return the names of the input columns the scorecard needs, in model order */
    public List<String> characteristicNames() {
        List<String> names = new ArrayList<>(compiled.length);
        for (Compiled c : compiled) {
            names.add(c.name);
        }
        return names;
    }

    /**
     * @return a scorer over the same model whose {@link #score(Map)} refuses a row map that lacks a
     *     characteristic's key ({@code the characteristic's column is missing from the input}), for
     *     callers that want a misspelt or forgotten field to fail rather than score as missing
     */
    public Scorecard withStrictKeys() {
        return new Scorecard(this, true);
    }

    /**
     * Scores one row with {@value #DEFAULT_REASONS} reason codes.
     *
     * @param row values by column name: numbers, text, or null for missing; a characteristic whose key
     *     is absent is scored as missing, like a null (see {@link #withStrictKeys()}); other columns are
     *     ignored
     * @return the result
     * @throws InputDataException when text is given for a number, an unseen level meets the reject
     *     policy, or (with strict keys) a characteristic's key is absent
     */
    public ScoreResult score(Map<String, ?> row) {
        return score(row, DEFAULT_REASONS);
    }

    /**
     * @param row values by column name
     * @param reasons how many reason codes to return
     * @return the result
     */
    public ScoreResult score(Map<String, ?> row, int reasons) {
        return score(row, reasons, ReasonBaseline.MAX);
    }

    /**
     * @param row values by column name
     * @param reasons how many reason codes to return
     * @param baseline what points lost are measured from
     * @return the result
     */
    public ScoreResult score(Map<String, ?> row, int reasons, ReasonBaseline baseline) {
        Object[] values = new Object[compiled.length];
        for (int k = 0; k < compiled.length; k++) {
            String name = compiled[k].name;
            // JSON payloads leave nulls out and PMML reads an absent field as missing: so does this,
            // unless the caller asked for strict keys.
            if (strictKeys && !row.containsKey(name)) {
                throw new InputDataException("input", 0, name, "the characteristic's column is missing from the input");
            }
            values[k] = row.get(name);
        }
        ScoreBuffer b = new ScoreBuffer(compiled.length, reasons);
        scoreInto(values, reasons, baseline, b);
        List<Double> points = new ArrayList<>(compiled.length);
        for (double p : b.points) {
            points.add(p);
        }
        return new ScoreResult(b.score, b.probability, model.score10().score10(b.score), b.grade, points,
                Arrays.asList(b.reasons).subList(0, b.reasonCount), b.warnings);
    }

    /**
     * Scores one row into a reusable buffer: the streaming path, with no result allocated per row.
     *
     * @param values the row's values in characteristic order ({@link #characteristicNames()}): text,
     *     numbers, or null for missing
     * @param reasons how many reason codes (at most the buffer's capacity)
     * @param baseline what points lost are measured from
     * @param into the buffer that receives the result
     * @throws InputDataException when text is given for a number or an unseen level meets the reject policy
     */
    public void scoreInto(Object[] values, int reasons, ReasonBaseline baseline, ScoreBuffer into) {
        if (values.length != compiled.length) {
            throw new IllegalArgumentException(values.length + " values for " + compiled.length + " characteristics");
        }
        into.reset();
        for (int k = 0; k < compiled.length; k++) {
            into.bins[k] = compiled[k].binOf(k, values[k], missingTokens, maxTokenLength, model.unseen(), into);
        }
        finish(reasons, baseline, into);
    }

    /**
     * Scores one row given as primitive numbers and level texts, in characteristic order: the
     * streaming path for parsed files, with no boxing.
     *
     * @param numbers the value of each numeric characteristic (NaN for missing); other slots ignored
     * @param levels the level of each categorical characteristic (null or a missing token for
     *     missing); other slots ignored
     * @param reasons how many reason codes
     * @param baseline what points lost are measured from
     * @param into the buffer that receives the result
     * @throws InputDataException when an unseen level meets the reject policy
     */
    public void scoreInto(double[] numbers, String[] levels, int reasons, ReasonBaseline baseline, ScoreBuffer into) {
        into.reset();
        for (int k = 0; k < compiled.length; k++) {
            Compiled c = compiled[k];
            into.bins[k] = c.type == VariableType.NUMERIC ? c.binOfNumber(k, numbers[k], into)
                    : c.binOfLevel(k, levels[k], missingTokens, maxTokenLength, model.unseen(), into);
        }
        finish(reasons, baseline, into);
    }

    /** From the bins in the buffer: points, score, probability, grade and reason codes. */
    private void finish(int reasons, ReasonBaseline baseline, ScoreBuffer into) {
        double eta = model.intercept();
        double score = model.basePoints();
        for (int k = 0; k < compiled.length; k++) {
            Compiled c = compiled[k];
            int bin = into.bins[k];
            double p;
            double w;
            if (bin < 0) {
                p = c.neutralPoints;
                w = 0; // a value in no bin scores neutrally: WOE 0, adding nothing to eta
            } else {
                p = c.points[bin];
                w = c.woe[bin];
                eta += c.coefficient * w;
            }
            into.points[k] = p;
            into.woe[k] = w;
            into.losses[k] = (baseline == ReasonBaseline.MAX ? c.maxPoints : c.meanPoints) - p;
            score += p;
        }
        into.score = score;
        into.probability = probability(eta);
        into.grade = model.grades().gradeOf(score);
        // Repeated selection of the largest loss: n is small, and a tie keeps characteristic order
        // because only a strictly larger loss replaces the current pick.
        int n = Math.min(reasons, into.reasons.length);
        while (into.reasonCount < n) {
            int best = -1;
            double bestLoss = 0;
            for (int k = 0; k < compiled.length; k++) {
                if (!into.picked[k] && into.losses[k] > bestLoss) {
                    best = k;
                    bestLoss = into.losses[k];
                }
            }
            if (best < 0) {
                break;
            }
            into.picked[best] = true;
            into.reasons[into.reasonCount++] = compiled[best].reasonText(into.bins[best]);
        }
    }

    /** @return the event probability of a linear predictor, stable for any magnitude */
    static double probability(double eta) {
        return eta >= 0 ? 1 / (1 + StrictMath.exp(-eta)) : StrictMath.exp(eta) / (1 + StrictMath.exp(eta));
    }

    /**
     * Scores columns, allocating nothing per row. Missing and unseen values score neutrally as in
     * {@link #score(Map)} (no warnings are produced here; use {@code score} for them); under the
     * reject policy an unseen level fails the whole batch.
     *
     * @param columns the input columns, matched by name; others are ignored
     * @param scores receives each row's score
     * @param probabilities receives each row's event probability (may be null)
     * @throws InputDataException when a characteristic's column is absent or of the wrong type
     */
    public void scoreBatch(List<? extends Column> columns, double[] scores, double[] probabilities) {
        Map<String, Column> byName = new HashMap<>();
        for (Column c : columns) {
            byName.put(c.name(), c);
        }
        int n = scores.length;
        Arrays.fill(scores, 0, n, model.basePoints());
        double[] eta = new double[n];
        Arrays.fill(eta, model.intercept());
        for (Compiled c : compiled) {
            Column col = byName.get(c.name);
            if (col == null) {
                throw new InputDataException("input", 0, c.name, "the characteristic's column is missing from the input");
            }
            if (col.size() < n) {
                throw new IllegalArgumentException("column '" + c.name + "' has " + col.size() + " rows, fewer than " + n);
            }
            c.addTo(col, scores, eta, model.unseen());
        }
        if (probabilities != null) {
            for (int i = 0; i < n; i++) {
                probabilities[i] = probability(eta[i]);
            }
        }
    }

    /** One characteristic in lookup-friendly form: primitive arrays and one hash map. */
    private static final class Compiled {
        static final int NEUTRAL_MISSING = ScoreBuffer.NEUTRAL_MISSING;
        static final int NEUTRAL_UNSEEN = ScoreBuffer.NEUTRAL_UNSEEN;

        final String name;
        final VariableType type;
        final double coefficient;
        final double neutralPoints;
        final double maxPoints;
        final double meanPoints;
        final double[] points;
        final double[] woe;
        final String[] reasonTexts;
        final String missingReason;
        final String unseenReason;
        final double[] cuts;
        final double[] specials;
        final int[] specialBins;
        final Map<String, Integer> levels = new HashMap<>();
        final int missingBin;
        final int elseBin;

        Compiled(Characteristic c) {
            name = c.name();
            type = c.type();
            coefficient = c.coefficient();
            neutralPoints = c.neutralPoints();
            maxPoints = c.maxPoints();
            meanPoints = c.meanPoints();
            List<ModelBin> bins = c.bins();
            points = new double[bins.size()];
            woe = new double[bins.size()];
            reasonTexts = new String[bins.size()];
            missingReason = ScoringRules.missingReason(name);
            unseenReason = ScoringRules.unseenReason(name);
            List<Double> cutList = new ArrayList<>();
            List<double[]> specialList = new ArrayList<>();
            int orElse = -1;
            for (int b = 0; b < bins.size(); b++) {
                ModelBin bin = bins.get(b);
                points[b] = bin.points();
                woe[b] = bin.woe();
                reasonTexts[b] = ScoringRules.reason(name, bin.label());
                switch (bin.kind()) {
                    case ELSE -> orElse = b;
                    case SPECIAL -> bin.specialValues().forEach(v -> specialList.add(new double[] {v == 0 ? 0.0 : v, 0}));
                    default -> { }
                }
                if (bin.kind() == BinKind.SPECIAL) {
                    for (int s = specialList.size() - bin.specialValues().size(); s < specialList.size(); s++) {
                        specialList.get(s)[1] = b;
                    }
                }
                if (bin.kind() == BinKind.REGULAR && type == VariableType.NUMERIC && Double.isFinite(bin.lower())) {
                    cutList.add(bin.lower());
                }
                for (String level : bin.categories()) {
                    levels.put(level, b);
                }
            }
            // Its own bin, or the regular bin binning merged the missing values into.
            missingBin = c.missingValueBin();
            elseBin = orElse;
            cuts = cutList.stream().mapToDouble(Double::doubleValue).toArray();
            specialList.sort((x, y) -> Double.compare(x[0], y[0]));
            specials = specialList.stream().mapToDouble(x -> x[0]).toArray();
            specialBins = specialList.stream().mapToInt(x -> (int) x[1]).toArray();
        }

        /** Regular numeric bins come first in the model, so the bin index is the number of cuts at or below v. */
        int numericBin(double v) {
            return NumericBins.lookup(v, cuts, specials, specialBins, missingBin >= 0 ? missingBin : NEUTRAL_MISSING);
        }

        /** @return the reason-code text of a bin, or of a neutral value */
        String reasonText(int bin) {
            return bin >= 0 ? reasonTexts[bin] : bin == NEUTRAL_MISSING ? missingReason : unseenReason;
        }

        /** The bin of characteristic {@code k}'s value; marks in the buffer whether the value was missing. */
        int binOf(int k, Object v, Set<String> missingTokens, int maxTokenLength, UnseenPolicy unseen, ScoreBuffer buffer) {
            if (type != VariableType.NUMERIC) {
                String level = v == null ? null : v instanceof Double || v instanceof Float
                        ? DoubleFormat.format(((Number) v).doubleValue()) : v.toString();
                return binOfLevel(k, level, missingTokens, maxTokenLength, unseen, buffer);
            }
            if (v instanceof Number num) {
                return binOfNumber(k, num.doubleValue(), buffer);
            }
            if (v == null || isMissingToken(v.toString(), missingTokens, maxTokenLength)) {
                return binOfNumber(k, Double.NaN, buffer);
            }
            double d = buffer.parseNumber(v.toString());
            if (d != d) {
                throw new InputDataException("input", 0, name, "value '" + v + "' is not a number");
            }
            return binOfNumber(k, d, buffer);
        }

        // The length test first: most values are longer than any missing token, and it saves a hash.
        private static boolean isMissingToken(String s, Set<String> missingTokens, int maxTokenLength) {
            return s.length() <= maxTokenLength && missingTokens.contains(s);
        }

        /** A number, NaN for missing. */
        int binOfNumber(int k, double d, ScoreBuffer buffer) {
            buffer.missing[k] = d != d;
            int bin = numericBin(d);
            if (bin == NEUTRAL_MISSING) {
                buffer.warnings.add(ScoringRules.missingWarning(name));
            }
            return bin;
        }

        /** A level, null or a missing token for missing. */
        int binOfLevel(int k, String level, Set<String> missingTokens, int maxTokenLength, UnseenPolicy unseen,
                ScoreBuffer buffer) {
            boolean missing = level == null || isMissingToken(level, missingTokens, maxTokenLength);
            buffer.missing[k] = missing;
            if (missing) {
                if (missingBin >= 0) {
                    return missingBin;
                }
                buffer.warnings.add(ScoringRules.missingWarning(name));
                return NEUTRAL_MISSING;
            }
            Integer bin = levels.get(level);
            if (bin != null) {
                return bin;
            }
            if (elseBin >= 0) {
                return elseBin;
            }
            if (unseen == UnseenPolicy.REJECT) {
                throw new InputDataException("input", 0, name, "level '" + level + "' was never seen in training "
                        + "and the model's unseen policy is reject");
            }
            buffer.warnings.add(ScoringRules.unseenWarning(name, level));
            return NEUTRAL_UNSEEN;
        }

        void addTo(Column col, double[] scores, double[] eta, UnseenPolicy unseen) {
            int n = scores.length;
            if (type == VariableType.NUMERIC) {
                if (!(col instanceof NumericColumn num)) {
                    throw new InputDataException("input", 0, name, "expected a numeric column, got a categorical one");
                }
                for (int i = 0; i < n; i++) {
                    int b = numericBin(num.value(i));
                    if (b >= 0) {
                        scores[i] += points[b];
                        eta[i] += coefficient * woe[b];
                    } else {
                        scores[i] += neutralPoints;
                    }
                }
                return;
            }
            if (!(col instanceof CategoricalColumn cat)) {
                throw new InputDataException("input", 0, name, "expected a categorical column, got a numeric one");
            }
            // Resolve each level of this column once, then score by code.
            List<String> colLevels = cat.levels();
            int[] binOfCode = new int[colLevels.size()];
            for (int code = 0; code < binOfCode.length; code++) {
                Integer b = levels.get(colLevels.get(code));
                if (b == null && elseBin < 0 && unseen == UnseenPolicy.REJECT) {
                    throw new InputDataException("input", 0, name, "level '" + colLevels.get(code)
                            + "' was never seen in training and the model's unseen policy is reject");
                }
                binOfCode[code] = b != null ? b : elseBin >= 0 ? elseBin : NEUTRAL_UNSEEN;
            }
            int missing = missingBin >= 0 ? missingBin : NEUTRAL_MISSING;
            for (int i = 0; i < n; i++) {
                int code = cat.code(i);
                int b = code == CategoricalColumn.MISSING ? missing : binOfCode[code];
                if (b >= 0) {
                    scores[i] += points[b];
                    eta[i] += coefficient * woe[b];
                } else {
                    scores[i] += neutralPoints;
                }
            }
        }
    }
}
