package dev.scorecard.train.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out section anchors that are unique in one document and valid whatever a name holds:
 * {@code var-duration-in-month}, {@code perf-test}; a second {@code perf-test} becomes
 * {@code perf-test-2}. Not thread-safe; one per document.
 */
final class SectionIds {
    private final Set<String> used = new HashSet<>();

    /** @return {@code id}, reserved; it must not have been handed out before */
    String fixed(String id) {
        if (!used.add(id)) {
            throw new IllegalStateException("section id '" + id + "' is used twice");
        }
        return id;
    }

    /** @return {@code prefix-slug}, where the slug keeps the letters and digits of {@code name} */
    String of(String prefix, String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
        String base = slug.isEmpty() ? prefix : prefix + "-" + slug;
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
