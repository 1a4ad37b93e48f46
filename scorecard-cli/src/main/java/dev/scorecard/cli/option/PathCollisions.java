package dev.scorecard.cli.option;

import dev.scorecard.train.load.Dash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Refuses a run whose outputs would overwrite one of its inputs or one another: {@code score --out}
 * equal to {@code --data} replaced the data with its scores and exited 0. Every command that writes
 * declares its inputs and outputs here before doing anything; an output folder counts as itself and
 * as each file the command writes into it.
 *
 * <p>Two paths collide when they name the same file once resolved: {@link Path#toRealPath} on the
 * part that exists (symbolic links, {@code ..}, the working directory), the rest normalised; or, when
 * both exist, when {@link Files#isSameFile} says so (hard links). The error is one line naming both
 * options, for exit code 2.
 */
public final class PathCollisions {
    private final List<Entry> inputs = new ArrayList<>();
    private final List<Entry> outputs = new ArrayList<>();

    /** One path of the run: the option that gives it, as given, and what is written there when derived. */
    private record Entry(String option, Path given, String writes, Path resolved) {
        String describe() {
            return option + " " + given + (writes == null ? "" : " (writing " + writes + ")");
        }
    }

    private PathCollisions() {
    }

    /** @return a run with no paths yet */
    public static PathCollisions of() {
        return new PathCollisions();
    }

    /**
     * @param option the option, e.g. {@code --data}
     * @param path the file it names; null when the option was not given
     * @return this
     */
    public PathCollisions input(String option, Path path) {
        if (path != null && !Dash.is(path)) { // standard input is no file to collide with
            inputs.add(new Entry(option, path, null, resolve(path)));
        }
        return this;
    }

    /**
     * @param option the option, e.g. {@code --out}
     * @param path the file it names; null when the option was not given
     * @return this
     */
    public PathCollisions output(String option, Path path) {
        if (path != null && !Dash.is(path)) {
            outputs.add(new Entry(option, path, null, resolve(path)));
        }
        return this;
    }

    /**
     * A file an option implies without naming it, such as {@code score}'s default rejects file beside
     * {@code --out}.
     *
     * @param option the option it follows from
     * @param given the option's value
     * @param file the file written
     * @return this
     */
    public PathCollisions writes(String option, Path given, Path file) {
        outputs.add(new Entry(option, given, String.valueOf(file.getFileName()), resolve(file)));
        return this;
    }

    /**
     * @param option the option, e.g. {@code --out}
     * @param folder the output folder
     * @param names the files the command writes into it
     * @return this
     */
    public PathCollisions folder(String option, Path folder, Collection<String> names) {
        output(option, folder);
        for (String name : names) {
            writes(option, folder, folder.resolve(name));
        }
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the two options, for the first output that is an input
     *     or an earlier output
     */
    public void check() {
        for (int o = 0; o < outputs.size(); o++) {
            Entry out = outputs.get(o);
            for (Entry in : inputs) {
                if (same(out, in)) {
                    throw collision(out, in);
                }
            }
            for (int p = 0; p < o; p++) {
                Entry earlier = outputs.get(p);
                if (!earlier.option.equals(out.option) && same(out, earlier)) {
                    throw collision(out, earlier);
                }
            }
        }
    }

    private static IllegalArgumentException collision(Entry out, Entry other) {
        return new IllegalArgumentException(out.describe() + " and " + other.describe() + " are the same file; choose another "
                + out.option);
    }

    private static boolean same(Entry a, Entry b) {
        if (a.resolved.equals(b.resolved)) {
            return true;
        }
        try {
            return Files.exists(a.resolved) && Files.exists(b.resolved) && Files.isSameFile(a.resolved, b.resolved);
        } catch (IOException e) {
            return false; // unreadable metadata: the write itself will report the problem
        }
    }

    /**
     * @return the path with every symbolic link of its existing part resolved, the rest (which cannot
     *     hold links yet) appended and normalised
     */
    static Path resolve(Path path) {
        Path existing = path.toAbsolutePath();
        Path rest = null;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                return rest == null ? real : real.resolve(rest).normalize();
            } catch (IOException e) {
                Path name = existing.getFileName();
                if (name == null) {
                    break;
                }
                rest = rest == null ? name : name.resolve(rest);
                existing = existing.getParent();
            }
        }
        return path.toAbsolutePath().normalize();
    }
}
