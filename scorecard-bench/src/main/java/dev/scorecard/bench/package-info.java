/**
 * Benchmarks (JMH, run from {@code target/benchmarks.jar}), the seeded synthetic lead-data generator
 * {@link dev.scorecard.bench.SyntheticLeads} and {@link dev.scorecard.bench.BenchData}, which creates
 * and caches benchmark input files. Never shipped; see this module's README for the HOWTO.
 */
package dev.scorecard.bench;
