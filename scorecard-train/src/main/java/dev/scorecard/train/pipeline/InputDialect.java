package dev.scorecard.train.pipeline;

import dev.scorecard.train.load.CsvDialect;
import java.util.List;
import java.util.Objects;

/**
 * How {@code score}, {@code evaluate} and {@code monitor} read their file, as far as the command line
 * says; what it leaves open comes from the model, so that a file scored the way it was trained gives
 * the same result: trimming is on when the model was trained with {@code trim}, and a file without a
 * header takes the model's column names when none are given.
 *
 * @param header false for a file whose first line is data ({@code --no-header})
 * @param names the column names of a file without a header ({@code --names}); empty for the model's
 * @param trim true to trim whatever the model says ({@code --trim}); false to follow the model
 */
public record InputDialect(boolean header, List<String> names, boolean trim) {
    /** Nothing said: a header row, trimming as the model was trained. */
    public static final InputDialect AS_TRAINED = new InputDialect(true, List.of(), false);

    /** Copies the names. */
    public InputDialect {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
    }

    /**
     * @param trained how the model's training file was read (its provenance)
     * @return the dialect to read the file with
     * @throws IllegalArgumentException when no header and no names are given and the model has none
     */
    CsvDialect against(CsvDialect trained) {
        List<String> n = names;
        if (!header && n.isEmpty()) {
            if (trained.header()) {
                throw new IllegalArgumentException("--no-header needs --names: the model was trained on a file with a"
                        + " header, so it holds no column names to use");
            }
            n = trained.names();
        }
        return new CsvDialect(header, n, trim || trained.trim());
    }
}
