package dev.scorecard.crm.events;

import java.util.Locale;

/** What happens to an event line that repeats an earlier one field for field. */
public enum DuplicatePolicy {
    /** Count it once: the repeat is left out, written to the rejects file and counted apart. */
    DEDUPE,
    /** Count every line, as a log that may repeat real events legitimately. */
    KEEP;

    /**
     * @param text {@code dedupe} or {@code keep}
     * @return the policy
     * @throws IllegalArgumentException naming the values allowed
     */
    public static DuplicatePolicy fromConfig(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "dedupe" -> DEDUPE;
            case "keep" -> KEEP;
            default -> throw new IllegalArgumentException("'" + text + "' is not one of dedupe, keep");
        };
    }

    /** @return the spelling {@link #fromConfig} reads */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
