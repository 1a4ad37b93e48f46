package dev.scorecard.train.eval;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoreDirection;
import java.util.Arrays;
import java.util.List;

/**
 * What evaluation and monitoring need from a set of scored rows, gathered one row at a time: each
 * row's score, probability, grade and (when known) target, and per characteristic how many rows fell
 * in each bin, how many of them were events, and how many scored neutrally because a value was
 * missing or a level unseen. Per-row storage is 17 bytes (score, probability, a grade index, a target
 * byte); bins are only counted. Not thread-safe; fill it from one thread.
 */
public final class ScoredSample {
    /** {@link #add} target value for a row whose target is not known. */
    public static final int NO_TARGET = -1;

    private final ScorecardModel model;
    private final boolean eventsUp;
    private final List<Grade> grades;
    private final long[][] binCounts;
    private final long[][] binEvents;
    private final long[] neutralMissing;
    private final long[] missing;
    private final long[] unseen;
    private double[] scores = new double[1024];
    private double[] probabilities = new double[1024];
    private byte[] gradeIndex = new byte[1024];
    private byte[] events = new byte[1024];
    private int size;
    private boolean anyTarget;
    private boolean allTargets = true;

    /** @param model the model the rows were scored with */
    public ScoredSample(ScorecardModel model) {
        this.model = model;
        this.eventsUp = model.scaling().higherScoreMeans() == ScoreDirection.EVENT;
        this.grades = model.grades().grades();
        if (grades.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " grades, the model has " + grades.size());
        }
        List<Characteristic> cs = model.characteristics();
        binCounts = new long[cs.size()][];
        binEvents = new long[cs.size()][];
        for (int k = 0; k < cs.size(); k++) {
            binCounts[k] = new long[cs.get(k).bins().size()];
            binEvents[k] = new long[cs.get(k).bins().size()];
        }
        neutralMissing = new long[cs.size()];
        missing = new long[cs.size()];
        unseen = new long[cs.size()];
    }

    /**
     * Scores every row of a dataset (the training or test rows of {@code train}).
     *
     * @param scorecard the model
     * @param data rows with the model's characteristics among their features, and a target
     * @return the sample
     */
    public static ScoredSample of(Scorecard scorecard, Dataset data) {
        ScorecardModel model = scorecard.model();
        List<Characteristic> cs = model.characteristics();
        Column[] cols = new Column[cs.size()];
        for (int k = 0; k < cols.length; k++) {
            String name = cs.get(k).name();
            cols[k] = data.feature(name).orElseThrow(() -> new IllegalArgumentException(
                    "the data has no column '" + name + "' that the model needs"));
        }
        double[] numbers = new double[cols.length];
        String[] levels = new String[cols.length];
        ScoreBuffer buffer = new ScoreBuffer(cols.length, 0);
        ScoredSample sample = new ScoredSample(model);
        BinaryTarget target = data.target();
        for (int i = 0; i < data.rowCount(); i++) {
            for (int k = 0; k < cols.length; k++) {
                if (cols[k] instanceof NumericColumn n) {
                    numbers[k] = n.value(i);
                } else {
                    CategoricalColumn c = (CategoricalColumn) cols[k];
                    levels[k] = c.isMissing(i) ? null : c.level(i);
                }
            }
            scorecard.scoreInto(numbers, levels, 0, ReasonBaseline.MAX, buffer);
            sample.add(buffer, target.event(i));
        }
        return sample;
    }

    /**
     * @param r a row's result, scored with this sample's model
     * @param event 1 for an event, 0 for a non-event, {@link #NO_TARGET} when unknown
     */
    public void add(ScoreBuffer r, int event) {
        if (event != 0 && event != 1 && event != NO_TARGET) {
            throw new IllegalArgumentException("event must be 0, 1 or NO_TARGET, got " + event);
        }
        if (size == scores.length) {
            int n = size * 2;
            scores = Arrays.copyOf(scores, n);
            probabilities = Arrays.copyOf(probabilities, n);
            gradeIndex = Arrays.copyOf(gradeIndex, n);
            events = Arrays.copyOf(events, n);
        }
        scores[size] = r.score();
        probabilities[size] = r.probability();
        gradeIndex[size] = (byte) gradeIndexOf(r.grade());
        events[size] = (byte) event;
        anyTarget |= event != NO_TARGET;
        allTargets &= event != NO_TARGET;
        size++;
        for (int k = 0; k < binCounts.length; k++) {
            if (r.missing(k)) {
                missing[k]++;
            }
            int bin = r.bin(k);
            if (bin >= 0) {
                binCounts[k][bin]++;
                if (event == 1) {
                    binEvents[k][bin]++;
                }
            } else if (bin == ScoreBuffer.NEUTRAL_MISSING) {
                neutralMissing[k]++;
            } else {
                unseen[k]++;
            }
        }
    }

    private int gradeIndexOf(String grade) {
        for (int g = 0; g < grades.size(); g++) {
            if (grades.get(g).name().equals(grade)) {
                return g;
            }
        }
        throw new IllegalArgumentException("grade '" + grade + "' is not one of the model's");
    }

    /** @return the model */
    public ScorecardModel model() {
        return model;
    }

    /** @return rows added */
    public int size() {
        return size;
    }

    /** @return true when every row added has a known target */
    public boolean hasTarget() {
        return size > 0 && anyTarget && allTargets;
    }

    /** @return each row's score, a copy */
    public double[] scores() {
        return Arrays.copyOf(scores, size);
    }

    /**
     * @return each row's score turned so that higher means more likely an event, as the metrics
     *     expect: the score itself, or its negation for a model where a high score means non-event
     */
    public double[] eventScores() {
        double[] s = Arrays.copyOf(scores, size);
        if (!eventsUp) {
            for (int i = 0; i < size; i++) {
                s[i] = -s[i];
            }
        }
        return s;
    }

    /** @return each row's event probability, a copy */
    public double[] probabilities() {
        return Arrays.copyOf(probabilities, size);
    }

    /** @return each row's grade name */
    public String[] grades() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = grades.get(gradeIndex[i]).name();
        }
        return out;
    }

    /** @return each row's target: 1, 0 or {@link #NO_TARGET}; a copy */
    public byte[] events() {
        return Arrays.copyOf(events, size);
    }

    /**
     * @return the target of the rows
     * @throws IllegalStateException when some row's target is not known
     */
    public BinaryTarget target() {
        if (!hasTarget()) {
            throw new IllegalStateException("the sample's rows have no target");
        }
        return BinaryTarget.of(model.target(), model.event(), Arrays.copyOf(events, size));
    }

    /**
     * @param k a characteristic, in model order
     * @return rows per bin, in the model's bin order; a copy
     */
    public long[] binCounts(int k) {
        return binCounts[k].clone();
    }

    /**
     * @param k a characteristic, in model order
     * @return events per bin (0 everywhere when the target is unknown); a copy
     */
    public long[] binEvents(int k) {
        return binEvents[k].clone();
    }

    /**
     * @return rows whose value for characteristic {@code k} was missing, wherever it went: the missing
     *     bin, the regular bin binning merged the missing values into, or neutral points
     */
    public long missing(int k) {
        return missing[k];
    }

    /** @return rows whose value for characteristic {@code k} was missing and scored neutrally */
    public long neutralMissing(int k) {
        return neutralMissing[k];
    }

    /** @return rows whose level for characteristic {@code k} was never seen and scored neutrally */
    public long unseen(int k) {
        return unseen[k];
    }
}
