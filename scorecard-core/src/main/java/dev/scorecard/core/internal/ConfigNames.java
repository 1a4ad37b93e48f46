package dev.scorecard.core.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the config spelling of an enum value ({@code peak}, {@code else-bin-neutral}) the same way
 * for every option: trimmed, case-insensitive, and an error that lists the allowed spellings.
 */
public final class ConfigNames {
    private ConfigNames() {
    }

    /**
     * @param option the option's name for the error message, e.g. {@code monotonic}
     * @param values the enum's values
     * @param spelling each value's config spelling
     * @param text what the user wrote
     * @return the value whose spelling matches
     * @throws IllegalArgumentException naming the option and the allowed spellings
     */
    public static <E extends Enum<E>> E parse(String option, E[] values, Function<E, String> spelling, String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (E e : values) {
                if (spelling.apply(e).equals(t)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not one of "
                + Arrays.stream(values).map(spelling).collect(Collectors.joining(", ")));
    }
}
