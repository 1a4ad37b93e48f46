package dev.scorecard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDataTest {
    @Test
    void createsTheSyntheticFileOnceAndThenReusesIt(@TempDir Path dir) throws IOException {
        BenchData data = new BenchData(dir.resolve("cache"));

        Path file = data.syntheticLeads(1000, 7);

        assertThat(file).isEqualTo(dir.resolve("cache/synthetic-leads-v1-1000rows-seed7.csv"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SyntheticLeads.write(new SyntheticLeads.Options(1000, 7, 1), expected);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        assertThat(data.syntheticLeads(1000, 7)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file)).as("not regenerated").isEqualTo(old);

        assertThat(data.syntheticLeads(1000, 8)).isNotEqualTo(file).isRegularFile();
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void theSystemPropertyNamesTheDirectory(@TempDir Path dir) {
        String before = System.getProperty(BenchData.DIRECTORY_PROPERTY);
        try {
            System.setProperty(BenchData.DIRECTORY_PROPERTY, dir.toString());
            assertThat(BenchData.fromSystemProperties().directory()).isEqualTo(dir);
            System.clearProperty(BenchData.DIRECTORY_PROPERTY);
            // Surefire runs in the module directory, where there is no scorecard-bench/src.
            assertThat(BenchData.defaultDirectory()).isEqualTo(Path.of("target", "bench-data"));
        } finally {
            if (before == null) {
                System.clearProperty(BenchData.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(BenchData.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
