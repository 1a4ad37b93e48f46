package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The activation state: one H2 MVStore file ({@code activation.mv.db}) in the state directory,
 * holding every journey, each lead's grade at the last night, the history of entries, the last
 * night's outputs and the delivery outbox. A night's decisions and its messages are committed in one
 * transaction; the outputs are written from what was committed, so a run killed at any moment either
 * decided nothing (the night is decided again) or decided it once (a re-run resumes the delivery and
 * writes the same outputs). The store's file lock refuses a second run on the same state.
 */
final class ActivationStore implements AutoCloseable {
    /** The state file's name. */
    static final String FILE = "activation.mv.db";
    private static final String LAST_AS_OF = "lastAsOf";
    private static final String FORMAT = "format";
    private static final String FORMAT_VERSION = "1";

    private final Path file;
    private final MVStore store;
    private final MVMap<String, String> meta;
    private final MVMap<String, String> journeys;
    private final MVMap<String, String> grades;
    private final MVMap<Long, String> entries;
    private final MVMap<String, String> night;

    private ActivationStore(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.meta = store.openMap("meta");
        this.journeys = store.openMap("journeys");
        this.grades = store.openMap("grades");
        this.entries = store.openMap("entries");
        this.night = store.openMap("night");
        String format = meta.get(FORMAT);
        if (format == null) {
            meta.put(FORMAT, FORMAT_VERSION);
        } else if (!format.equals(FORMAT_VERSION)) {
            store.close();
            throw new InputDataException(file.toString(), 0, null, "an activation state of format " + format + "; this"
                    + " version reads format " + FORMAT_VERSION);
        }
    }

    /**
     * Opens (or creates) the state in a directory and locks it.
     *
     * @param dir the state directory
     * @return the state
     * @throws InputDataException when another run holds it or it is not an activation state
     */
    static ActivationStore open(Path dir) {
        return new ActivationStore(dir.resolve(FILE), StateStore.open(dir, FILE, 16));
    }

    /** @return the store, for the delivery outbox that shares its transactions */
    MVStore mvStore() {
        return store;
    }

    /** @return the state file */
    Path file() {
        return file;
    }

    /** @return the as-of of the last night decided, if any */
    Optional<Long> lastAsOf() {
        return Optional.ofNullable(meta.get(LAST_AS_OF)).map(Long::valueOf);
    }

    /** @return every journey, by key */
    Map<String, String> journeys() {
        return journeys;
    }

    /** @return each lead's grade at the last night */
    Map<String, String> grades() {
        return grades;
    }

    /** @return the entries so far, in order, each a row of {@code entries.csv} joined by {@code \u001f} */
    List<List<String>> entries() {
        List<List<String>> out = new ArrayList<>(entries.size());
        for (String v : entries.values()) {
            out.add(List.of(v.split("\u001f", -1)));
        }
        return out;
    }

    void addEntry(List<String> row) {
        long next = entries.isEmpty() ? 0 : entries.lastKey() + 1;
        entries.put(next, String.join("\u001f", row));
    }

    /**
     * @param name an output of the last night
     * @return its text, as decided
     */
    Optional<String> nightOutput(String name) {
        return Optional.ofNullable(night.get(name));
    }

    /** Replaces the last night's outputs. */
    void nightOutputs(Map<String, String> outputs) {
        night.clear();
        night.putAll(outputs);
    }

    /**
     * Makes the night's decisions, its outputs and its messages durable in one commit.
     *
     * @param asOf the night
     */
    void commitNight(long asOf) {
        meta.put(LAST_AS_OF, Long.toString(asOf));
        store.commit();
    }

    /** Drops what was not committed (a failed night). */
    void rollback() {
        store.rollback();
    }

    @Override
    public void close() {
        store.close(500);
    }
}
