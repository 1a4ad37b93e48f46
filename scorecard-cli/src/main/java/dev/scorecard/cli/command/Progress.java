package dev.scorecard.cli.command;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr, only when stderr is a terminal and not {@code --quiet}; otherwise it
 * does nothing, so piped output and CI logs stay clean.
 */
final class Progress implements AutoCloseable {
    private final String task;
    private ProgressBar bar;
    private final boolean enabled;

    private Progress(String task, boolean enabled) {
        this.task = task;
        this.enabled = enabled;
    }

    static Progress start(PrintWriter err, boolean quiet, String task) {
        return new Progress(task, !quiet && System.console() != null);
    }

    synchronized void total(long total) {
        if (enabled && bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .continuousUpdate().clearDisplayOnFinish().build();
        }
    }

    synchronized void step(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
