package dev.scorecard.core.binning;

import dev.scorecard.core.model.BinKind;

import java.util.List;
import java.util.Objects;

/**
 * One bin of a characteristic with its training statistics.
 *
 * @param label what a person reads: {@code [8.5, 11.5)}, {@code car | furniture}, {@code Missing}
 * @param kind regular, special, missing or else
 * @param lower numeric lower bound (inclusive), −∞ for the first bin; NaN for non-numeric bins
 * @param upper numeric upper bound (exclusive), +∞ for the last bin; NaN for non-numeric bins
 * @param categories the levels of a categorical bin, empty otherwise
 * @param specialValues the values of a special bin, empty otherwise
 * @param count rows in the bin
 * @param events events in the bin
 * @param nonEvents non-events in the bin
 * @param share count over all rows of the characteristic
 * @param eventRate events over count, NaN for an empty bin
 * @param woe weight of evidence (SPEC §3 sign and zero-count rule)
 * @param iv this bin's contribution to the information value
 */
public record Bin(
        String label,
        BinKind kind,
        double lower,
        double upper,
        List<String> categories,
        List<Double> specialValues,
        long count,
        long events,
        long nonEvents,
        double share,
        double eventRate,
        double woe,
        double iv) {

    /** Copies the lists and checks that the counts agree. */
    public Bin {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
        specialValues = List.copyOf(specialValues);
        if (events < 0 || nonEvents < 0 || count != events + nonEvents) {
            throw new IllegalArgumentException("bin " + label + ": count " + count + " is not events " + events
                    + " + non-events " + nonEvents);
        }
    }
}
