package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.io.CsvByteWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scores file's hundredths are written straight into the row's bytes: the same text as {@link Cents#format}. */
class CentsTest {
    @Test
    void writtenAsFormatted() throws IOException {
        List<Long> values = new ArrayList<>();
        for (long c = -20_000; c <= 20_000; c++) {
            values.add(c);
        }
        values.addAll(List.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_00L, -987_654_321_05L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvByteWriter w = new CsvByteWriter(bytes);
        StringBuilder expected = new StringBuilder();
        for (long c : values) {
            Cents.write(w, c);
            w.comma();
            expected.append(Cents.format(c)).append(',');
        }
        w.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
        assertThat(Cents.format(-5)).isEqualTo("-0.05"); // the shapes, by hand
        assertThat(Cents.format(1250)).isEqualTo("12.5");
        assertThat(Cents.format(-300)).isEqualTo("-3");
    }
}
