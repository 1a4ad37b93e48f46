/**
 * The blend ({@code scorecard blend}): one 0–100 score per lead from the channel score, the rule score
 * and a scorecard model's score, each mapped to 0–100 and weighted as configured, with its 10-point
 * score, grade, fit and engagement subtotals and a ledger of contributions that adds up to it to the
 * hundredth.
 */
package dev.scorecard.crm.blend;
