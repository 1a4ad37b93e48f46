package dev.scorecard.cli.command;

/**
 * Keeps what a command prints to at most {@value #WIDTH} columns: a long line is broken at a
 * separator (after a list's commas, between words) and goes on with a hanging indent, its content
 * unchanged. Every command's console summary goes through it; errors stay one line each.
 */
final class ConsoleText {
    /** The widest line a command prints, for a terminal of 100 columns or a log viewer. */
    static final int WIDTH = 100;

    private ConsoleText() {
    }

    /** @return {@code line} broken between words, each further line indented by {@code indent} spaces */
    static String wrap(String line, int indent) {
        return wrapAfter(line, indent, " ");
    }

    /** @return {@code line} broken only after the commas of its list, so that no item is cut */
    static String wrapList(String line, int indent) {
        return wrapAfter(line, indent, ", ");
    }

    /**
     * @param line one line, without a line separator
     * @param indent the spaces that start each further line
     * @param separator where a break may go: the text up to it (trailing spaces dropped) ends a line
     * @return the line as one or more lines joined by the line separator, each at most {@link #WIDTH}
     *     columns unless a single piece between separators is wider
     */
    static String wrapAfter(String line, int indent, String separator) {
        String kept = separator.strip(); // the comma or semicolon stays at the end of the line
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder();
        String rest = line;
        while (rest.length() > WIDTH) {
            int floor = out.length() == 0 ? 0 : indent; // a break inside the indent makes no progress
            int cut = rest.lastIndexOf(separator, WIDTH - kept.length());
            if (cut <= floor) {
                cut = rest.indexOf(separator, Math.max(floor + 1, WIDTH - kept.length()));
            }
            String next = cut < 0 ? "" : rest.substring(cut + separator.length()).stripLeading();
            if (cut < 0 || next.isEmpty()) {
                break; // one piece wider than the line: left whole
            }
            out.append((rest.substring(0, cut) + kept).stripTrailing()).append(System.lineSeparator());
            rest = pad + next;
        }
        return out.append(rest).toString();
    }
}
