package dev.scorecard.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of scorecard-train (STYLE §16, issue 10), read from the import lines of the main
 * sources: no package imports {@code pipeline} (the file workflows sit on top), the trainer reads no
 * file, and the packages form no cycle.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/scorecard/train");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.scorecard\\.train\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void nothingImportsTheWorkflowsAndThePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).containsKeys("pipeline", "trainer", "binning", "select", "report", "load");
        graph.forEach((pkg, deps) -> assertThat(deps).as("%s imports", pkg).doesNotContain("pipeline"));
        assertThat(cycle(graph)).as("a cycle among the packages").isEmpty();
    }

    @Test
    void theTrainerDoesNoFileIo() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("trainer"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain("java.nio.file", "java.io.File", "dev.scorecard.train.io.",
                        "dev.scorecard.train.report.");
            }
        }
    }

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String pkg = rel.getName(0).toString();
                Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        deps.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** @return one cycle as a path of package names, empty when the graph has none */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> graph, Map<String, Integer> state,
            List<String> path) {
        int s = state.getOrDefault(pkg, 0);
        if (s == 2) {
            return List.of();
        }
        path.add(pkg);
        if (s == 1) {
            return new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
        }
        state.put(pkg, 1);
        for (String dep : graph.getOrDefault(pkg, Set.of())) {
            List<String> found = visit(dep, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        state.put(pkg, 2);
        path.remove(path.size() - 1);
        return List.of();
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycle(new TreeMap<>(g))).containsExactly("a", "b", "c", "a");
        assertThat(cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of())))).isEmpty();
    }
}
