package dev.scorecard.train.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the files a run writes before it commits, {@code .<name>.<pid>-<random>.tmp}, and the rule
 * that tells a stale one (left by a run that was killed) from one a live run is still writing.
 *
 * <p>The process id alone is not enough: in a container every run may get the same low id, so a
 * file named for a live process is stale when that process started after the file was last written,
 * and a file named for this process is stale unless this process made it.
 */
final class TempNames {
    /** A temporary file, or a commit record ({@code .scorecard-commit.<pid>-<random>}). */
    private static final Pattern OWNED = Pattern.compile("\\..*\\.(\\d+)-[0-9a-f]{1,16}(\\.tmp)?");
    private static final long PID = ProcessHandle.current().pid();
    /** Files this process created and has not yet renamed or deleted. */
    private static final Set<Path> MINE = ConcurrentHashMap.newKeySet();

    private TempNames() {
    }

    /** @return a new name for a temporary file beside {@code target}, holding this process's id */
    static Path next(Path target) {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
        return target.resolveSibling("." + target.getFileName() + "." + PID + "-" + suffix + ".tmp");
    }

    /** @return a new name for a commit record in {@code dir} */
    static Path nextRecord(Path dir) {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
        return dir.resolve(CommitRecord.PREFIX + PID + "-" + suffix);
    }

    /** Marks {@code file} as this process's own until {@link #released}. */
    static void claimed(Path file) {
        MINE.add(file.toAbsolutePath());
    }

    /** @param file no longer this process's (renamed into place, or deleted) */
    static void released(Path file) {
        MINE.remove(file.toAbsolutePath());
    }

    /** @return true when {@code file} is named like a temporary file or a commit record of some run */
    static boolean isOwnedName(String fileName) {
        return OWNED.matcher(fileName).matches();
    }

    /**
     * @param file a file with an {@linkplain #isOwnedName owned name}
     * @return true when no live process can still be writing it
     */
    static boolean isStale(Path file) {
        Matcher m = OWNED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return true; // no process has such an id
        }
        if (pid == PID) {
            return !MINE.contains(file.toAbsolutePath());
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (owner.isEmpty()) {
            return true;
        }
        Optional<Instant> started = owner.get().info().startInstant();
        if (started.isEmpty()) {
            return false; // cannot tell: leave it to its owner
        }
        try {
            FileTime written = Files.getLastModifiedTime(file);
            // A second of slack: start times and file times come from different clocks' roundings.
            return written.toInstant().plusSeconds(1).isBefore(started.get());
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes the stale temporary files in {@code dir}; commit records are left to
     * {@link CommitRecord#completeStale}, which must run first.
     *
     * @return how many were deleted
     */
    static int deleteStale(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : entries) {
                if (isOwnedName(f.getFileName().toString()) && !f.getFileName().toString().startsWith(CommitRecord.PREFIX)
                        && Files.isRegularFile(f) && isStale(f)) {
                    try {
                        Files.deleteIfExists(f);
                        deleted++;
                    } catch (IOException e) {
                        // another run may be cleaning up the same folder; it is only a leftover
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable folder: the write itself will say what is wrong
        }
        return deleted;
    }
}
