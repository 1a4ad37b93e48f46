package dev.scorecard.train.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Flushing what the file system holds in memory to disk, where the platform allows it. */
final class Durable {
    private Durable() {
    }

    /** Makes renames and deletions in {@code dir} durable; skipped where a folder cannot be opened (Windows). */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on this platform; the files themselves were flushed
        }
    }
}
