package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.crm.features.RunInputs;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * {@code scorecard activate report}: how much the activation plans moved their goals. Every entry of
 * {@code entries.csv} (a lead entering a plan, treated or held out as control) is measured against
 * each goal of its plan: it reached the goal when its lead had the goal's event in
 * {@code (entered_at, entered_at + within]}; it is pending when that deadline is after the as-of
 * instant (its outcome is not known yet, so it is counted apart and left out of the rates). Per plan
 * and goal, over all entries and per grade at entry, the treated and control rates are compared:
 * their difference with Newcombe's 95 % interval ({@link ProportionDifference}) and the relative
 * uplift. Written as {@code uplift.csv} and {@code uplift.html} in one output set, with the rejects.
 *
 * <p>The unit is the entry, not the lead: a lead that enters a plan again is measured again from
 * its new {@code entered_at}. The interval treats entries as independent, which re-entries of one
 * lead are not quite; with few re-entries the effect is small.
 */
public final class UpliftWorkflow {
    /** The measurements. */
    public static final String UPLIFT_CSV = "uplift.csv";
    /** The page. */
    public static final String UPLIFT_HTML = "uplift.html";
    /** Rejected entries. */
    public static final String ENTRY_REJECTS_CSV = "entry-rejects.csv";
    /** Rejected event lines. */
    public static final String REJECTS_CSV = "rejects.csv";
    /** Rejected lead rows. */
    public static final String LEAD_REJECTS_CSV = "lead-rejects.csv";
    /** The default of {@code --min-control}. */
    public static final long DEFAULT_MIN_CONTROL = 100;
    /** The default of {@code --min-effect}. */
    public static final double DEFAULT_MIN_EFFECT = 0.01;

    /**
     * @param entries the entries CSV written by {@code scorecard activate}
     * @param plans the plans YAML (only each plan's {@code name} and {@code goals} are read)
     * @param leads the leads file (for {@code converted_at})
     * @param events the event log
     * @param asOf the as-of instant as written
     * @param outDir where the outputs go
     * @param format delimiter, encoding and zone of all three CSV inputs
     * @param duplicates the duplicate policy of the event log, if given (default dedupe)
     * @param rejects where rejected event lines go (default {@code DIR/rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code DIR/lead-rejects.csv})
     * @param entryRejects where rejected entries go (default {@code DIR/entry-rejects.csv})
     * @param maxRejectShare the run fails when any input has more rejects than this share
     * @param minControl a goal with fewer decided control entries is flagged as too small to tell
     * @param minEffect the smallest difference worth telling from none (a share: 0.01 is one point)
     */
    public record Request(Path entries, Path plans, Path leads, Path events, String asOf, Path outDir, InputFormat format,
            Optional<DuplicatePolicy> duplicates, Optional<Path> rejects, Optional<Path> leadRejects,
            Optional<Path> entryRejects, double maxRejectShare, long minControl, double minEffect) {
        /** Checks the arguments. */
        public Request {
            Objects.requireNonNull(entries, "entries");
            Objects.requireNonNull(plans, "plans");
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(format, "format");
            RejectsCheck.requireShare(maxRejectShare);
            if (minControl < 1) {
                throw new IllegalArgumentException("--min-control: " + minControl + " is out of range; expected a whole"
                        + " number of at least 1");
            }
            if (!(minEffect >= 0 && minEffect < 1)) {
                throw new IllegalArgumentException("--min-effect: " + DoubleFormat.format(minEffect) + " is out of range;"
                        + " expected a share from 0 to below 1 (0.01 for one point)");
            }
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(UPLIFT_CSV), outDir.resolve(UPLIFT_HTML), rejectsFile(), leadRejectsFile(),
                    entryRejectsFile());
        }

        /** @return where rejected event lines go */
        public Path rejectsFile() {
            return rejects.orElse(outDir.resolve(REJECTS_CSV));
        }

        /** @return where rejected lead rows go */
        public Path leadRejectsFile() {
            return leadRejects.orElse(outDir.resolve(LEAD_REJECTS_CSV));
        }

