package dev.scorecard.crm.events;

/** Receives the usable events of a log as they are read, in file order. */
@FunctionalInterface
public interface EventSink {
    /**
     * @param lead the lead's index in its {@link LeadTable}
     * @param type the event type's code ({@link EventLog#typeName})
     * @param time the event's instant, epoch milliseconds, never after the as-of instant
     * @param value the {@code value} column, NaN when missing or when the file has none
     * @param properties the code of each asked-for property's value ({@link EventLog#propertyValue}),
     *     -1 when blank; reused between calls
     */
    void accept(int lead, int type, long time, double value, int[] properties);
}
