package dev.scorecard.crm.activate;

import dev.scorecard.train.io.OutputSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The dead letters as JSON Lines ({@value #NAME}): each message's fields as in {@link JsonlFile},
 * then {@code reason}, {@code attempts} and {@code status} (the last HTTP status, null when the last
 * try had no response), in the same order as {@link JsonlFile}. The reasons hold no secrets.
 */
public final class DeadLetterFile {
    /** The file's usual name. */
    public static final String NAME = "dead-letters.jsonl";

    private DeadLetterFile() {
    }

    /**
     * @param set the run's output set
     * @param target a member of it
     * @param letters the dead letters, e.g. {@link Outbox#deadLetters()}
     * @throws IOException when writing fails
     */
    public static void write(OutputSet set, Path target, Collection<DeadLetter> letters) throws IOException {
        List<DeadLetter> sorted = new ArrayList<>(letters);
        sorted.sort(Comparator.comparing(DeadLetter::message, JsonlFile.ORDER));
        set.writeText(target, out -> {
            for (DeadLetter d : sorted) {
                JsonlFile.line(out, d.message(), d);
            }
        });
    }
}
