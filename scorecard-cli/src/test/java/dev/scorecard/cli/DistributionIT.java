package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it (issue 11): unpacked into a folder of its own, its
 * {@code bin/scorecard} runs {@code demo} from another directory and through a symbolic link on a
 * PATH, and the archive holds the licences of what it ships. Runs after {@code package} (failsafe).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DistributionIT {
    @TempDir
    Path tmp;

    @Test
    void unpackedAnywhereItRunsTheDemoThroughALink() throws Exception {
        Path archive;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            archive = s.filter(f -> f.getFileName().toString().matches("scorecard-.*\\.tar\\.gz")).findFirst().orElseThrow();
        }
        Path install = Files.createDirectory(tmp.resolve("opt"));
        assertThat(run(install, List.of("tar", "xzf", archive.toAbsolutePath().toString())).exit).isZero();
        Path home;
        try (Stream<Path> s = Files.list(install)) {
            home = s.findFirst().orElseThrow();
        }
        assertThat(home.resolve("LICENSE")).exists();
        assertThat(home.resolve("licenses/LGPL-3.0.txt")).as("Smile's licence, with the jars it covers").exists();
        assertThat(home.resolve("licenses/GPL-3.0.txt")).exists();
        assertThat(home.resolve("lib/scorecard.jar")).exists();
        assertThat(home.resolve("docs/training.md")).exists();
        assertThat(Files.isExecutable(home.resolve("bin/scorecard"))).isTrue();

        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("scorecard"), home.resolve("bin/scorecard"));
        Path work = Files.createDirectory(tmp.resolve("work"));
        Result version = run(work, List.of(link.toString(), "--version"));
        assertThat(version.exit).as(version.err).isZero();
        // The commit and build date come from the jar's manifest (git's commit, or "unknown" without a .git).
        assertThat(version.out.strip())
                .matches("scorecard \\S+ \\(commit ([0-9a-f]{12}|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
        Result demo = run(work, List.of(link.toString(), "demo", "--out", "demo", "-q"));
        assertThat(demo.exit).as(demo.err).isZero();
        assertThat(work.resolve("demo/model/model.json")).exists();
        assertThat(work.resolve("demo/scored-applications.csv")).exists();
    }

    @Test
    void aLauncherWithoutItsJarsSaysWhatToDo() throws Exception {
        Path fake = Files.createDirectories(tmp.resolve("broken/bin"));
        Path script = fake.resolve("scorecard");
        Files.copy(Path.of("..", "bin", "scorecard"), script);
        script.toFile().setExecutable(true);
        Result r = run(tmp, List.of(script.toString(), "--version"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("no lib/scorecard.jar under").contains("unpack the distribution again");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }
}
