package dev.scorecard.train.report.html;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A titled part of a document, listed in the table of contents. Subsections nest one heading level
 * down (e.g. one per characteristic under "Characteristics").
 *
 * @param id the anchor, unique in the document: a letter, then letters, digits, {@code -} or {@code _}
 * @param title the heading
 * @param intro a paragraph under the heading; empty for none
 * @param blocks the content, in order
 * @param subsections nested sections, after the blocks
 * @param collapsed whether the section opens folded, showing only its heading until the reader opens it
 *     (an HTML {@code <details>}); a long section is folded so the page's first screen shows what matters,
 *     and printing unfolds it
 */
public record Section(String id, String title, String intro, List<Block> blocks, List<Section> subsections,
        boolean collapsed) {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Checks the id and copies the lists. */
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(intro, "intro");
        blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
        subsections = List.copyOf(Objects.requireNonNull(subsections, "subsections"));
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("section id '" + id + "' is not an anchor: use a letter, then "
                    + "letters, digits, '-' or '_'");
        }
    }

    /** An open section. */
    public Section(String id, String title, String intro, List<Block> blocks, List<Section> subsections) {
        this(id, title, intro, blocks, subsections, false);
    }

    /** An open section without subsections. */
    public Section(String id, String title, String intro, List<Block> blocks) {
        this(id, title, intro, blocks, List.of(), false);
    }

    /** @return this section, folded */
    public Section folded() {
        return new Section(id, title, intro, blocks, subsections, true);
    }

    /** @return a section without intro or subsections */
    public static Section of(String id, String title, Block... blocks) {
        return new Section(id, title, "", List.of(blocks), List.of(), false);
    }
}
