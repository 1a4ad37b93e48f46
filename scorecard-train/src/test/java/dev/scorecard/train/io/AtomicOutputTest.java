package dev.scorecard.train.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.csv");
        AtomicOutput.write(file, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(file)).isEqualTo("a,b\n");
        assertThat(names()).containsExactly("out.csv");
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old content that is longer than the new one");
        AtomicOutput.writeText(file, w -> w.write("new \u00e9"));
        assertThat(Files.readAllBytes(file)).isEqualTo("new \u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(names()).containsExactly("model.json");
    }

    @Test
    void failureLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> AtomicOutput.writeText(file, w -> {
            w.write("partial");
            w.flush();
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicOutput.write(file, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(names()).containsExactly("scores.csv");
    }

    @Test
    void contentMayCloseItsStream() throws IOException {
        Path file = dir.resolve("closed.txt");
        AtomicOutput.writeText(file, w -> {
            w.write("text");
            w.close();
        });
        assertThat(Files.readString(file)).isEqualTo("text");
        AtomicOutput.write(file, out -> {
            out.write(new byte[] {1, 2, 3});
            out.close();
        });
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void rerunGivesTheSameBytes() throws IOException {
        Path file = dir.resolve("same.txt");
        AtomicOutput.writeText(file, w -> w.write("x".repeat(100_000)));
        byte[] first = Files.readAllBytes(file);
        AtomicOutput.writeText(file, w -> w.write("x".repeat(100_000)));
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @Test
    void newFileGetsTheUsualPermissionsNotThoseOfATempFile() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path reference = dir.resolve("reference");
        Files.writeString(reference, "r");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(reference);
        Path file = dir.resolve("perm.txt");
        AtomicOutput.writeText(file, w -> w.write("p"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(usual);
    }

    @Test
    void relativePathInTheWorkingDirectoryHasAParent() {
        Path relative = Path.of("target", "atomic-output-test.tmpfile");
        try {
            AtomicOutput.writeText(relative, w -> w.write("ok"));
            assertThat(relative).hasContent("ok");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            relative.toFile().delete();
        }
    }
}
