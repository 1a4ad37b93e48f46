package dev.scorecard.cli.command;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr, one per phase (loading, binning), only when the console is a terminal
 * and not {@code --quiet}; otherwise it does nothing, so piped output and CI logs stay clean.
 * Thread-safe: workers report steps concurrently.
 */
final class Progress implements AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;

    private Progress(boolean enabled) {
        this.enabled = enabled;
    }

    static Progress start(boolean quiet) {
        return new Progress(!quiet && System.console() != null);
    }

    /** Ends the current phase's bar and starts one for a new phase; a total below 1 shows no bar. */
    synchronized void phase(String task, long total, String unit, long unitSize) {
        endPhase();
        if (enabled && total > 0) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(unit, unitSize).continuousUpdate().clearDisplayOnFinish().build();
        }
    }

    /**
     * Ends the current phase's bar and starts a counter for a phase whose total is unknown until it ends
     * (rows streamed through the scorer): a spinner and the count so far, no percentage.
     */
    synchronized void counter(String task, String unit) {
        endPhase();
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(unit, 1).continuousUpdate().clearDisplayOnFinish().build();
        }
    }

    /** Ends the current phase's bar and starts one over a file's bytes, in KB or MB by its size. */
    synchronized void bytes(String task, long totalBytes) {
        boolean large = totalBytes >= 10L << 20;
        phase(task, totalBytes, large ? " MB" : " KB", large ? 1 << 20 : 1 << 10);
    }

    synchronized void step(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Ends the current phase's bar, if any. */
    synchronized void endPhase() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        endPhase();
    }
}
