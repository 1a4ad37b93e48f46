/** Point-in-time lead features from event logs, from a YAML spec, and leak-free training snapshots. */
package dev.scorecard.crm.features;
