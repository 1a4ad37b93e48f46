package dev.scorecard.train.load;

import java.nio.file.Path;

/** The command-line convention that {@code -} names standard input (for {@code --data}) or standard output (for {@code --out}). */
public final class Dash {
    private Dash() {
    }

    /** @return true when {@code path} is exactly {@code -} */
    public static boolean is(Path path) {
        return path.getNameCount() == 1 && path.toString().equals("-");
    }
}
