/**
 * Scorecard core: what a Java service embeds. {@link dev.scorecard.core.Scorecard} loads a model
 * file (replaying its verification rows) and scores rows one at a time or in batches; the model's
 * parts are read-only records in {@link dev.scorecard.core.model}, typed data columns are in
 * {@link dev.scorecard.core.data}, and the exceptions here are shared by every module. The fitting
 * packages (binning, regression, scaling) are exported to the trainer only and are not API.
 */
package dev.scorecard.core;
