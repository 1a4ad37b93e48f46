/** A seeded synthetic CRM dataset (leads, events, orders) with its hidden truth written beside it. */
package dev.scorecard.crm.synth;
