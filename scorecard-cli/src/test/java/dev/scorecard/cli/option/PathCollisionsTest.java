package dev.scorecard.cli.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathCollisionsTest {
    @TempDir
    Path tmp;

    @Test
    void distinctPathsPass() throws IOException {
        Path data = Files.writeString(tmp.resolve("data.csv"), "a,y\n");
        assertThatCode(() -> PathCollisions.of().input("--data", data).input("--config", null)
                .folder("--out", tmp.resolve("out"), List.of("bins.csv", "rejects.csv")).output("--rejects", null)
                .output("--other", tmp.resolve("out").resolve("data.csv")).check()).doesNotThrowAnyException();
        // Two inputs may be the same file: reading twice destroys nothing.
        assertThatCode(() -> PathCollisions.of().input("--data", data).input("--test", data).check()).doesNotThrowAnyException();
    }

    @Test
    void theSameFileSpelledAnotherWayCollides() throws IOException {
        Path data = Files.writeString(tmp.resolve("data.csv"), "a,y\n");
        Path spelled = tmp.resolve("sub").resolve("..").resolve(".").resolve("data.csv");
        assertThatThrownBy(() -> PathCollisions.of().input("--data", data).output("--out", spelled).check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--out " + spelled + " and --data " + data + " are the same file; choose another --out");
        // Neither exists yet: normalised, they are still one file.
        Path a = tmp.resolve("new").resolve("x.csv");
        Path b = tmp.resolve("new").resolve("y").resolve("..").resolve("x.csv");
        assertThatThrownBy(() -> PathCollisions.of().output("--out", a).output("--rejects", b).check())
                .hasMessage("--rejects " + b + " and --out " + a + " are the same file; choose another --rejects");
    }

    @Test
    void symbolicAndHardLinksCollide() throws IOException {
        Path data = Files.writeString(tmp.resolve("data.csv"), "a,y\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), data);
        assertThatThrownBy(() -> PathCollisions.of().input("--data", data).output("--out", link).check())
                .hasMessage("--out " + link + " and --data " + data + " are the same file; choose another --out");
        Path hard = Files.createLink(tmp.resolve("hard.csv"), data);
        assertThatThrownBy(() -> PathCollisions.of().input("--data", hard).output("--out", data).check())
                .hasMessage("--out " + data + " and --data " + hard + " are the same file; choose another --out");
        // A linked folder: the file under it does not exist yet, its folder does.
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path folderLink = Files.createSymbolicLink(tmp.resolve("folder-link"), real);
        assertThatThrownBy(() -> PathCollisions.of().output("--out", real.resolve("s.csv"))
                .output("--rejects", folderLink.resolve("s.csv")).check())
                .hasMessage("--rejects " + folderLink.resolve("s.csv") + " and --out " + real.resolve("s.csv")
                        + " are the same file; choose another --rejects");
    }

    @Test
    void aFolderCountsAsItselfAndAsEachFileWrittenIntoIt() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path data = Files.writeString(out.resolve("bins.csv"), "a,y\n");
        assertThatThrownBy(() -> PathCollisions.of().input("--data", data).folder("--out", out, List.of("bins.json", "bins.csv"))
                .check())
                .hasMessage("--out " + out + " (writing bins.csv) and --data " + data + " are the same file; choose another --out");
        assertThatThrownBy(() -> PathCollisions.of().folder("--out", out, List.of("iv.csv")).output("--rejects", out).check())
                .hasMessage("--rejects " + out + " and --out " + out + " are the same file; choose another --rejects");
        assertThatThrownBy(() -> PathCollisions.of().folder("--out", out, List.of("iv.csv"))
                .output("--rejects", out.resolve("iv.csv")).check())
                .hasMessage("--rejects " + out.resolve("iv.csv") + " and --out " + out + " (writing iv.csv) are the same file; "
                        + "choose another --rejects");
    }

    @Test
    void resolvesTheExistingPartAndNormalisesTheRest() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThat(PathCollisions.resolve(link.resolve("a").resolve("..").resolve("b.csv")))
                .isEqualTo(real.toRealPath().resolve("b.csv"));
        assertThat(PathCollisions.resolve(link)).isEqualTo(real.toRealPath());
    }
}
