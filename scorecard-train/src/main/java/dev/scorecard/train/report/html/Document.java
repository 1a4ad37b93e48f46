package dev.scorecard.train.report.html;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A report: a title block with metadata, then sections. Render it with {@link HtmlRenderer}.
 *
 * @param title the page title and top heading
 * @param subtitle a line under the title; empty for none
 * @param metadata facts about the run shown under the title (dataset, version, config checksum);
 *     no timestamps unless the caller wants runs to differ
 * @param sections the sections, in order
 */
public record Document(String title, String subtitle, List<KeyValue> metadata, List<Section> sections) {
    /** Checks that section ids are unique and copies the lists. */
    public Document {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        metadata = List.copyOf(Objects.requireNonNull(metadata, "metadata"));
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
        checkIds(sections, new HashSet<>());
    }

    private static void checkIds(List<Section> sections, Set<String> seen) {
        for (Section s : sections) {
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("section id '" + s.id() + "' is used twice; ids must be unique "
                        + "in a document");
            }
            checkIds(s.subsections(), seen);
        }
    }
}
