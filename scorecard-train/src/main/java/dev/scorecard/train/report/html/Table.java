package dev.scorecard.train.report.html;

import java.util.List;
import java.util.Objects;

/**
 * A table of preformatted cells.
 *
 * @param caption shown above the table; empty for none
 * @param columns the column headers and alignments
 * @param rows the rows, each with exactly one cell per column
 */
public record Table(String caption, List<Column> columns, List<Row> rows) implements Block {
    /** Checks that every row has one cell per column and copies the lists. */
    public Table {
        Objects.requireNonNull(caption, "caption");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (int i = 0; i < rows.size(); i++) {
            int cells = rows.get(i).cells().size();
            if (cells != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + cells + " cells; the table has "
                        + columns.size() + " columns");
            }
        }
    }

    /** Horizontal alignment of a column: text left, numbers right. */
    public enum Align {
        /** Left-aligned, for text. */
        LEFT,
        /** Right-aligned, for numbers. */
        RIGHT
    }

    /**
     * A column header.
     *
     * @param header the header text
     * @param align the alignment of the header and the cells
     */
    public record Column(String header, Align align) {
        /** Checks the arguments. */
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(align, "align");
        }

        /** @return a left-aligned (text) column */
        public static Column left(String header) {
            return new Column(header, Align.LEFT);
        }

        /** @return a right-aligned (numeric) column */
        public static Column right(String header) {
            return new Column(header, Align.RIGHT);
        }
    }

    /**
     * A row of cells.
     *
     * @param cells the cell texts, one per column
     * @param status how the row is flagged
     */
    public record Row(List<String> cells, Status status) {
        /** Checks and copies the cells. */
        public Row {
            cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
            Objects.requireNonNull(status, "status");
        }

        /** @return an unflagged row */
        public static Row of(String... cells) {
            return new Row(List.of(cells), Status.NONE);
        }

        /** @return a row flagged with {@code status} */
        public static Row flagged(Status status, String... cells) {
            return new Row(List.of(cells), status);
        }
    }
}
