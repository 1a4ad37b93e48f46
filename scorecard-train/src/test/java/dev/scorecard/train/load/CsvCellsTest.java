package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring path's two-thread reader: same rows, lines and errors as reading on one thread. */
class CsvCellsTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        return Files.writeString(tmp.resolve("f.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void cellsNumbersMissingTokensAndShortRowsAcrossManyBlocks() throws IOException {
        StringBuilder b = new StringBuilder("id,x,skip,level\n");
        int rows = CsvCells.BLOCK_ROWS * (CsvCells.BLOCKS + 3) + 17; // more blocks than exist: they recycle
        for (int i = 0; i < rows; i++) {
            switch (i % 5) {
                case 0 -> b.append("r").append(i).append(",NA,zzz,\"a,b\"\n");
                case 1 -> b.append("r").append(i).append(",12x,zzz,b\n");
                case 2 -> b.append("r").append(i).append('\n'); // short row
                case 3 -> b.append("r").append(i).append(",\"multi\nline\",zzz,c\n");
                default -> b.append("r").append(i).append(',').append(i).append(".5,zzz,b\n");
            }
        }
        Path f = file(b.toString());
        long line = 2;
        try (CsvCells c = CsvCells.open(f, ',', StandardCharsets.UTF_8, new int[] {1}, new int[] {3, 0}, 1, List.of("", "NA"))) {
            for (int i = 0; i < rows; i++) {
                assertThat(c.next()).isTrue();
                assertThat(c.dataRow()).isEqualTo(i);
                assertThat(c.line()).as("row %d", i).isEqualTo(line);
                assertThat(c.text(1)).isEqualTo("r" + i);
                switch (i % 5) {
                    case 0 -> {
                        assertThat(c.number(0)).isNaN();
                        assertThat(c.badNumber(0)).isNull();
                        assertThat(c.text(0)).isEqualTo("a,b");
                    }
                    case 1 -> {
                        assertThat(c.number(0)).isNaN();
                        assertThat(c.badNumber(0)).isEqualTo("12x");
                    }
                    case 2 -> {
                        assertThat(c.fieldCount()).isEqualTo(1);
                        assertThat(c.number(0)).isNaN();
                        assertThat(c.text(0)).isNull();
                    }
                    case 3 -> {
                        assertThat(c.badNumber(0)).isEqualTo("multi\nline");
                        line++;
                    }
                    default -> {
                        assertThat(c.fieldCount()).isEqualTo(4);
                        assertThat(c.number(0)).isEqualTo(i + 0.5);
                        assertThat(c.text(0)).isEqualTo("b");
                    }
                }
                line++;
            }
            assertThat(c.next()).isFalse();
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void aColumnAskedForTwiceFillsEverySlot() throws IOException {
        // A characteristic also copied with --keep, an --id also kept: before the fix only the last
        // slot got the cell, and the characteristic scored as missing.
        Path f = file("id,x,level\nr1,2.5,b\nr2,NA,c\n");
        try (CsvCells c = CsvCells.open(f, ',', StandardCharsets.UTF_8, new int[] {1}, new int[] {2, 1, 0, 2, 0}, 1, List.of("NA"))) {
            assertThat(c.next()).isTrue();
            assertThat(c.number(0)).isEqualTo(2.5);
            assertThat(List.of(c.text(0), c.text(1), c.text(2), c.text(3), c.text(4)))
                    .containsExactly("b", "2.5", "r1", "b", "r1");
            assertThat(c.next()).isTrue();
            assertThat(c.number(0)).isNaN();
            assertThat(c.badNumber(0)).isNull();
            assertThat(List.of(c.text(0), c.text(1), c.text(2), c.text(3), c.text(4)))
                    .containsExactly("c", "NA", "r2", "c", "r2");
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void repeatedLevelsAreOneStringEach() throws IOException {
        Path f = file("level\nb\nb\nc\nb\n");
        try (CsvCells c = CsvCells.open(f, ',', StandardCharsets.UTF_8, new int[0], new int[] {0}, 1, List.of(""))) {
            c.next();
            String first = c.text(0);
            c.next();
            assertThat(c.text(0)).isSameAs(first);
        }
    }

    /** An unclosed quote late in the file: every row before it is delivered first, then the error at its line. */
    @Test
    void aParseErrorComesAfterTheRowsBeforeIt() throws IOException {
        StringBuilder b = new StringBuilder("x\n");
        int good = CsvCells.BLOCK_ROWS * 2 + 5;
        for (int i = 0; i < good; i++) {
            b.append(i).append('\n');
        }
        b.append("\"unclosed\n1\n2\n");
        Path f = file(b.toString());
        try (CsvCells c = CsvCells.open(f, ',', StandardCharsets.UTF_8, new int[] {0}, new int[0], 0, List.of(""))) {
            for (int i = 0; i < good; i++) {
                assertThat(c.next()).isTrue();
                assertThat(c.number(0)).isEqualTo(i);
            }
            assertThatThrownBy(c::next).isInstanceOf(InputDataException.class)
                    .hasMessageContaining(f.toString()).hasMessageContaining("line " + (good + 2));
            assertThat(c.next()).isFalse();
        }
    }

    /** Closing before the end stops the parsing thread, even while it waits for a free block. */
    @Test
    void closingEarlyStopsTheParser() throws IOException {
        StringBuilder b = new StringBuilder("x\n");
        for (int i = 0; i < CsvCells.BLOCK_ROWS * (CsvCells.BLOCKS + 4); i++) {
            b.append(i).append('\n');
        }
        Path f = file(b.toString());
        CsvCells c = CsvCells.open(f, ',', StandardCharsets.UTF_8, new int[] {0}, new int[0], 0, List.of(""));
        assertThat(c.next()).isTrue();
        c.close();
        assertThat(c.next()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("scorecard-csv-parser") && t.isAlive());
    }
}
