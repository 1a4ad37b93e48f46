package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.CodeBook;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.FingerprintSet;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.crm.features.LeadFeatures;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule score in a service that consumes events as they happen: feed events with
 * {@link #accept}, read a lead's score as of any instant with {@link #score}, and collect the grade
 * changes since the last look with {@link #changes}. At every instant a lead's score is the one
 * {@code scorecard rules --as-of} that instant writes for it on the same events: the same compiled
 * rules and the same scorer recompute it from the lead's events, so decay, every cap, conditions,
 * stages and grades cannot drift apart. Events may arrive in any order and late; events after an
 * instant are invisible to it.
 *
 * <pre>{@code
 * LiveRuleScores live = LiveRuleScores.open(Path.of("rules.yaml"), Path.of("leads.csv"),
 *         Optional.of(Path.of("channels.csv")), InputFormat.DEFAULT);
 * live.accept("L0001", "trial_booked", Instant.parse("2026-11-30T09:15:00Z").toEpochMilli(), Double.NaN, Map.of());
 * LiveRuleScores.Score s = live.score("L0001", System.currentTimeMillis());
 * for (LiveRuleScores.GradeChange c : live.changes(System.currentTimeMillis())) { ... }
 * }</pre>
 *
 * <p>Feeding appends the event to its lead's list (a few array writes; no scoring); a lead is scored
 * when asked, from its own events only. With a features spec ({@code features:}), the features
 * the conditions read are computed for that lead, from its events, as of the instant asked, as the
 * batch computes them for every lead; the spec's {@code eventTypes} then limit what may be fed, as
 * the batch rejects other types. Not thread-safe:
 * one instance per thread, or guard it with a lock.
 *
 * <p>Repeats: under the rules' {@code duplicates: dedupe} (the default) an event equal to one the
 * lead already has in type, instant, value and the properties the rules read counts once (by a
 * 64-bit fingerprint, as the batch's check: two different events collide with probability about
 * n² / 2^65); the batch compares the lines' text, so feed each line once and the two agree.
 */
public final class LiveRuleScores {
    /**
     * A lead's score as of an instant, as a row of {@code scores.csv} has it.
     *
     * @param leadId the lead
     * @param asOf the instant, epoch milliseconds
     * @param cents the score 0–100 in hundredths
     * @param score10 the 10-point score
     * @param grade the grade
     * @param tier the intent tier
     * @param stage the lifecycle stage
     * @param followUp the follow-up status, empty outside {@code following}
     * @param tags the tags, in the order the conditions gave them
     */
    public record Score(String leadId, long asOf, long cents, int score10, String grade, String tier, String stage,
            String followUp, List<String> tags) {
        /** Copies the tags. */
        public Score {
            tags = List.copyOf(tags);
        }

        /** @return the score 0–100 */
        public double score100() {
            return cents / 100.0;
        }
    }

    /**
     * A lead whose grade moved between two looks.
     *
     * @param leadId the lead
     * @param from the grade at the previous look, empty when it had none (new to {@link #changes})
     * @param to the grade now
     * @param asOf the instant of this look
     */
    public record GradeChange(String leadId, String from, String to, long asOf) {
    }

    private final CompiledRules rules;
    private final LeadTable leads;
    private final ZoneId zone;
    private final boolean dedupe;
    private final RulesWorkflow.Start start;
    private final CodeBook codes;
    private final FingerprintSet seen = new FingerprintSet();
    private final EventTable table;
    private final int[] props;
    private int[][] byLead;
    private int[] counts;
    private final String[] lastGrade;
    private final boolean[] touched;
    private final List<Integer> touchedLeads = new ArrayList<>();
    private long bound = -1;
    private LeadScorer scorer;
    private long scorerAsOf = Long.MIN_VALUE;
    private long accepted;
    private long duplicates;

    private final Optional<java.util.Set<String>> known;

    private LiveRuleScores(CompiledRules rules, LeadTable leads, ZoneId zone, boolean dedupe, RulesWorkflow.Start start) {
        this.rules = rules;
        this.leads = leads;
        this.zone = zone;
        this.dedupe = dedupe;
        this.start = start;
        this.codes = new CodeBook(rules.properties.size());
        this.table = new EventTable(rules.properties.size());
        this.props = new int[rules.properties.size()];
        this.byLead = new int[leads.size()][];
        this.counts = new int[leads.size()];
        this.lastGrade = new String[leads.size()];
        this.touched = new boolean[leads.size()];
        // the batch rejects the lines of other types, so that no window feature counts them
        this.known = rules.spec.eventTypes().or(() -> rules.spec.features().flatMap(f -> f.eventTypes()))
                .map(java.util.Set::copyOf);
    }

    /**
     * @param rulesFile the rules YAML
     * @param leadsFile the leads CSV ({@code lead_id, created_at}, the columns the rules read, and
     *     {@code converted_at} for {@code paid})
     * @param channels the channel table for the start values, if any
     * @param format delimiter, encoding and the zone of times without an offset (the rules' zone wins)
     * @return the scorer, with no events yet
     * @throws InputDataException for bad rules or leads (naming the file, line and key), a lead row
     *     that cannot be used, or a features spec attribute the leads file lacks
     */
    public static LiveRuleScores open(Path rulesFile, Path leadsFile, Optional<Path> channels, InputFormat format) {
        RuleSpec spec = RuleSpec.read(rulesFile);
        InputFormat zoned = spec.zone().or(() -> spec.features().flatMap(f -> f.zone())).map(format::withZone)
                .orElse(format);
        LeadTable leads = readLeads(leadsFile, zoned);
        if (spec.features().isPresent()) {
            FeaturesWorkflow.checkAttributes(spec.features().get(), leads);
        }
        CompiledRules rules = CompiledRules.compile(spec, leads, spec.features().orElse(null), channels.isPresent());
        RulesWorkflow.Start start = RulesWorkflow.Start.of(channels.map(ChannelStart::read), leads, spec, Long.MAX_VALUE);
        boolean dedupe = spec.duplicates().or(() -> spec.features().flatMap(f -> f.duplicates()))
                .orElse(DuplicatePolicy.DEDUPE) == DuplicatePolicy.DEDUPE;
        return new LiveRuleScores(rules, leads, zoned.zone(), dedupe, start);
    }

    private static LeadTable readLeads(Path file, InputFormat format) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("scorecard-live-");
            Path rejects = dir.resolve("lead-rejects.csv");
            LeadTable leads;
            try (OutputSet set = OutputSet.of(List.of(rejects))) {
                RejectsStream[] stream = new RejectsStream[1];
                leads = LeadTable.read(file, format, h -> stream[0] = new RejectsStream(set, rejects, h));
                if (stream[0] != null) {
                    stream[0].close();
                }
            }
            if (leads.rowsRejected() > 0) {
                throw new InputDataException(file.toString(), 0, null, leads.rowsRejected() + " of " + leads.rowsRead()
                        + " lead rows cannot be used; scorecard rules writes them with line and reason to lead-rejects.csv");
            }
            return leads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // A temporary folder left behind holds no data: only a rejects file never committed.
                }
            }
        }
    }

    /**
     * Feeds one event.
     *
     * @param leadId the lead, one of the leads file's
     * @param type the event type (any name; the rules score those they know)
     * @param time the event's instant, epoch milliseconds
     * @param value its value, NaN when it has none
     * @param properties its properties by name; those the rules do not read are ignored
     * @return false when the duplicates policy is {@code dedupe} and the lead already had this very
     *     event (same type, instant, value and properties): it then counts once
     * @throws IllegalArgumentException for a lead that is not in the leads file, or a type the rules'
     *     (or their features spec's) {@code eventTypes} does not list
     */
    public boolean accept(String leadId, String type, long time, double value, Map<String, String> properties) {
        int lead = leads.indexOf(Objects.requireNonNull(leadId, "leadId"));
        if (lead < 0) {
            throw new IllegalArgumentException("lead '" + leadId + "' is not in the leads file");
        }
        Objects.requireNonNull(type, "type");
        if (known.isPresent() && !known.get().contains(type)) {
            throw new IllegalArgumentException("event type '" + type + "' is not one of the spec's eventTypes"
                    + dev.scorecard.core.internal.NearestName.didYouMean(type, known.get()));
        }
        int t = codes.typeCode(type);
        for (int p = 0; p < props.length; p++) {
            String v = properties.get(rules.properties.get(p));
            props[p] = v == null ? -1 : codes.propertyCode(p, v);
        }
        if (dedupe && !seen.add(fingerprint(lead, t, time, value))) {
            duplicates++;
            return false;
        }
        int e = table.size();
        table.accept(lead, t, time, value, props);
        int[] list = byLead[lead];
        if (list == null) {
            list = byLead[lead] = new int[4];
        } else if (counts[lead] == list.length) {
            list = byLead[lead] = Arrays.copyOf(list, list.length * 2);
        }
        list[counts[lead]++] = e;
        if (!touched[lead]) {
            touched[lead] = true;
            touchedLeads.add(lead);
        }
        accepted++;
        return true;
    }

    /** The event's 64 bits for the repeats check: a chain of mixes over its fields' codes. */
    private long fingerprint(int lead, int type, long time, double value) {
        long h = FingerprintSet.mix(lead * 0x9e3779b97f4a7c15L + type);
        h = FingerprintSet.mix(h ^ time);
        h = FingerprintSet.mix(h ^ Double.doubleToLongBits(value));
        for (int p : props) {
            h = FingerprintSet.mix(h ^ p);
        }
        return h;
    }

    /**
     * @param leadId a lead of the leads file
     * @param asOf the instant, epoch milliseconds (inclusive: an event at it counts)
     * @return its score as of that instant, empty when the lead was created after it (the batch
     *     scores no such lead)
     * @throws IllegalArgumentException for a lead that is not in the leads file
     */
    public Optional<Score> score(String leadId, long asOf) {
        int lead = leads.indexOf(leadId);
        if (lead < 0) {
            throw new IllegalArgumentException("lead '" + leadId + "' is not in the leads file");
        }
        if (leads.createdAt(lead) > asOf) {
            return Optional.empty();
        }
        LeadScorer s = scoreLead(lead, asOf);
        return Optional.of(new Score(leadId, asOf, s.score, s.score10, rules.spec.grades().get(s.grade).name(), s.tier,
                s.stage, s.status, s.tags));
    }

    /**
     * The grade changes of the leads that had events since the previous call: each such lead's grade
     * as of {@code asOf} against the grade this method last gave it (none the first time).
     *
     * @param asOf the instant, epoch milliseconds
     * @return the changes, in the order the leads first had an event since the previous call
     */
    public List<GradeChange> changes(long asOf) {
        List<GradeChange> out = new ArrayList<>();
        for (int lead : touchedLeads) {
            touched[lead] = false;
            if (leads.createdAt(lead) > asOf) {
                continue;
            }
            String now = rules.spec.grades().get(scoreLead(lead, asOf).grade).name();
            String before = lastGrade[lead];
            if (!now.equals(before)) {
                out.add(new GradeChange(leads.id(lead), before == null ? "" : before, now, asOf));
            }
            lastGrade[lead] = now;
        }
        touchedLeads.clear();
        return out;
    }

    /** @return events accepted so far (repeats under {@code dedupe} not counted) */
    public long accepted() {
        return accepted;
    }

    /** @return events refused as repeats under {@code dedupe} */
    public long duplicates() {
        return duplicates;
    }

    private LeadScorer scoreLead(int lead, long asOf) {
        LeadFeatures features = null;
        if (rules.spec.features().isPresent() && !rules.usedFeatures.isEmpty()) {
            // The lead's window features as of the instant, from its own events: what the batch computes for it.
            features = LeadFeatures.ofLead(rules.spec.features().get(), rules.usedFeatures, leads, lead, codes, asOf, zone);
            int[] events = byLead[lead];
            int[] p = new int[rules.properties.size()];
            for (int k = 0; k < counts[lead]; k++) {
                int e = events[k];
                if (table.time(e) <= asOf) {
                    for (int j = 0; j < p.length; j++) {
                        p[j] = table.property(e, j);
                    }
                    features.accept(lead, table.type(e), table.time(e), table.value(e), p);
                }
            }
            scorer = null;
        }
        if (codes.additions() != bound) {
            // A new type or property value: bind again (the rules rank them by name), and with it the scorer.
            rules.bind(codes);
            bound = codes.additions();
            scorer = null;
        }
        if (scorer == null || scorerAsOf != asOf) {
            scorer = new LeadScorer(rules, table, leads, features, start.cents(), start.score(), asOf, zone);
            scorerAsOf = asOf;
        }
        int[] list = byLead[lead];
        scorer.score(lead, list == null ? new int[0] : list, 0, counts[lead], LeadScorer.Ledger.NONE);
        return scorer;
    }
}
