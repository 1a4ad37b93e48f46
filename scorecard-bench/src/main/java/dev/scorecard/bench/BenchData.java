package dev.scorecard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Benchmark input files, created on first use and cached in a directory: the system property
 * {@value #DIRECTORY_PROPERTY} when set, otherwise {@code scorecard-bench/target/bench-data} when run
 * from the repository root and {@code target/bench-data} when run from the module (as Surefire does).
 * Files are written atomically and named after the generator's {@link SyntheticLeads#FORMAT_VERSION},
 * the rows and the seed, so a file that exists is complete and current; concurrent JMH forks may both
 * generate it, harmlessly.
 */
public final class BenchData {
    /** The system property naming the cache directory. */
    public static final String DIRECTORY_PROPERTY = "bench.data";

    private final Path directory;

    /** @param directory where files are created and looked for; created when needed */
    public BenchData(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** @return the cache in {@link #defaultDirectory()} */
    public static BenchData fromSystemProperties() {
        return new BenchData(defaultDirectory());
    }

    /** @return the directory named by {@value #DIRECTORY_PROPERTY}, or the build directory's default */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path module = Path.of("scorecard-bench");
        return Files.isDirectory(module.resolve("src"))
                ? module.resolve("target").resolve("bench-data")
                : Path.of("target", "bench-data");
    }

    /** @return the cache directory */
    public Path directory() {
        return directory;
    }

    /**
     * The synthetic lead file for {@code rows} and {@code seed}, generated on first use.
     *
     * @param rows data rows
     * @param seed the generator's seed
     * @return the path of the (plain CSV) file
     * @throws IOException when the file cannot be written
     */
    public Path syntheticLeads(long rows, long seed) throws IOException {
        Path file = directory.resolve(
                "synthetic-leads-v" + SyntheticLeads.FORMAT_VERSION + "-" + rows + "rows-seed" + seed + ".csv");
        if (!Files.isRegularFile(file)) {
            SyntheticLeads.write(SyntheticLeads.Options.of(rows, seed), file);
        }
        return file;
    }
}
