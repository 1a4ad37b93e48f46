/**
 * Lead tables and event logs: {@link dev.scorecard.crm.events.Timestamps} reads the times (ISO-8601
 * with an offset, or local times in a time zone; a date alone is the start of that day).
 */
package dev.scorecard.crm.events;
