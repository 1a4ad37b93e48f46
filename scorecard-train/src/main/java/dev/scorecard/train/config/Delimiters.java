package dev.scorecard.train.config;

/** Reads a delimiter as a user writes it, in a config file or on the command line. */
public final class Delimiters {
    private Delimiters() {
    }

    /**
     * @param text one character, or {@code \t} or {@code tab} for a tab
     * @return the delimiter
     * @throws IllegalArgumentException when the text is not one character
     */
    public static char parse(String text) {
        String t = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
        if (t.length() != 1) {
            throw new IllegalArgumentException("expected one character (\\t or tab for a tab), got '" + text + "'");
        }
        return t.charAt(0);
    }
}
