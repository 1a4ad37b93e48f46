package dev.scorecard.train.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {
    @TempDir
    Path dir;

    @Test
    void commitPutsWrittenMembersInPlaceAndRemovesTheOthers() throws IOException {
        Path model = dir.resolve("model.json");
        Path rejects = dir.resolve("rejects.csv");
        Path other = dir.resolve("notes.txt");
        Files.writeString(model, "old model");
        Files.writeString(rejects, "old rejects");
        Files.writeString(other, "not ours");
        try (OutputSet set = OutputSet.of(List.of(model, rejects))) {
            set.writeText(model, w -> w.write("new model"));
            assertThat(model).hasContent("old model"); // nothing visible before the commit
            set.commit();
        }
        assertThat(model).hasContent("new model");
        assertThat(rejects).as("a member this run did not write").doesNotExist();
        assertThat(other).as("a file outside the set").hasContent("not ours");
        assertThat(hidden()).isEmpty();
    }

    @Test
    void aSetNotCommittedLeavesThePreviousFilesAndNoTemporaryFile() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "old a");
        try (OutputSet set = OutputSet.of(List.of(a, b))) {
            set.writeText(a, w -> w.write("new a"));
            try (OutputStream out = set.open(b)) {
                out.write("new b".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(hidden()).hasSize(2);
        }
        assertThat(a).hasContent("old a");
        assertThat(b).doesNotExist();
        assertThat(hidden()).isEmpty();
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path a = dir.resolve("a.csv");
        try (OutputSet set = OutputSet.of(List.of(a))) {
            assertThatThrownBy(() -> set.writeText(a, w -> {
                w.write("half");
                throw new IOException("disk full");
            })).hasMessage("disk full");
            assertThat(hidden()).isEmpty();
            assertThat(set.written(a)).isFalse();
        }
    }

    @Test
    void aCommitCutShortIsCompletedByTheNextRun() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        Files.writeString(a, "old a");
        Files.writeString(b, "old b");
        Files.writeString(c, "old c");
        Path tempA = TempNames.next(a);
        Path tempB = TempNames.next(b);
        Files.writeString(tempA, "new a");
        Files.writeString(tempB, "new b");
        List<CommitRecord.Step> steps = List.of(new CommitRecord.Step(tempA, a), new CommitRecord.Step(tempB, b),
                new CommitRecord.Step(null, c));
        List<Path> records = CommitRecord.write(steps);
        // The run dies after its first rename: a mix on disk, and the record that tells how to finish.
        CommitRecord.move(tempA, a);
        records.forEach(TempNames::released);
        assertThat(a).hasContent("new a");
        assertThat(b).hasContent("old b");

        OutputSet next = OutputSet.of(List.of(a));
        assertThat(b).as("completed before the next run writes anything").hasContent("new b");
        assertThat(c).doesNotExist();
        assertThat(hidden()).isEmpty();
        next.close();
    }

    @Test
    void theRecordListsTheStepsForEveryFolderOfTheSet() throws IOException {
        Path other = Files.createDirectory(dir.resolve("elsewhere"));
        Path scores = dir.resolve("scores.csv");
        Path rejects = other.resolve("rejects.csv");
        Files.writeString(rejects, "old rejects");
        Path temp = TempNames.next(scores);
        Files.writeString(temp, "new scores");
        List<Path> records = CommitRecord.write(List.of(new CommitRecord.Step(temp, scores), new CommitRecord.Step(null, rejects)));
        assertThat(records).hasSize(2).extracting(Path::getParent).containsExactly(dir, other);
        records.forEach(TempNames::released);
        // Whichever folder the next run writes into, the whole commit is completed and both copies go.
        OutputSet.tidy(other);
        assertThat(scores).hasContent("new scores");
        assertThat(rejects).doesNotExist();
        assertThat(hidden()).isEmpty();
        try (Stream<Path> s = Files.list(other)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void staleTemporaryFilesOfGoneRunsAreRemovedAndLiveOnesKept() throws IOException {
        Path a = dir.resolve("scored.csv");
        // No process has this id (Linux ids stay below 2^22).
        Path gone = dir.resolve(".scored.csv.999999999-1a2b.tmp");
        Files.writeString(gone, "left by a killed run");
        // A live process (this one's parent) that started after the file was written: a reused id.
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path reused = dir.resolve(".scored.csv." + parent + "-3c4d.tmp");
        Files.writeString(reused, "left by a run whose id was reused");
        Files.setLastModifiedTime(reused, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        Path foreign = dir.resolve(".profile.tmp");
        Files.writeString(foreign, "not named like ours");
        try (OutputSet set = OutputSet.of(List.of(a))) {
            set.writeText(a, w -> w.write("rows"));
            assertThat(gone).doesNotExist();
            assertThat(reused).doesNotExist();
            assertThat(foreign).exists();
            // This run's own temporary file is live and survives another run's tidying.
            OutputSet.tidy(dir);
            assertThat(hidden()).filteredOn(n -> n.startsWith(".scored.csv." + ProcessHandle.current().pid() + "-")).hasSize(1);
            set.commit();
        }
        assertThat(a).hasContent("rows");
    }

    @Test
    void membersOutsideTheSetAreRefused() throws IOException {
        try (OutputSet set = OutputSet.of(List.of(dir.resolve("a.csv")))) {
            assertThatThrownBy(() -> set.writeText(dir.resolve("b.csv"), w -> w.write("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a member");
        }
    }

    private List<String> hidden() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".profile.tmp")).toList();
        }
    }
}
