package dev.scorecard.examples;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How a Java service (a CRM, a lead router) embeds the scorer: load the model once at start-up, keep
 * the one instance, and score each incoming lead from any thread. Loading checks the file's checksum
 * and replays its verification cases, so a corrupted or hand-edited model fails at start-up, not in
 * production traffic.
 */
public final class LeadScoringService {
    private final Scorecard scorecard;

    /** @param modelFile the {@code model.json} written by {@code scorecard train} */
    public LeadScoringService(Path modelFile) {
        this.scorecard = Scorecard.load(modelFile);
    }

    /**
     * What the router needs to decide who gets called first.
     *
     * @param score the points
     * @param grade the grade (A is called first)
     * @param why the main reasons, for the sales agent
     */
    public record Decision(double score, String grade, String why) {
    }

    /**
     * @param lead the lead's attributes by column name, as text or numbers
     * @return the score, grade and reasons; unseen or missing values are scored neutrally and named
     */
    public Decision decide(Map<String, ?> lead) {
        Objects.requireNonNull(lead, "lead");
        ScoreResult r = scorecard.score(lead, 2);
        String why = String.join("; ", r.reasons());
        if (!r.warnings().isEmpty()) {
            why += " (check: " + String.join(", ", r.warnings()) + ")";
        }
        return new Decision(r.score(), r.grade(), why);
    }
}
