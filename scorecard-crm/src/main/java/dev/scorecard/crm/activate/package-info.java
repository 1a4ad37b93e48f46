/**
 * Activation (issue 15): deciding which messages a lead gets and delivering them. The delivery half
 * is here: {@link dev.scorecard.crm.activate.Message} (a rendered message and its idempotency key),
 * {@link dev.scorecard.crm.activate.Endpoint} (a webhook read from YAML, its secrets masked),
 * {@link dev.scorecard.crm.activate.Outbox} (pending, sent and dead messages in the caller's H2
 * MVStore, delivered at least once with retries) and the JSONL files
 * ({@link dev.scorecard.crm.activate.JsonlFile}, {@link dev.scorecard.crm.activate.DeadLetterFile}).
 * The receiver sees each message exactly once by deduplicating on the {@code Idempotency-Key}
 * header; see {@code docs/delivery.md}.
 */
package dev.scorecard.crm.activate;
