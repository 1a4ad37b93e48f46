package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the docs stand alone. Nothing in {@code docs/} points outside the repository (a
 * specification or folders a cloner does not have), and every relative link in the docs and the
 * README reaches a file that is in it.
 */
class DocsStandAloneTest {
    private static final Path ROOT = Path.of("..");

    private static List<Path> docs() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void theDocsNeverPointOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.contains("SPEC") || l.contains("../shared") || l.contains("shared/reference")) {
                    outside.add(doc.getFileName() + ":" + (i + 1) + ": " + l.strip());
                }
            }
        }
        assertThat(outside).as("lines that point outside the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkReachesAFileInTheRepository() throws IOException {
        List<Path> files = new ArrayList<>(docs());
        files.add(ROOT.resolve("README.md"));
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path f : files) {
            Matcher m = link.matcher(Files.readString(f));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                links++;
                Path resolved = f.getParent().resolve(target).normalize();
                if (!Files.exists(resolved) || !resolved.toAbsolutePath().normalize()
                        .startsWith(ROOT.toAbsolutePath().normalize())) {
                    broken.add(f.getFileName() + " -> " + target);
                }
            }
        }
        assertThat(links).isGreaterThan(10);
        assertThat(broken).as("links to files the repository does not have").isEmpty();
    }
}
