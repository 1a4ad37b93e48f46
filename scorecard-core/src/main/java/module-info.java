/**
 * Scorecard's core: what a service embedding the scorer needs, and nothing it must not lean on.
 *
 * <p>Exported to every module: {@code dev.scorecard.core} (the {@link dev.scorecard.core.Scorecard}
 * scorer, {@link dev.scorecard.core.ScoreResult}, the zero-allocation
 * {@link dev.scorecard.core.ScoreBuffer} and the exceptions), {@code dev.scorecard.core.model} (the
 * read-only model records) and {@code dev.scorecard.core.data} (the column types batch scoring
 * reads). The only way in for a model file is {@link dev.scorecard.core.Scorecard#load}, which checks
 * the checksum and replays the verification rows.
 *
 * <p>Exported only to the trainer ({@code dev.scorecard.train}): the fitting packages (binning,
 * regression, scaling), the model file's reader and writer ({@code model.json}, which reads without
 * replaying) and the {@code internal} helpers (also to the lead side, {@code dev.scorecard.crm}). On
 * the class path, where the trainer and the command line run, these are reachable but are not API:
 * they may change in any release.
 */
module dev.scorecard.core {
    requires com.fasterxml.jackson.core;
    requires static commons.math3; // fitting only (erfc for p-values); a service that only scores runs without it

    exports dev.scorecard.core;
    exports dev.scorecard.core.data;
    exports dev.scorecard.core.model;

    exports dev.scorecard.core.binning to dev.scorecard.train, dev.scorecard.cli;
    exports dev.scorecard.core.internal to dev.scorecard.train, dev.scorecard.crm, dev.scorecard.cli;
    exports dev.scorecard.core.model.json to dev.scorecard.train, dev.scorecard.cli;
    exports dev.scorecard.core.regression to dev.scorecard.train;
    exports dev.scorecard.core.scaling to dev.scorecard.train, dev.scorecard.cli;
}
