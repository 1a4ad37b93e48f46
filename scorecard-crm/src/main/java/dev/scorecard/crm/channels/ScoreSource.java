package dev.scorecard.crm.channels;

import java.util.Locale;

/** Where a row's score comes from, as the {@code source} column spells it. */
public enum ScoreSource {
    /** Mapped from the row's own shrunk rate. */
    COMPUTED,
    /** A thin sub-channel: its channel's score. */
    PARENT,
    /** The experts' override table. */
    OVERRIDE,
    /** The {@code (unseen)} row: the prior mean's score. */
    PRIOR;

    /** @return the spelling in {@code channels.csv}: {@code computed}, {@code parent}, {@code override}, {@code prior} */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
