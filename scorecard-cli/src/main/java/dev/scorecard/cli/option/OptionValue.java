package dev.scorecard.cli.option;

import java.util.function.Supplier;

/**
 * An option's value checked at the command-line edge, so that its error names the option the user
 * typed ({@code --split}), not the config key it overrides ({@code split}); the config file's own
 * errors keep naming the file, line and key. Choices are parsed with the option's name directly
 * ({@code ConfigNames.parse("--monotonic", …)}); a value an options record validates goes through
 * {@link #checked}.
 */
public final class OptionValue {
    private OptionValue() {
    }

    /**
     * @param option the option typed, e.g. {@code --split}
     * @param key the record's name for it, which starts the record's message ({@code split: 70.0 is
     *     out of range; …}), as {@code ConfigReader} relies on too
     * @param build makes the record with the option's value
     * @return what {@code build} returns
     * @throws IllegalArgumentException the record's message, naming the option instead of the key
     */
    public static <T> T checked(String option, String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(key + ": ")) {
                throw new IllegalArgumentException(option + message.substring(key.length()), e);
            }
            throw e;
        }
    }
}
