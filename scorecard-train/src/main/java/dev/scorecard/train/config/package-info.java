/**
 * The YAML (or JSON) configuration file behind {@code --config}: data loading, special values and
 * binning options, read strictly so that a misspelt key is an error rather than a silent default.
 */
package dev.scorecard.train.config;
