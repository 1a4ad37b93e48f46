/**
 * A seeded synthetic CRM dataset (leads, events, orders) with its hidden truth written beside it,
 * for checking lead features, channel scores and models against what is known to be there
 * ({@code docs/crm-data.md} states every parameter).
 *
 * <p>The model: leads arrive over {@code [start, end)} from 34 channels of heavy-tailed size and
 * independent quality, 1–5 sub-channels each. Each lead has a latent intent on the conversion
 * log-odds scale ({@code channel mean + sub-channel offset + Normal(0, 1)}, the channel means set
 * so that channel rates run from about 0.5 % to 25 %) and a log-normal engagement. Intent raises
 * every intent-driven event type's rate by {@code exp(effect × (intent − reference))}; the rates
 * follow an interest curve that decays after creation (half-life 7 days, plus a slow baseline),
 * stops in a dormant spell and restarts on reactivation, and event times are shaped by weekday
 * and hour tables. Two noise types ignore the lead; two negative types are more frequent at low
 * intent and lower the conversion odds. A lead converts before the end with a probability from
 * its intent, attributes, engagement, negative events and active time; a converter books and
 * attends a trial in the days before its purchase, then renews at a cycle until it churns.
 *
 * <p>The event file is written as a real export: roughly by arrival time with late arrivals,
 * leads interleaved, with exact duplicates, events of unknown leads and malformed lines, each
 * counted exactly in {@code truth/model.json}. Every lead draws from its own
 * {@link java.util.SplittableRandom} derived from the seed and its number, with {@link StrictMath}
 * only, so the files are byte-identical for the same options on any number of threads.
 *
 * <p>The public API is {@link dev.scorecard.crm.synth.CrmGenerator} with
 * {@link dev.scorecard.crm.synth.CrmGeneratorOptions} and
 * {@link dev.scorecard.crm.synth.GenerationSummary}; everything else is package-private.
 */
package dev.scorecard.crm.synth;
