/**
 * The fitted scorecard as data: characteristics with bins, WOE and points, the regression, scaling,
 * grades, the 10-point scale, the training baseline for monitoring, metrics, provenance and the
 * verification cases; and the {@code model.json} file that holds them (SPEC §6), read and written by
 * hand on Jackson's streaming API so that field order is fixed and nothing is reflective.
 */
package dev.scorecard.core.model;
