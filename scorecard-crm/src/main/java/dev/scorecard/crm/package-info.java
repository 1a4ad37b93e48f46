/**
 * The lead side of Scorecard (SPEC §10): scoring leads from what they do. The packages are named for
 * the job: {@code synth} generates a seeded synthetic CRM dataset with a known truth,
 * {@code events} reads lead tables and streams event logs (time, rejects, duplicates),
 * {@code features} computes point-in-time lead features and training snapshots from a YAML spec,
 * and {@code channels} scores a new lead by its channel. Everything reads files through the
 * project's one CSV reader ({@code dev.scorecard.train.load}) and writes through its atomic output
 * set ({@code dev.scorecard.train.io}).
 */
package dev.scorecard.crm;
