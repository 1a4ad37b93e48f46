package dev.scorecard.crm.value;

/**
 * The eight classic RFM segments: each customer's recency, frequency and monetary value is high or
 * low against the centre (mean or median) of all scored customers. The order is the output order.
 */
enum Segment {
    IMPORTANT_VALUE("important-value", true, true, true),
    IMPORTANT_DEVELOP("important-develop", true, false, true),
    IMPORTANT_KEEP("important-keep", false, true, true),
    IMPORTANT_RETAIN("important-retain", false, false, true),
    GENERAL_VALUE("general-value", true, true, false),
    GENERAL_DEVELOP("general-develop", true, false, false),
    GENERAL_KEEP("general-keep", false, true, false),
    GENERAL_RETAIN("general-retain", false, false, false);

    /** The label of customers who are not segmented: no order, or a net monetary value of 0 or less. */
    static final String NO_VALUE = "no-value";

    /** The name in the YAML and the default label. */
    final String configName;
    final boolean recent;
    final boolean frequent;
    final boolean valuable;

    Segment(String configName, boolean recent, boolean frequent, boolean valuable) {
        this.configName = configName;
        this.recent = recent;
        this.frequent = frequent;
        this.valuable = valuable;
    }

    /** @return the one segment of these three highs and lows (each combination has exactly one) */
    static Segment of(boolean recent, boolean frequent, boolean valuable) {
        for (Segment s : values()) {
            if (s.recent == recent && s.frequent == frequent && s.valuable == valuable) {
                return s;
            }
        }
        throw new IllegalStateException("no segment"); // unreachable: the eight cover the cube
    }
}
