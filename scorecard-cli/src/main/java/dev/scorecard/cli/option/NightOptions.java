package dev.scorecard.cli.option;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The nights a rule set is replayed on, for {@code rules backtest} and {@code rules fit}: the first
 * and last night and the horizon of the target ({@code --every} stays with each command, whose
 * defaults differ). Also the parsers of dates, day counts and time zones the lead commands share.
 */
public final class NightOptions {
    private static final Pattern DAYS = Pattern.compile("([0-9]{1,4})d");

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "The first night (yyyy-MM-dd).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "The last night (yyyy-MM-dd).")
    String to;

    /** The horizon as written, for the summary. */
    @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "14d",
            description = "A conversion within this many days after a night counts (default ${DEFAULT-VALUE}).")
    public String horizon;

    /** @return the first night */
    public LocalDate from() {
        return date("--from", from);
    }

    /** @return the last night */
    public LocalDate to() {
        return date("--to", to);
    }

    /** @return the horizon in days */
    public int horizonDays() {
        return days("--horizon", horizon);
    }

    /**
     * @param option the option's name, for the message
     * @param text yyyy-MM-dd
     * @return the date
     * @throws IllegalArgumentException naming the option, when it is not a date
     */
    public static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a date; write yyyy-MM-dd, e.g. 2026-11-30");
        }
    }

    /**
     * @param option the option's name, for the message
     * @param text a number of days such as {@code 7d}
     * @return the number
     * @throws IllegalArgumentException naming the option, when it is not a number of days
     */
    public static int days(String option, String text) {
        Matcher m = DAYS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a number of days; write e.g. 7d");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * @param option the option's name, for the message
     * @param text a zone id or offset: UTC, Asia/Shanghai, +08:00
     * @return the zone
     * @throws IllegalArgumentException naming the option, when it is not a zone
     */
    public static ZoneId zone(String option, String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a time zone; expected e.g. UTC, "
                    + "Asia/Shanghai or +08:00");
        }
    }
}
