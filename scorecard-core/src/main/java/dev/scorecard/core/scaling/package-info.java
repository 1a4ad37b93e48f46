/**
 * Scaling a logistic regression on WOE values to points (SPEC §5):
 * {@code score = offset + factor · ln(odds)} with {@code factor = pdo / ln 2}, so that the score is
 * {@code basePoints} at {@code baseOdds} and {@code pdo} points double the odds.
 */
package dev.scorecard.core.scaling;
