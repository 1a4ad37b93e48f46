/**
 * Lead allocation ({@code scorecard allocate}): each agent's conversion rate per grade, shrunk toward
 * its team's (empirical Bayes), and an exact assignment of leads to agents that maximises the expected
 * conversions within capacities, skill, team and language eligibility and a fairness floor of
 * top-grade leads. Leads are aggregated into classes (grade × requirements), so the optimisation is a
 * small min-cost flow ({@link dev.scorecard.crm.routing.FlowNetwork}) whatever the number of leads;
 * round-robin and greedy best-first are computed beside it for comparison.
 */
package dev.scorecard.crm.routing;
