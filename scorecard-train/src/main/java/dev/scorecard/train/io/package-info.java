/**
 * Writing output files safely: {@link dev.scorecard.train.io.AtomicOutput} writes through a temporary
 * file in the target's directory, fsyncs and renames it over the final name, so that a reader sees the
 * old file or the new one, never a partial one (SPEC §11, §13);
 * {@link dev.scorecard.train.io.RejectsWriter} writes rejected rows with it.
 */
package dev.scorecard.train.io;
