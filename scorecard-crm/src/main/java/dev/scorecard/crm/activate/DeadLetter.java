package dev.scorecard.crm.activate;

import java.util.Objects;

/**
 * A message that was not delivered, and why.
 *
 * @param message the message
 * @param reason why, without secrets: {@code status 400 is not retried}, {@code status 503 on the
 *     last of 5 attempts}, {@code no response within 10s on the last of 5 attempts}
 * @param attempts the tries made
 * @param lastStatus the last response's HTTP status, or 0 when the last try had no response
 */
public record DeadLetter(Message message, String reason, int attempts, int lastStatus) {
    /** Checks. */
    public DeadLetter {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reason, "reason");
    }
}
