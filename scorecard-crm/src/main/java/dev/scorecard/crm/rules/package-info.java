/**
 * The rule score: points per behaviour that decay and are capped, conditions that add points, tags and
 * an intent tier, the channel's start value, the 0–100 score with its 10-point score and grade, and a
 * ledger that explains every lead's score to the hundredth.
 */
package dev.scorecard.crm.rules;
