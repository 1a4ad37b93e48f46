package dev.scorecard.crm.activate;

/**
 * What one {@link Outbox#deliver} did. Every message that was pending is either sent or a dead
 * letter when it returns, so {@code sent + dead == pendingBefore}.
 *
 * @param pendingBefore the messages pending when it started (enqueued for this run, plus any a
 *     killed run left)
 * @param sent those the receiver acknowledged with a 2xx
 * @param dead those that became dead letters
 * @param retries the tries after a retryable failure, over all messages
 */
public record Delivery(int pendingBefore, int sent, int dead, int retries) {
    /** Checks the invariant. */
    public Delivery {
        if (sent < 0 || dead < 0 || retries < 0 || sent + dead != pendingBefore) {
            throw new IllegalArgumentException("sent " + sent + " + dead " + dead + " must equal the "
                    + pendingBefore + " pending before");
        }
    }
}
