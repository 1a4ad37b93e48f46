/**
 * Typed, column-oriented data held in primitive arrays: numeric columns as {@code double[]} with NaN
 * for missing, categorical columns dictionary-encoded as {@code int[]} codes with -1 for missing, and
 * the binary target as one byte per row.
 */
package dev.scorecard.core.data;