        /** @return where rejected entries go */
        public Path entryRejectsFile() {
            return entryRejects.orElse(outDir.resolve(ENTRY_REJECTS_CSV));
        }
    }

    /**
     * @param asOf the as-of instant, epoch milliseconds
     * @param entriesRead data rows of the entries file
     * @param entriesRejected of them, those rejected
     * @param events the event log's counts
     * @param rows per plan and goal, the row over all entries followed by one row per grade
     * @param written the files written
     */
    public record Outcome(long asOf, long entriesRead, long entriesRejected, EventCounts events, List<UpliftRow> rows,
            List<Path> written) {
        /** Copies the lists. */
        public Outcome {
            rows = List.copyOf(rows);
            written = List.copyOf(written);
        }

        /** @return the rows over all entries of each plan and goal, without the per-grade rows */
        public List<UpliftRow> overall() {
            return rows.stream().filter(r -> r.grade().isEmpty()).toList();
        }
    }

    private UpliftWorkflow() {
    }

    /**
     * @param request what to measure
     * @param progress gets the event lines read so far
     * @return the measurements and the files written
     * @throws InputDataException for bad input, naming the file, line and column or the YAML key
     */
    public static Outcome run(Request request, LongConsumer progress) {
        Map<String, List<GoalSpec>> plans = GoalPlans.read(request.plans());
        List<String> planNames = List.copyOf(plans.keySet());
        Set<String> types = new LinkedHashSet<>();
        plans.values().forEach(goals -> goals.stream().filter(g -> !g.isConversion()).forEach(g -> types.add(g.event())));
        List<String> typeList = List.copyOf(types);
        Path dir = request.outDir();
        try (OutputSet set = OutputSet.of(request.members())) {
            RunInputs in = new RunInputs(null, Optional.empty(), Optional.empty(), request.format(), true,
                    request.duplicates(), set, request.rejectsFile(), request.leadRejectsFile());
            long asOf = FeaturesWorkflow.asOf(request.asOf(), in.format);
            LeadTable leads = in.leads(request.leads());
            RejectsStream[] entryRejects = new RejectsStream[1];
            UpliftEntries entries = UpliftEntries.read(request.entries(), in.format, planNames, leads,
                    h -> entryRejects[0] = new RejectsStream(set, request.entryRejectsFile(), h));
            UpliftEvents goalEvents = new UpliftEvents(typeList, leads.size());
            EventLog log = in.open(request.events(), leads, asOf, Optional.empty(), List.of());
            goalEvents.codes(log);
            EventCounts counts = log.read(goalEvents, in::eventRejects, progress);
            goalEvents.seal();
            List<Path> written = new ArrayList<>();
            in.closeRejects(written);
            if (entryRejects[0] != null) {
                entryRejects[0].close();
                written.add(request.entryRejectsFile());
            }
            Path main = dir.resolve(UPLIFT_CSV);
            in.checkShares(leads, request.events(), counts.rejected(), counts.read(), request.maxRejectShare(), main);
            checkEntryShare(set, request, entries);
            List<UpliftRow> rows = measure(plans, entries, leads, goalEvents, typeList, asOf, request);
            set.write(main, out -> UpliftCsv.write(out, rows));
            written.add(0, main);
            String html = dev.scorecard.train.report.html.HtmlRenderer.render(UpliftPage.build(request, asOf, in.zone,
                    entries, rows));
            written.add(1, set.writeText(dir.resolve(UPLIFT_HTML), w -> w.write(html)));
            set.commit();
            return new Outcome(asOf, entries.rowsRead, entries.rowsRejected, counts, rows, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkEntryShare(OutputSet set, Request request, UpliftEntries entries) throws IOException {
        long read = entries.rowsRead;
        long rejected = entries.rowsRejected;
        if (read > 0 && (double) rejected / read > request.maxRejectShare()) {
            set.commit(); // the rejects alone: an earlier run's report does not stay beside them
            throw new InputDataException(request.entries().toString(), 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be used, over --max-reject-share %s; nothing was written to %s;"
                    + " see %s", rejected, read, 100.0 * rejected / read, DoubleFormat.format(request.maxRejectShare()),
                    request.outDir().resolve(UPLIFT_CSV), request.entryRejectsFile()));
        }
    }

    /** Counts every entry against each goal of its plan, over all entries and per grade. */
    static List<UpliftRow> measure(Map<String, List<GoalSpec>> plans, UpliftEntries entries, LeadTable leads,
            UpliftEvents events, List<String> types, long asOf, Request request) {
        List<String> names = List.copyOf(plans.keySet());
        int g = entries.grades.size();
        List<UpliftRow> rows = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            for (GoalSpec goal : plans.get(names.get(p))) {
                int slot = goal.isConversion() ? -1 : types.indexOf(goal.event());
                // [grade + 1][group][entries, pending, successes]; grade 0 is all entries, group 0 treated
                long[][][] c = new long[g + 1][2][3];
                for (int i = 0; i < entries.size; i++) {
                    if (entries.plan[i] != p) {
                        continue;
                    }
                    int group = entries.treated[i] ? 0 : 1;
                    long entered = entries.enteredAt[i];
                    long deadline = entered + goal.withinMillis();
                    int outcome; // 1 pending, 2 success, 0 neither
                    if (deadline > asOf) {
                        outcome = 1;
                    } else if (goal.isConversion()) {
                        long at = leads.convertedAt(entries.lead[i]);
                        outcome = at != LeadTable.NO_TIME && at > entered && at <= deadline ? 2 : 0;
                    } else {
                        outcome = events.any(slot, entries.lead[i], entered, deadline) ? 2 : 0;
                    }
                    for (int k : new int[] {0, entries.grade[i] + 1}) {
                        c[k][group][0]++;
                        if (outcome > 0) {
                            c[k][group][outcome]++;
                        }
                    }
                }
                for (int k = 0; k <= g; k++) {
                    if (k > 0 && c[k][0][0] + c[k][1][0] == 0) {
                        continue; // a grade that never entered this plan
                    }
                    rows.add(row(names.get(p), goal, k == 0 ? Optional.empty() : Optional.of(entries.grades.get(k - 1)),
                            c[k], request.minControl(), request.minEffect()));
                }
            }
        }
        return rows;
    }

    private static UpliftRow row(String plan, GoalSpec goal, Optional<String> grade, long[][] c, long minControl,
            double minEffect) {
        long tn = c[0][0] - c[0][1];
        long cn = c[1][0] - c[1][1];
        ProportionDifference d = ProportionDifference.of(c[0][2], tn, c[1][2], cn);
        return new UpliftRow(plan, goal.name(), goal.event(), goal.within(), grade, c[0][0], c[0][1], c[0][2], c[1][0],
                c[1][1], c[1][2], d.difference(), d.lower(), d.upper(), warning(d, minControl, minEffect));
    }

    /**
     * The rule for "the control group is too small to tell": no decided treated or control entry;
     * fewer decided control entries than {@code minControl}; or an interval whose half-width is larger
     * than the difference observed and larger than {@code minEffect} (the data cannot tell that
     * difference, nor one of the smallest size worth telling, from none).
     *
     * @return why the row cannot tell, or empty
     */
    static Optional<String> warning(ProportionDifference d, long minControl, double minEffect) {
        if (d.treatedN() == 0) {
            return Optional.of("no treated entry is decided yet");
        }
        if (d.controlN() == 0) {
            return Optional.of("no control entry is decided yet");
        }
        if (d.controlN() < minControl) {
            return Optional.of("only " + d.controlN() + (d.controlN() == 1 ? " control entry is" : " control entries are")
                    + " decided, under --min-control " + minControl
                    + ": too few to tell");
        }
        double half = (d.upper() - d.lower()) / 2;
        if (half > Math.abs(d.difference()) && half > minEffect) {
            return Optional.of(String.format(Locale.ROOT, "the 95 %% interval (%+.4f to %+.4f) is wider than the difference"
                    + " (%+.4f) and than --min-effect %s on each side: too few entries to tell", d.lower(), d.upper(),
                    d.difference(), DoubleFormat.format(minEffect)));
        }
        return Optional.empty();
    }
}
