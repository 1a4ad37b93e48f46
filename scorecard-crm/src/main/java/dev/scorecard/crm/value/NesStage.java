package dev.scorecard.crm.value;

/** The NES lifecycle stages, by time since the last order measured in the customer's purchase cycles. */
enum NesStage {
    /** One order, within its first cycle. */
    NEW("N"),
    /** Two or more orders, the last within a cycle. */
    ACTIVE("E0"),
    /** Past its due date (more than {@code dozingAfter} cycles). */
    DOZING("S1"),
    /** More than {@code halfAsleepAfter} cycles. */
    HALF_ASLEEP("S2"),
    /** More than {@code sleepingAfter} cycles. */
    SLEEPING("S3");

    /** The code written in the outputs. */
    final String code;

    NesStage(String code) {
        this.code = code;
    }
}
