package dev.scorecard.train.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files one run writes, which appear together or not at all: each is written to a temporary
 * file beside its final name and flushed to disk; {@link #commit} then renames them all into place
 * and deletes the members this run did not write (a previous run's rejects file, say), after
 * recording those steps durably ({@link CommitRecord}) so that a run killed half-way through them
 * is completed by the next run. A run that fails or is killed before committing leaves the previous
 * set untouched; its temporary files are deleted on close, on SIGTERM or SIGINT (a shutdown hook),
 * and, after {@code kill -9}, by the next run that writes into the same folder.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (OutputSet set = OutputSet.of(List.of(dir.resolve("model.json"), dir.resolve("rejects.csv")))) {
 *     set.write(dir.resolve("model.json"), out -> ModelWriter.write(model, out));
 *     set.commit(); // rejects.csv, not written this time, is removed with the old model
 * }
 * }</pre>
 *
 * <p>A reader that opens several members of a set while it is being committed may see files of both
 * runs; readers of single files always see a whole file. Not thread-safe: one run writes a set.
 */
public final class OutputSet implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private static final Set<OutputSet> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(OutputSet::abandonAll, "scorecard-output-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private final Set<Path> members;
    private final Map<Path, Path> temps = new LinkedHashMap<>();
    private final Set<Path> streaming = ConcurrentHashMap.newKeySet();
    private boolean committed;
    private boolean abandoned;

    private OutputSet(Set<Path> members) {
        this.members = members;
    }

    /**
     * Opens a set, first completing any commit that a killed run left half-done in the members'
     * folders and deleting the temporary files of runs that are gone.
     *
     * @param members every file this run may write; those it does not write are removed on commit
     * @return the open set, with nothing written yet
     */
    public static OutputSet of(Collection<Path> members) {
        Set<Path> all = new LinkedHashSet<>();
        for (Path m : members) {
            all.add(m.toAbsolutePath().normalize());
        }
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path m : all) {
            dirs.add(m.getParent());
        }
        for (Path d : dirs) {
            tidy(d);
        }
        OutputSet set = new OutputSet(all);
        OPEN.add(set);
        return set;
    }

    /**
     * Completes what killed runs left in {@code dir}: half-done commits, then stale temporary files.
     * Readers call it before reading a folder a run may have been committing into when it was killed.
     *
     * @param dir a folder; nothing happens when it does not exist
     */
    public static void tidy(Path dir) {
        if (dir != null && Files.isDirectory(dir)) {
            CommitRecord.completeStale(dir);
            TempNames.deleteStale(dir);
        }
    }

    /** @return the members, as absolute paths, in the order given */
    public List<Path> members() {
        return List.copyOf(members);
    }

    /**
     * Writes a member's content to its temporary file and flushes it to disk.
     *
     * @param target the member
     * @param content writes the bytes
     * @return {@code target}
     * @throws IOException when writing fails (the temporary file is then gone; the set stays usable)
     */
    public Path write(Path target, AtomicOutput.StreamContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        try (OutputStream out = open(target)) {
            content.writeTo(new KeepOpen(out));
        } catch (IOException | RuntimeException | Error e) {
            discard(target);
            throw e;
        }
        return target;
    }

    /**
     * @param target the member
     * @param content writes the text, encoded as UTF-8 without a byte order mark
     * @return {@code target}
     * @throws IOException when writing fails
     */
    public Path writeText(Path target, AtomicOutput.TextContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        return write(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            content.writeTo(new AtomicOutput.KeepWriterOpen(writer));
            writer.flush();
        });
    }

    /**
     * Opens a member for streaming; closing the stream flushes it to disk. Several members may be
     * open at once (scores and their rejects, written row by row).
     *
     * @param target the member
     * @return a buffered stream into the member's temporary file
     * @throws IOException when the temporary file cannot be created
     */
    public synchronized OutputStream open(Path target) throws IOException {
        Path t = member(target);
        if (committed || abandoned) {
            throw new IllegalStateException("the output set is " + (committed ? "committed" : "abandoned"));
        }
        discard(t);
        Path dir = t.getParent();
        Files.createDirectories(dir);
        Path tmp = createTemp(t);
        temps.put(t, tmp);
        streaming.add(t);
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
        return new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try (channel) {
                    flush();
                    channel.force(true);
                } finally {
                    streaming.remove(t);
                }
            }
        };
    }

    /** @return true when {@code target} was written (or is being written) in this set */
    public synchronized boolean written(Path target) {
        return temps.containsKey(member(target));
    }

    /**
     * Forgets a member written earlier in this run, deleting its temporary file: on commit the
     * member is then removed like one not written.
     *
     * @param target the member
     */
    public synchronized void discard(Path target) throws IOException {
        Path tmp = temps.remove(member(target));
        if (tmp != null) {
            Files.deleteIfExists(tmp);
            TempNames.released(tmp);
        }
    }

    /**
     * Puts every written member in place and removes the others, as one step for any run that
     * comes after: a kill during it is completed by the next run.
     *
     * @throws IOException when a step fails; steps done are then completed by the next run
     * @throws IllegalStateException when a member is still open for streaming
     */
    public synchronized void commit() throws IOException {
        if (abandoned) {
            throw new IOException("the run is being stopped; nothing was committed");
        }
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        if (!streaming.isEmpty()) {
            throw new IllegalStateException("still open: " + streaming);
        }
        List<CommitRecord.Step> steps = new ArrayList<>();
        for (Path m : members) {
            Path tmp = temps.get(m);
            if (tmp != null) {
                steps.add(new CommitRecord.Step(tmp, m));
            } else if (Files.exists(m, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                steps.add(new CommitRecord.Step(null, m));
            }
        }
        committed = true;
        if (steps.isEmpty()) {
            return;
        }
        if (steps.size() == 1 && steps.get(0).temp() != null) {
            // One rename is atomic by itself.
            CommitRecord.move(steps.get(0).temp(), steps.get(0).target());
            TempNames.released(steps.get(0).temp());
            Durable.syncDirectory(steps.get(0).target().getParent());
            return;
        }
        List<Path> records = CommitRecord.write(steps);
        Set<Path> dirs = new LinkedHashSet<>();
        for (CommitRecord.Step s : steps) {
            if (s.temp() != null) {
                CommitRecord.move(s.temp(), s.target());
                TempNames.released(s.temp());
            } else {
                Files.deleteIfExists(s.target());
            }
            dirs.add(s.target().getParent());
        }
        for (Path d : dirs) {
            Durable.syncDirectory(d);
        }
        CommitRecord.delete(records);
    }

    /** Deletes the temporary files of a set that was not committed. */
    @Override
    public synchronized void close() {
        OPEN.remove(this);
        if (!committed) {
            deleteTemps();
        }
    }

    private void deleteTemps() {
        for (Path tmp : temps.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next run removes it as stale
            }
            TempNames.released(tmp);
        }
        temps.clear();
    }

    /** On SIGTERM or SIGINT: waits for a commit under way, deletes the temporary files of the others. */
    private static void abandonAll() {
        for (OutputSet s : OPEN) {
            synchronized (s) {
                if (!s.committed) {
                    s.abandoned = true;
                    s.deleteTemps();
                }
            }
        }
    }

    private Path member(Path target) {
        Path t = target.toAbsolutePath().normalize();
        if (!members.contains(t)) {
            throw new IllegalArgumentException(target + " is not a member of this output set " + members);
        }
        return t;
    }

    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = TempNames.next(target);
            try {
                TempNames.claimed(tmp);
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                TempNames.released(tmp);
                if (attempt == 16) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                TempNames.released(tmp);
                throw e;
            }
        }
    }
}
