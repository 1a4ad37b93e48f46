package dev.scorecard.cli.command;

import dev.scorecard.train.load.LoadReport;
import dev.scorecard.train.pipeline.BinWorkflow;
import java.io.PrintWriter;

/** Shows a workflow's loading and binning phases as progress bars and prints the load summary. */
final class ProgressListener implements BinWorkflow.Listener {
    private final Progress progress;
    private final PrintWriter stdout;
    private final boolean quiet;
    private boolean loading;
    private boolean crossValidating;

    ProgressListener(Progress progress, PrintWriter stdout, boolean quiet) {
        this.progress = progress;
        this.stdout = stdout;
        this.quiet = quiet;
    }

    @Override
    public void loadProgress(long bytesRead, long totalBytes) {
        if (!loading) {
            loading = true;
            progress.bytes("Loading", totalBytes);
        }
        progress.step(bytesRead);
    }

    @Override
    public void loaded(LoadReport report) {
        progress.endPhase();
        if (!quiet) {
            stdout.print(BinCommand.describe(report));
            stdout.flush();
        }
    }

    @Override
    public void binningStarted(int variables) {
        progress.phase("Binning", variables, "", 1);
    }

    @Override
    public void variableBinned(int done) {
        progress.step(done);
    }

    @Override
    public void crossValidated(int done, int planned) {
        if (!crossValidating) {
            crossValidating = true;
            progress.phase("Cross-validating", planned, " fits", 1);
        }
        progress.step(done);
    }
}
