package dev.scorecard.crm.features;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a feature computes, by the YAML key that names it. */
public enum FeatureKind {
    /** Events of the types in the window; 0 when none. */
    COUNT("count"),
    /** Sum of their {@code value}; 0 when none. */
    SUM("sum"),
    /** Mean of their {@code value}; missing when none has one. */
    MEAN("mean"),
    /** Largest {@code value}; missing when none has one. */
    MAX("max"),
    /** Calendar days from the last such event to the as-of day; missing when none. */
    DAYS_SINCE_LAST("daysSinceLast"),
    /** Calendar days from the first such event to the as-of day; missing when none. */
    DAYS_SINCE_FIRST("daysSinceFirst"),
    /** Calendar days from the lead's creation to the as-of day. */
    DAYS_SINCE_CREATED("daysSinceCreated"),
    /** Distinct calendar days with such an event in the window; 0 when none. */
    ACTIVE_DAYS("activeDays"),
    /** Distinct values of a property among such events; 0 when none. */
    DISTINCT("distinct"),
    /** The most frequent value of a property (or the rank-th); missing when there are fewer values. */
    TOP("top"),
    /** One feature divided by another; a chosen value (missing by default) when the divisor is 0. */
    RATIO("ratio"),
    /** A column of the leads file, passed through. */
    ATTRIBUTE("attribute");

    private final String key;

    FeatureKind(String key) {
        this.key = key;
    }

    /** @return the YAML key */
    public String key() {
        return key;
    }

    /** @return true when the feature is a number ({@link #TOP} and {@link #ATTRIBUTE} are texts) */
    public boolean numeric() {
        return this != TOP && this != ATTRIBUTE;
    }

    /** @return true when the feature reads events of chosen types */
    boolean readsEvents() {
        return this != DAYS_SINCE_CREATED && this != RATIO && this != ATTRIBUTE;
    }

    /** @return true when a window applies */
    boolean windowed() {
        return readsEvents();
    }

    static Optional<FeatureKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(FeatureKind::key).toList();
    }
}
