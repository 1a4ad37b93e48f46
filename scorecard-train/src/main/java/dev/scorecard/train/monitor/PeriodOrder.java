package dev.scorecard.train.monitor;

import dev.scorecard.core.internal.StrictNumberParser;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order in which {@code monitor --by} lists its periods. A period column holds months or dates
 * far more often than anything else, and {@code apr, aug, dec, …} in text order hides any trend, so:
 * <ol>
 *   <li>chronologically when every label is an ISO month or date ({@code 2026-11}, {@code 2026-11-05};
 *       a month sorts on its first day, before that day itself);
 *   <li>by calendar month when every label is an English month name, abbreviated or not, in any case
 *       ({@code jan} … {@code dec}, {@code January}, as in the UCI bank-marketing {@code month}
 *       column); these have no year, so they cannot be mixed with ISO dates;
 *   <li>numerically when every label is a number (the strict grammar of the CSV reader);
 *   <li>otherwise as text (by UTF-16 code unit, as {@link String#compareTo} does).
 * </ol>
 * Labels that compare equal under a rule (e.g. {@code 1} and {@code 1.0}, {@code May} and {@code may})
 * keep text order between them, and {@link #MISSING}, the period of rows without a value, takes no part
 * in choosing the rule and always comes last. Stateless.
 */
public final class PeriodOrder {
    /** The label of the rows whose {@code --by} value is empty. */
    public static final String MISSING = "(missing)";

    private PeriodOrder() {
    }

    /**
     * @param labels distinct period labels, possibly including {@link #MISSING}
     * @return the labels in the order described above
     */
    public static List<String> sort(Collection<String> labels) {
        List<String> present = new ArrayList<>();
        boolean missing = false;
        for (String label : labels) {
            if (label.equals(MISSING)) {
                missing = true;
            } else {
                present.add(label);
            }
        }
        present.sort(comparator(present));
        if (missing) {
            present.add(MISSING);
        }
        return present;
    }

    private static Comparator<String> comparator(List<String> labels) {
        Comparator<String> text = Comparator.naturalOrder();
        if (labels.isEmpty()) {
            return text;
        }
        if (all(labels, PeriodOrder::isoDate)) {
            return Comparator.comparing((String l) -> isoDate(l).orElseThrow()).thenComparing(text);
        }
        if (all(labels, PeriodOrder::monthName)) {
            return Comparator.comparing((String l) -> monthName(l).orElseThrow()).thenComparing(text);
        }
        if (all(labels, PeriodOrder::number)) {
            return Comparator.comparing((String l) -> number(l).orElseThrow()).thenComparing(text);
        }
        return text;
    }

    private static boolean all(List<String> labels, Function<String, Optional<?>> key) {
        return labels.stream().allMatch(l -> key.apply(l).isPresent());
    }

    /** @return the first day of an ISO {@code yyyy-MM} month or the ISO {@code yyyy-MM-dd} date itself */
    static Optional<LocalDate> isoDate(String label) {
        try {
            return Optional.of(label.length() == 7 ? YearMonth.parse(label).atDay(1) : LocalDate.parse(label));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** @return the month of an English month name, full or in three letters, in any case */
    static Optional<Month> monthName(String label) {
        // Month's constant names are the English month names, so no locale's display names are needed.
        for (Month m : Month.values()) {
            String full = m.name();
            if (label.equalsIgnoreCase(full) || label.equalsIgnoreCase(full.substring(0, 3))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static Optional<Double> number(String label) {
        double v = StrictNumberParser.parse(label);
        return v == v ? Optional.of(v) : Optional.empty();
    }
}
