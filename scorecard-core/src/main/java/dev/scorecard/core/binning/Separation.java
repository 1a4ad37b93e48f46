package dev.scorecard.core.binning;

/**
 * Whether a variable separates events from non-events perfectly in the training rows, which in a
 * scorecard almost always means that it leaks the target (it is recorded after the outcome, or is
 * the outcome under another name). Found by the binners; see {@link Binning#separation()}.
 */
public enum Separation {
    /** Some value (or the missing rows, or a special value) holds both events and non-events. */
    NONE(""),
    /** Every non-empty bin holds only events or only non-events: the IV is large but rests on 0.5 counts. */
    BINS("pure: check for leakage (every bin holds only events or only non-events)"),
    /**
     * The values split the classes completely (for a numeric variable at one cut point; for a categorical
     * one level by level; missing rows and each special value group each of one class), but the bin
     * constraints merged pure bins into mixed ones (above all {@code minBinEvents}/{@code minBinNonEvents},
     * which a bin of one class breaks by definition), so the IV understates the variable, often to 0.
     */
    VALUES("pure: check for leakage (the values split events from non-events completely; "
            + "the bin constraints merged the pure bins)");

    private final String note;

    Separation(String note) {
        this.note = note;
    }

    /** @return what {@code iv.csv}, the selection and the report say about it; empty for {@link #NONE} */
    public String note() {
        return note;
    }
}
