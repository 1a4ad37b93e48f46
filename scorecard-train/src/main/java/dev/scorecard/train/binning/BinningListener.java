package dev.scorecard.train.binning;

/** Told how binning goes, so a front end can show progress. Every method does nothing by default. */
public interface BinningListener {
    /** Binning of this many variables starts. */
    default void binningStarted(int variables) {
    }

    /** One more variable is binned (called from worker threads). */
    default void variableBinned(int done) {
    }

    /** Cross-validation has fitted this many of at most {@code planned} fold models ({@code --cv}). */
    default void crossValidated(int done, int planned) {
    }
}
