package dev.scorecard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The core's public API is what its module exports (issue 10): the scorer, the model records and
 * the columns, to everyone; the fitting packages, the model file's reader and writer and the
 * helpers only to the trainer and the command line. Checked on the compiled module descriptor and
 * on a module layer resolved from the built classes, as a service on the module path would see it.
 */
class CoreModuleTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void onlyTheScoringApiIsExportedToEveryone() {
        ModuleDescriptor d = ModuleFinder.of(CLASSES).find("dev.scorecard.core").orElseThrow().descriptor();
        Set<String> open = new TreeSet<>();
        Map<String, Set<String>> qualified = new TreeMap<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            if (e.isQualified()) {
                qualified.put(e.source(), new TreeSet<>(e.targets()));
            } else {
                open.add(e.source());
            }
        }
        assertThat(open).containsExactly("dev.scorecard.core", "dev.scorecard.core.data", "dev.scorecard.core.model");
        assertThat(qualified.keySet()).containsExactly("dev.scorecard.core.binning", "dev.scorecard.core.internal",
                "dev.scorecard.core.model.json", "dev.scorecard.core.regression", "dev.scorecard.core.scaling");
        qualified.values().forEach(t -> assertThat(t).contains("dev.scorecard.train"));
        // Every package the module holds is in one list or the other: nothing new slips out unseen.
        Set<String> all = new TreeSet<>(open);
        all.addAll(qualified.keySet());
        assertThat(d.packages()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(d.requires()).filteredOn(r -> r.name().equals("commons.math3"))
                .allMatch(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void aServiceOnTheModulePathReadsTheScorerButNotTheModelReader() {
        List<Path> path = new ArrayList<>(List.of(CLASSES));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("jackson-core")) {
                path.add(Path.of(entry));
            }
        }
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        // Resolved without commons-math3: a service that only scores does not need it.
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.scorecard.core"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        Module core = layer.findModule("dev.scorecard.core").orElseThrow();
        Module service = getClass().getModule(); // the class path's unnamed module, as any other reader
        assertThat(core.isExported("dev.scorecard.core", service)).isTrue();
        assertThat(core.isExported("dev.scorecard.core.model", service)).isTrue();
        assertThat(core.isExported("dev.scorecard.core.model.json", service)).as("loading without verification").isFalse();
        assertThat(core.isExported("dev.scorecard.core.regression", service)).isFalse();
        assertThat(core.isExported("dev.scorecard.core.internal", service)).isFalse();
    }
}
