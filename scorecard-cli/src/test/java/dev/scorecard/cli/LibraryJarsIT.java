package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The libraries a Java service embeds (core) or trains with (train) come with sources and Javadoc
 * jars (issue 11), so that an IDE shows the API's documentation. Runs after {@code package} of the
 * whole build (failsafe), which made them beside each module's jar.
 */
class LibraryJarsIT {
    @ParameterizedTest
    @CsvSource({
        "scorecard-core, dev/scorecard/core/Scorecard.java, dev.scorecard.core/dev/scorecard/core/Scorecard.html",
        "scorecard-train, dev/scorecard/train/trainer/ScorecardTrainer.java, dev.scorecard.train/dev/scorecard/train/trainer/ScorecardTrainer.html"
    })
    void sourcesAndJavadocJarsAreBuilt(String module, String source, String page) throws IOException {
        Path target = Path.of("..", module, "target");
        assertThat(entries(jar(target, module, "-sources.jar"))).contains(source);
        assertThat(entries(jar(target, module, "-javadoc.jar"))).contains(page, "index.html");
    }

    private static Path jar(Path target, String module, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(f -> f.getFileName().toString().startsWith(module + "-") && f.getFileName().toString().endsWith(suffix))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + module + "-*" + suffix + " in " + target));
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().map(e -> e.getName()).toList();
        }
    }
}
