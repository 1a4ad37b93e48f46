package dev.scorecard.crm.activate;

import java.time.Duration;

/** Waits between delivery attempts; tests give one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    /**
     * @param wait how long to wait
     * @throws InterruptedException when the thread is interrupted; the delivery then stops
     */
    void sleep(Duration wait) throws InterruptedException;
}
