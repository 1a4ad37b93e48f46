package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One goal of an activation plan: an entry reaches it when its lead has an event of type
 * {@code event} (or, for {@code event: converted}, the leads file's {@code converted_at}) at an
 * instant after the entry and at most {@code within} after it: in {@code (entered_at, entered_at +
 * within]}. {@code within} is a whole number of days ({@code 5d}) or hours ({@code 12h}); a day is 24
 * hours, whatever the zone's clocks do, so a goal's window is the same length for every entry.
 *
 * @param name the goal's name, unique in its plan (the reports' label)
 * @param event the event type, or {@link #CONVERTED}
 * @param withinMillis the window's length in milliseconds, at least one hour
 * @param within the window as written, e.g. {@code 5d}
 */
public record GoalSpec(String name, String event, long withinMillis, String within) {
    /** The goal event that means the leads file's {@code converted_at}. */
    public static final String CONVERTED = "converted";
    /** The longest window, in days (ten years). */
    public static final int MAX_DAYS = 3650;
    /** The keys a goal may have. */
    public static final List<String> KEYS = List.of("name", "event", "within");

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,5})([dh])");
    private static final long HOUR = 3_600_000L;

    /** Checks that nothing is null and the window is positive. */
    public GoalSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(within, "within");
        if (withinMillis <= 0) {
            throw new IllegalArgumentException("goal '" + name + "': within must be positive, got " + withinMillis + " ms");
        }
    }

    /** @return true when the goal is the lead's conversion rather than an event type */
    public boolean isConversion() {
        return event.equals(CONVERTED);
    }

    /**
     * Reads a plan's {@code goals} list: each item has exactly the keys {@code name}, {@code event}
     * and {@code within}, and names are unique in the list. Public so that the plans parser of
     * {@code scorecard activate} reads goals the same way.
     *
     * @param goalsNode the {@code goals} node of a plan
     * @return the goals in file order
     * @throws InputDataException naming the file, line and key of the first problem
     */
    public static List<GoalSpec> read(YamlNode goalsNode) {
        List<GoalSpec> goals = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : goalsNode.items()) {
            item.allowOnly(KEYS);
            String name = required(item, "name").text();
            if (name.isBlank()) {
                throw required(item, "name").error("a goal's name is empty");
            }
            if (!names.add(name)) {
                throw required(item, "name").error("goal '" + name + "' is given twice in this plan");
            }
            String event = required(item, "event").text();
            if (event.isBlank()) {
                throw required(item, "event").error("a goal's event is empty");
            }
            YamlNode w = required(item, "within");
            long millis = durationMillis(w.text());
            if (millis < 0) {
                throw w.error("'" + w.text() + "' is not a duration; write whole days or hours, e.g. 5d or 12h (at most "
                        + MAX_DAYS + "d)");
            }
            goals.add(new GoalSpec(name, event, millis, w.text()));
        }
        return List.copyOf(goals);
    }

    /**
     * @param text a duration as goals write it: {@code 5d}, {@code 12h}
     * @return its milliseconds, or -1 when it is not one or is longer than {@value #MAX_DAYS} days
     */
    public static long durationMillis(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long hours = Long.parseLong(m.group(1)) * (m.group(2).equals("d") ? 24 : 1);
        return hours > MAX_DAYS * 24L ? -1 : hours * HOUR;
    }

    private static YamlNode required(YamlNode item, String key) {
        return item.get(key).orElseThrow(() -> item.error("a goal needs '" + key + "' (its keys: "
                + String.join(", ", KEYS) + ")"));
    }
}
