package dev.scorecard.train.eval;

import java.util.List;
import java.util.Objects;

/**
 * The cut-off table: score bands from the highest scores down, with what approving (or calling)
 * every row at or above each band's lowest score would take in. Made by {@link Cutoffs}.
 *
 * @param options how the bands were cut
 * @param bands the non-empty bands, highest scores first; the last one's {@code cumShare},
 *     {@code eventsCaptured} and {@code nonEventsCaptured} are 1
 * @param rows all rows
 * @param events all events, at least 1 and fewer than {@code rows}
 */
public record CutoffTable(CutoffOptions options, List<Band> bands, int rows, int events) {
    /** Copies the list and checks the totals. */
    public CutoffTable {
        Objects.requireNonNull(options, "options");
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a cut-off table needs at least one band");
        }
        if (events < 1 || rows <= events) {
            throw new IllegalArgumentException("a cut-off table needs 1 <= events < rows, got " + events + " events in "
                    + rows + " rows");
        }
    }

    /** @return all non-events, {@code rows − events} */
    public int nonEvents() {
        return rows - events;
    }

    /**
     * @return the band where {@code ks} is largest; of several equal ones the lowest-scoring, as
     *     {@link Metrics#ks} reports the lowest threshold
     */
    public Band ksBand() {
        Band best = bands.get(0);
        for (Band b : bands) {
            if (b.ks() >= best.ks()) {
                best = b;
            }
        }
        return best;
    }

    /**
     * One score band. "At or above" means every row scoring at least this band's {@code minScore}:
     * this band and all bands before it.
     *
     * @param band the band's number, 1 for the highest scores, consecutive
     * @param minScore the lowest score in the band
     * @param maxScore the highest score in the band
     * @param rows rows in the band, at least 1
     * @param events events in the band
     * @param eventRate {@code events / rows}
     * @param share the band's share of all rows
     * @param cumRows rows at or above
     * @param cumShare the share of all rows at or above: the approval rate in credit, the call rate for leads
     * @param cumEvents events at or above
     * @param cumEventRate the event rate among rows at or above, {@code cumEvents / cumRows}
     * @param eventsCaptured the share of all events at or above
     * @param nonEventsCaptured the share of all non-events at or above
     * @param ks {@code |eventsCaptured − nonEventsCaptured|}, computed from the exact counts
     */
    public record Band(int band, double minScore, double maxScore, int rows, int events, double eventRate, double share,
            int cumRows, double cumShare, int cumEvents, double cumEventRate, double eventsCaptured,
            double nonEventsCaptured, double ks) {
        /** Checks counts, shares and the score range. */
        public Band {
            if (band < 1 || rows < 1 || events < 0 || events > rows || cumRows < rows || cumEvents < events
                    || cumEvents > cumRows) {
                throw new IllegalArgumentException("cut-off band " + band + ": inconsistent counts: " + events
                        + " events in " + rows + " rows, " + cumEvents + " in " + cumRows + " cumulative");
            }
            for (double v : new double[] {eventRate, share, cumShare, cumEventRate, eventsCaptured, nonEventsCaptured, ks}) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("cut-off band " + band + ": rates out of range: event rate "
                            + eventRate + ", share " + share + ", cumulative share " + cumShare
                            + ", cumulative event rate " + cumEventRate + ", events captured " + eventsCaptured
                            + ", non-events captured " + nonEventsCaptured + ", ks " + ks);
                }
            }
            if (!(minScore <= maxScore)) {
                throw new IllegalArgumentException("cut-off band " + band + ": minScore " + minScore
                        + " is not at most maxScore " + maxScore);
            }
        }

        /** @return non-events in the band */
        public int nonEvents() {
            return rows - events;
        }
    }
}
