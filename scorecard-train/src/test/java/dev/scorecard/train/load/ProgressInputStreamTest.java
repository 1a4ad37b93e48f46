package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressInputStreamTest {
    @TempDir
    Path tmp;

    @Test
    void reportsAboutEveryMegabyteAndTheTotalOnClose() throws IOException {
        List<Long> seen = new ArrayList<>();
        int size = 3 * (1 << 20) + 100;
        try (InputStream in = new ProgressInputStream(new ByteArrayInputStream(new byte[size]), seen::add)) {
            byte[] buf = new byte[8192];
            while (in.read(buf, 0, buf.length) > 0) {
                // drain
            }
        }
        assertThat(seen).hasSize(4).isSorted();
        assertThat(seen.get(0)).isEqualTo(1 << 20);
        assertThat(seen.get(3)).isEqualTo(size);
    }

    @Test
    void loaderReportsTheWholeFile() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append(i).append(',').append(i % 2).append('\n');
        }
        Path f = tmp.resolve("p.csv");
        Files.writeString(f, csv);
        List<Long> seen = new ArrayList<>();
        CsvLoader.load(f, CsvLoadOptions.defaults("y"), seen::add);
        assertThat(seen).isNotEmpty().contains(Files.size(f));
    }
}
