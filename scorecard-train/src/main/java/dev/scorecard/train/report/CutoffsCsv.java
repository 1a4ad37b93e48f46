package dev.scorecard.train.report;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.train.eval.CutoffTable;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back a {@code cutoffs.csv} that {@link EvaluationTables#writeCutoffs} wrote, so that
 * {@code inspect} can show the training cut-off table from the file beside {@code model.json}
 * without the model file having to carry it. Every column is read, so the bands come back exactly
 * (the numbers are shortest round-trip decimals). Stateless and thread-safe.
 */
public final class CutoffsCsv {
    private CutoffsCsv() {
    }

    /**
     * @param file a {@code cutoffs.csv}
     * @param evaluation the evaluation whose bands to read, e.g. {@code train}; used only when the
     *     file holds several (its first column is {@code evaluation})
     * @return that evaluation's bands, highest scores first; empty when the file names evaluations but
     *     not this one
     * @throws InputDataException when the file cannot be read, its header is not that of a
     *     {@code cutoffs.csv}, or a field is not what was written, naming the line and column
     */
    public static List<CutoffTable.Band> read(Path file, String evaluation) {
        String name = file.toString();
        List<CutoffTable.Band> bands = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(file, Optional.of(','), StandardCharsets.UTF_8)) {
            List<String> header = rows.header();
            boolean named = header.size() == EvaluationTables.CUTOFFS_HEADER.size() + 1;
            List<String> expected = new ArrayList<>();
            if (named) {
                expected.add("evaluation");
            }
            expected.addAll(EvaluationTables.CUTOFFS_HEADER);
            if (!header.equals(expected)) {
                throw new InputDataException(name, rows.headerLine(), null, "not a cut-off table: the header is "
                        + String.join(",", header) + ", expected " + String.join(",", expected));
            }
            int at = named ? 1 : 0;
            while (rows.next()) {
                if (rows.fieldCount() != expected.size()) {
                    throw new InputDataException(name, rows.line(), null, rows.fieldCount() + " fields, the header has "
                            + expected.size());
                }
                if (named && !rows.field(0).equals(evaluation)) {
                    continue;
                }
                Fields f = new Fields(name, rows, at);
                try {
                    bands.add(new CutoffTable.Band(f.integer(0), f.number(1), f.number(2), f.integer(3), f.integer(4),
                            f.number(6), f.number(7), f.integer(8), f.number(9), f.integer(10), f.number(11), f.number(12),
                            f.number(13), f.number(14)));
                } catch (IllegalArgumentException e) {
                    throw new InputDataException(name, rows.line(), null, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new InputDataException(name, 0, null, "cannot read: " + e.getMessage());
        }
        return List.copyOf(bands);
    }

    /** The fields of one row, by their index in {@link EvaluationTables#CUTOFFS_HEADER}. */
    private record Fields(String file, CsvRows rows, int offset) {
        int integer(int i) {
            String v = rows.field(offset + i);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new InputDataException(file, rows.line(), EvaluationTables.CUTOFFS_HEADER.get(i),
                        "'" + v + "' is not a whole number");
            }
        }

        double number(int i) {
            String v = rows.field(offset + i);
            double d = StrictNumberParser.parse(v); // the strict grammar of every CSV number
            if (Double.isNaN(d)) {
                throw new InputDataException(file, rows.line(), EvaluationTables.CUTOFFS_HEADER.get(i),
                        "'" + v + "' is not a number");
            }
            return d;
        }
    }
}
