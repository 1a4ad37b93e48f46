package dev.scorecard.train.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The list of renames and deletions that turn the previous output set into the new one, written
 * durably before the first of them, so that a run killed half-way through committing (a window of
 * a few renames) is completed by the next run that touches one of the set's folders: the set on
 * disk is then the old one or the new one, never a mix. One copy lives in every folder the set
 * writes to, named {@code .scorecard-commit.<pid>-<random>}; each copy lists them all.
 *
 * <p>Lines: {@code M <temp>\t<target>} (rename), {@code D <target>} (delete), {@code R <record>} (a
 * copy of this record); paths relative to the record's folder, with backslash, tab and line breaks
 * escaped.
 */
final class CommitRecord {
    static final String PREFIX = ".scorecard-commit.";

    /** One step: rename {@code temp} to {@code target}, or delete {@code target} when temp is null. */
    record Step(Path temp, Path target) {
    }

    private CommitRecord() {
    }

    /**
     * Writes the record into every folder of the steps (each copy flushed to disk before it is named).
     *
     * @return the copies written
     */
    static List<Path> write(List<Step> steps) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Step s : steps) {
            dirs.add(s.target().toAbsolutePath().getParent());
        }
        List<Path> records = new ArrayList<>();
        for (Path dir : dirs) {
            records.add(TempNames.nextRecord(dir));
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Path record : records) {
                Path dir = record.getParent();
                StringBuilder text = new StringBuilder();
                for (Step s : steps) {
                    if (s.temp() != null) {
                        text.append("M ").append(escape(dir.relativize(s.temp()))).append('\t');
                    } else {
                        text.append("D ");
                    }
                    text.append(escape(dir.relativize(s.target()))).append('\n');
                }
                for (Path r : records) {
                    text.append("R ").append(escape(dir.relativize(r))).append('\n');
                }
                Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
                TempNames.claimed(tmp);
                TempNames.claimed(record);
                try {
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                        ch.force(true);
                    }
                    move(tmp, record);
                    written.add(record);
                } finally {
                    Files.deleteIfExists(tmp);
                    TempNames.released(tmp);
                }
                Durable.syncDirectory(dir);
            }
        } catch (IOException | RuntimeException e) {
            for (Path r : written) {
                deleteQuietly(r);
            }
            throw e;
        }
        return written;
    }

    /** Deletes the copies once every step is done. */
    static void delete(List<Path> records) throws IOException {
        for (Path r : records) {
            Files.deleteIfExists(r);
            TempNames.released(r);
        }
        for (Path r : records) {
            Durable.syncDirectory(r.getParent());
        }
    }

    /**
     * Completes the commit records in {@code dir} whose run is gone, then deletes their copies and
     * the half-written records they may have left. Steps already done are skipped; a target written
     * after the record (by a later run that did not see it) is left alone.
     */
    static void completeStale(Path dir) {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path f : entries) {
                if (TempNames.isOwnedName(f.getFileName().toString()) && TempNames.isStale(f)) {
                    stale.add(f);
                }
            }
        } catch (IOException e) {
            return; // an unreadable folder: the write itself will say what is wrong
        }
        for (Path f : stale) {
            try {
                if (f.getFileName().toString().endsWith(".tmp")) {
                    Files.deleteIfExists(f); // killed before the record was complete: no step was taken
                } else {
                    replay(f);
                }
            } catch (NoSuchFileException e) {
                // another run completed it first
            } catch (IOException e) {
                // leave it for a later run; the write itself will report a folder it cannot change
            }
        }
    }

    private static void replay(Path record) throws IOException {
        Path dir = record.getParent();
        FileTime recorded = Files.getLastModifiedTime(record);
        List<Path> copies = new ArrayList<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (line.length() < 2) {
                continue;
            }
            String body = line.substring(2);
            switch (line.charAt(0)) {
                case 'M' -> {
                    int tab = body.indexOf('\t');
                    Path temp = dir.resolve(unescape(body.substring(0, tab)));
                    Path target = dir.resolve(unescape(body.substring(tab + 1)));
                    if (Files.exists(temp) && !newer(target, recorded)) {
                        move(temp, target);
                    } else {
                        Files.deleteIfExists(temp);
                    }
                }
                case 'D' -> {
                    Path target = dir.resolve(unescape(body));
                    if (!newer(target, recorded)) {
                        Files.deleteIfExists(target);
                    }
                }
                case 'R' -> copies.add(dir.resolve(unescape(body)));
                default -> {
                    // a line this version does not know: nothing to do
                }
            }
        }
        for (Path c : copies) {
            Files.deleteIfExists(c);
        }
        Files.deleteIfExists(record);
        Durable.syncDirectory(dir);
    }

    private static boolean newer(Path target, FileTime recorded) {
        try {
            return Files.getLastModifiedTime(target).compareTo(recorded) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // already failing
        }
        TempNames.released(p);
    }

    private static String escape(Path p) {
        String s = p.toString();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
