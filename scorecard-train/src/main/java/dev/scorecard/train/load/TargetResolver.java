package dev.scorecard.train.load;

import dev.scorecard.core.InputDataException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which target value is the event and which the non-event (SPEC §2).
 *
 * <ul>
 *   <li>With {@code positive}: it must occur; the non-event is the other value, or, when there are
 *       several, the most frequent one (ties to the first seen); rows with any further value are
 *       rejected.
 *   <li>Without: the column must hold exactly two values, exactly one of which equals
 *       (case-insensitively) {@code 1}, {@code yes}, {@code true} or {@code bad}; that one is the
 *       event.
 * </ul>
 * Values are compared as raw text: {@code 1} and {@code 1.0} are different values.
 */
final class TargetResolver {
    static final List<String> EVENT_WORDS = List.of("1", "yes", "true", "bad");
    private static final int VALUES_LISTED = 10;

    /**
     * @param eventCode the dictionary code of the event value
     * @param nonEventCode the dictionary code of the non-event value
     * @param eventLabel the event value
     * @param nonEventLabel the non-event value
     */
    record Resolution(int eventCode, int nonEventCode, String eventLabel, String nonEventLabel) {
        boolean accepts(int code) {
            return code == eventCode || code == nonEventCode;
        }
    }

    private TargetResolver() {
    }

    /**
     * @param file the file name, for messages
     * @param target the target column name
     * @param levels the distinct non-missing target values, in order of first appearance
     * @param counts rows per value, by code
     * @param positive the event value, when given
     * @return the event and non-event
     * @throws InputDataException when no event and non-event can be told apart
     */
    static Resolution resolve(String file, String target, List<String> levels, long[] counts, Optional<String> positive) {
        if (levels.isEmpty()) {
            throw new InputDataException(file, 0, target, "the target has no values: it is missing in every row");
        }
        if (positive.isPresent()) {
            int event = levels.indexOf(positive.get());
            if (event < 0) {
                throw new InputDataException(file, 0, target, "the positive value '" + positive.get()
                        + "' does not occur; the target's values are: " + describe(levels, counts));
            }
            int nonEvent = -1;
            for (int c = 0; c < levels.size(); c++) {
                if (c != event && (nonEvent < 0 || counts[c] > counts[nonEvent])) {
                    nonEvent = c;
                }
            }
            if (nonEvent < 0) {
                throw new InputDataException(file, 0, target, "every row with a target has the positive value '"
                        + positive.get() + "'; a binary target needs non-event rows too");
            }
            return new Resolution(event, nonEvent, levels.get(event), levels.get(nonEvent));
        }
        if (levels.size() == 1) {
            throw new InputDataException(file, 0, target, "the target has one value only, " + describe(levels, counts)
                    + "; a binary target needs two");
        }
        if (levels.size() > 2) {
            throw new InputDataException(file, 0, target, "the target has " + levels.size() + " distinct values: "
                    + describe(levels, counts) + "; a binary target has two: pass --positive VALUE to name the event"
                    + " (rows with a third value are then rejected)");
        }
        boolean first = isEventWord(levels.get(0));
        boolean second = isEventWord(levels.get(1));
        if (first == second) {
            throw new InputDataException(file, 0, target, "cannot tell which target value is the event: "
                    + describe(levels, counts) + "; pass --positive VALUE (without it, the event must be the one"
                    + " value that is 1, yes, true or bad)");
        }
        int event = first ? 0 : 1;
        return new Resolution(event, 1 - event, levels.get(event), levels.get(1 - event));
    }

    private static boolean isEventWord(String value) {
        for (String w : EVENT_WORDS) {
            if (w.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** @return up to ten values with their row counts, most frequent first, e.g. {@code 'good' (700), 'bad' (300)} */
    static String describe(List<String> levels, long[] counts) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < levels.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.<Integer>comparingLong(c -> -counts[c]).thenComparingInt(c -> c));
        StringBuilder sb = new StringBuilder();
        int n = Math.min(order.size(), VALUES_LISTED);
        for (int i = 0; i < n; i++) {
            int c = order.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(levels.get(c)).append("' (").append(counts[c]).append(')');
        }
        if (order.size() > n) {
            sb.append(", ... (").append(order.size() - n).append(" more)");
        }
        return sb.toString();
    }
}
