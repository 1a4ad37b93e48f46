package dev.scorecard.train.report;

import dev.scorecard.core.model.BinKind;
import java.util.List;

/**
 * A bin as the readable outputs name it: a categorical bin with every one of its levels, even where
 * the bin's label (kept short for reason codes and charts) lists the first few and "… (140 more)".
 */
public final class BinText {
    private BinText() {
    }

    /**
     * @param label the bin's label
     * @param kind the bin's kind
     * @param categories the bin's levels, empty for a numeric bin
     * @return every level, {@code a | b | c}, for a regular categorical bin; the label otherwise
     */
    public static String full(String label, BinKind kind, List<String> categories) {
        return kind == BinKind.REGULAR && !categories.isEmpty() ? String.join(" | ", categories) : label;
    }
}
