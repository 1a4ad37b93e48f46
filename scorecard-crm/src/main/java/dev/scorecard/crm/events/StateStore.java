package dev.scorecard.crm.events;

import dev.scorecard.core.InputDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Opens the H2 MVStore file of a lead command's state (the nightly rules, activation), locked, with
 * commits left to the caller, and turns the store's failures into messages a user can act on: the
 * lock held by another run, a file that is not a store.
 */
public final class StateStore {
    private StateStore() {
    }

    /**
     * @param dir the state directory, created when absent
     * @param name the store file's name in it
     * @param cacheMegabytes the store's read cache
     * @return the store, locked for this process
     * @throws InputDataException when another run holds it or it cannot be read
     */
    public static MVStore open(Path dir, String name, int cacheMegabytes) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(cacheMegabytes).open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + dir + ": " + e.getMessage(), e);
        } catch (MVStoreException e) {
            if (e.getErrorCode() == 7) { // DataUtils.ERROR_FILE_LOCKED
                throw new InputDataException(file.toString(), 0, null, "another run is using this state (its file is"
                        + " locked); two runs on one state are refused: wait for it to end");
            }
            throw new InputDataException(file.toString(), 0, null, "cannot open the state: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot open the state: " + e.getMessage());
        }
    }
}
