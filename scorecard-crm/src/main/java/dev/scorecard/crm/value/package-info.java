/**
 * Customer value ({@code scorecard rfm}): recency, frequency and monetary value per customer as of an
 * instant, their 1–5 scores, the eight classic RFM segments, the NES lifecycle stage measured against
 * each customer's own purchase cycle, and the migration between segments from an earlier run. See
 * {@code docs/rfm.md}.
 */
package dev.scorecard.crm.value;
