/**
 * The channel initial score (SPEC §10): each channel's conversion rate, shrunk toward the overall
 * rate by a Beta(α, β) prior fitted to all channels by empirical Bayes, mapped to a whole score from
 * 0 to 10, with the experts' overrides laid over it.
 *
 * <p>Method and decisions (docs/channels.md has them with examples):
 * <ul>
 *   <li>The prior maximises the beta-binomial marginal likelihood ({@code BetaBinomialFitter}), not
 *       the method of moments, because channel sizes run from ten leads to tens of thousands. The
 *       shrunk rate is the posterior mean {@code (k + α) / (n + α + β)}; the interval is the posterior
 *       Beta's equal-tailed quantiles at {@code --level}.</li>
 *   <li>Degenerate cases pool the channels (every channel gets the common rate's posterior under the
 *       Jeffreys prior Beta(½, ½)): one channel, no conversion, nothing but conversions, and a fit
 *       whose concentration runs to infinity (the channels differ no more than chance explains).</li>
 *   <li>Sub-channels are shrunk toward their channel's shrunk rate with one concentration fitted across
 *       all sub-channels; one with fewer than {@code --min-leads} leads takes its channel's score
 *       ({@code source = parent}).</li>
 *   <li>A lead created after {@code --as-of} is not counted; one converted after it counts as not
 *       converted. A lead with an empty {@code converted} is counted apart (no outcome), one with an
 *       empty channel falls in {@code (none)}. Rows read = counted + later + no outcome + rejected.</li>
 *   <li>The {@code (unseen)} row scores a channel that is not in the history at the prior mean; the
 *       rule score looks a lead up by (channel, sub-channel), then (channel, empty), then
 *       {@code (unseen)}.</li>
 * </ul>
 * {@link dev.scorecard.crm.channels.ChannelsWorkflow} is the entry point.
 */
package dev.scorecard.crm.channels;
