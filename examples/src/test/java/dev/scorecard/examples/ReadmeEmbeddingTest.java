package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding section names the coordinates the build really has, and the example files it
 * points to exist (issue 11): a copied {@code <dependency>} must resolve after {@code mvn install}.
 */
class ReadmeEmbeddingTest {
    @Test
    void theDependencyIsTheCoresCoordinates() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("## Embedding the scorer"), readme.indexOf("## Thread safety"));
        String pom = Files.readString(Path.of("../pom.xml"));
        String version = first(Pattern.compile("<artifactId>scorecard-parent</artifactId>\\s*<version>([^<]+)</version>"), pom);
        String groupId = first(Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>scorecard-parent</artifactId>"), pom);
        assertThat(Files.readString(Path.of("../scorecard-core/pom.xml"))).contains("<artifactId>scorecard-core</artifactId>");
        assertThat(section).contains("<groupId>" + groupId + "</groupId>", "<artifactId>scorecard-core</artifactId>",
                "<version>" + version + "</version>", "mvn -q install -DskipTests");
        Matcher links = Pattern.compile("\\]\\((examples/[^)]+\\.java)\\)").matcher(section);
        int n = 0;
        while (links.find()) {
            assertThat(Path.of("..", links.group(1))).as(links.group(1)).exists();
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(2);
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return m.group(1);
    }
}
