package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.activate.ActivationNight.Compiled;
import dev.scorecard.crm.activate.ActivationNight.NotEntered;
import dev.scorecard.crm.activate.ActivationNight.Outgoing;
import dev.scorecard.crm.activate.ActivationNight.PlanCounts;
import dev.scorecard.crm.activate.ActivationNight.StepRow;
import dev.scorecard.crm.activate.PlansSpec.Plan;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.crm.features.RunInputs;
import dev.scorecard.crm.spec.Expr;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.load.CsvRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code scorecard activate}: one night of the activation plans ({@code docs/activation.md}). Decides
 * the night ({@link ActivationNight}) from the scores, the leads, the response events and the state,
 * commits the decisions with the night's messages and outputs to the state in one transaction, then
 * writes the outputs as one atomic set. Running the same night again (after a crash, or on purpose)
 * decides nothing new: it writes the outputs of the night as first decided.
 */
public final class ActivateWorkflow {
    /** The entries so far, for {@code activate report}. */
    public static final String ENTRIES_CSV = "entries.csv";
    /** Tonight's steps, sent or skipped. */
    public static final String ACTIVATIONS_CSV = "activations.csv";
    /** Tonight's audience members that did not enter, with the reason. */
    public static final String NOT_ENTERED_CSV = "not-entered.csv";
    /** Every journey after tonight. */
    public static final String JOURNEYS_CSV = "journeys.csv";
    /** Tonight's messages for the file channel. */
    public static final String MESSAGES_JSONL = "messages.jsonl";
    /** Per plan, tonight's counts. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** This run's webhook delivery: pending before = sent + dead. */
    public static final String DELIVERY_CSV = "delivery.csv";
    /** The rejects of the leads file. */
    public static final String LEAD_REJECTS_CSV = "lead-rejects.csv";
    /** The rejects of the events file. */
    public static final String EVENT_REJECTS_CSV = "event-rejects.csv";

    static final List<String> ENTRY_COLUMNS = List.of("lead_id", "plan", "group", "bucket", "entered_at", "grade",
            "score100");
    static final List<String> STEP_COLUMNS = List.of("lead_id", "plan", "step", "channel", "outcome", "reason",
            "send_at", "key");
    static final List<String> NOT_ENTERED_COLUMNS = List.of("lead_id", "plan", "reason");
    static final List<String> JOURNEY_COLUMNS = List.of("lead_id", "plan", "group", "bucket", "entered_at", "status",
            "steps_done", "last_at", "ended_at", "outcome", "tags");
    static final List<String> NOT_ENTERED_REASONS = List.of("do-not-disturb", "sale-lock", "reenter-wait", "over-limit",
            "over-team-limit");
    static final List<String> SKIP_REASONS = List.of("condition", "do-not-disturb", "sale-lock");
    static final List<String> END_OUTCOMES = List.of("completed", "responded", "preempted", "held-out", "lead-gone",
            "plan-removed");
    /** The payload's own names, beside the scores' columns. */
    static final Set<String> PAYLOAD_NAMES = Set.of("lead_id", "plan", "step", "channel", "send_at");

    private ActivateWorkflow() {
    }

    /**
     * What to run.
     *
     * @param plans the plans YAML
     * @param leads the leads CSV
     * @param scores the scores files joined on lead_id; the first names the candidates
     * @param events the events CSV, for journeys' responses
     * @param doNotDisturb a CSV of lead ids never to contact ({@code lead_id[, until]})
     * @param asOf the night, as written
     * @param outDir the outputs' folder
     * @param stateDir the state's folder
     * @param format the input format (zone, delimiter, encoding)
     * @param zoneGiven whether the command line gave the zone (over the plans')
     * @param maxRejectShare the largest share of rejected rows allowed in each file
     */
    public record Request(Path plans, Path leads, List<Path> scores, Optional<Path> events, Optional<Path> doNotDisturb,
            String asOf, Path outDir, Path stateDir, InputFormat format, boolean zoneGiven, double maxRejectShare) {
        /** Checks and copies. */
        public Request {
            Objects.requireNonNull(plans, "plans");
            Objects.requireNonNull(leads, "leads");
            scores = List.copyOf(scores);
            if (scores.isEmpty()) {
                throw new IllegalArgumentException("at least one scores file");
            }
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(stateDir, "stateDir");
        }
    }

    /**
     * One plan's night.
     *
     * @param plan the plan
     * @param audience leads in its audience tonight
     * @param treated entered and activated
     * @param control entered and held out
     * @param alreadyIn in its audience but already in its journey
     * @param taken in its audience but in a more important plan, or entered one tonight
     * @param notEntered the others, by reason
     * @param sent steps sent tonight
     * @param skipped steps skipped, by reason
     * @param ended journeys that ended tonight, by outcome
     */
    public record PlanOutcome(String plan, long audience, long forced, long treated, long control, long alreadyIn,
            long taken, Map<String, Long> notEntered, long sent, Map<String, Long> skipped, Map<String, Long> ended) {
    }

    /**
     * What a run did.
     *
     * @param asOf the night, epoch milliseconds
     * @param resumed whether the night had been decided before (the outputs are those of that run)
     * @param plans per plan
     * @param messages tonight's messages
     * @param delivery the webhook delivery of this run: the messages pending before it (tonight's and
     *     any a killed run left) = sent + dead letters
     * @param written the files written
     */
    public record Outcome(long asOf, boolean resumed, List<PlanOutcome> plans, long messages, Delivery delivery,
            List<Path> written) {
    }

    /**
     * @param request what to run
     * @return what it did
     * @throws InputDataException on bad input, naming the file and line (or key)
     */
    public static Outcome run(Request request) {
        PlansSpec spec = PlansSpec.read(request.plans());
        Path out = request.outDir();
        try (ActivationStore store = ActivationStore.open(request.stateDir())) {
            ZoneId zone = request.zoneGiven() ? request.format().zone()
                    : spec.zone().orElse(request.format().zone());
            InputFormat format = request.format().withZone(zone);
            long asOf = FeaturesWorkflow.asOf(request.asOf(), format);
            Optional<Long> last = store.lastAsOf();
            if (last.isPresent() && asOf < last.get()) {
                throw new InputDataException(store.file().toString(), 0, null, "the state has decided the night of "
                        + ActivationNight.iso(last.get(), zone) + "; --as-of " + request.asOf() + " is before it, and"
                        + " activation does not go back (a night's messages have gone out)");
            }
            boolean resumed = last.isPresent() && asOf == last.get();
            Map<String, Endpoint> endpoints = new HashMap<>();
            for (Plan p : spec.plans()) {
                p.webhook().ifPresent(w -> endpoints.put(p.name(), Endpoint.read(w)));
            }
            Outbox outbox = new Outbox(store.mvStore());
            if (!resumed) {
                decide(request, spec, store, outbox, format, zone, asOf);
            }
            Delivery delivery;
            try {
                delivery = outbox.deliver(endpoints::get);
            } catch (IllegalArgumentException e) {
                throw new InputDataException(spec.file(), 0, null, e.getMessage() + ": a plan with messages still to"
                        + " deliver lost its webhook; give it back, or the messages stay pending");
            }
            return write(store, outbox, out, asOf, resumed, zone, delivery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void decide(Request request, PlansSpec spec, ActivationStore store, Outbox outbox,
            InputFormat format, ZoneId zone, long asOf) throws IOException {
        Path out = request.outDir();
        try (OutputSet rejectsSet = OutputSet.of(List.of(out.resolve(LEAD_REJECTS_CSV), out.resolve(EVENT_REJECTS_CSV)))) {
            RunInputs in = new RunInputs(null, Optional.of(zone), Optional.<DuplicatePolicy>empty(), format, true,
                    Optional.empty(), rejectsSet, out.resolve(EVENT_REJECTS_CSV), out.resolve(LEAD_REJECTS_CSV));
            LeadTable leads = in.leads(request.leads());
            Map<String, int[]> names = LeadColumns.names(request.scores());
            List<String> planNames = spec.plans().stream().map(Plan::name).toList();
            LeadScope scope = new LeadScope(names.keySet(), leads.attributeNames(), planNames);
            // Compiled first, against the files' headers, so that only the columns they read are kept.
            List<Expr> audiences = new ArrayList<>();
            List<Expr[]> whens = new ArrayList<>();
            List<PayloadTemplate> payloads = new ArrayList<>();
            for (int i = 0; i < spec.plans().size(); i++) {
                Plan p = spec.plans().get(i);
                Expr audience = compile(scope, p.node().get("audience").orElseThrow(), p.audience(), false);
                Expr[] when = new Expr[p.steps().size()];
                for (int k = 0; k < when.length; k++) {
                    PlansSpec.Step s = p.steps().get(k);
                    if (s.when().isPresent()) {
                        when[k] = compile(scope, s.node().get("when").orElseThrow(), s.when().get(), true);
                    }
                }
                PayloadTemplate payload = PayloadTemplate.parse(p.payload());
                for (String n : payload.names()) {
                    if (!PAYLOAD_NAMES.contains(n) && !scope.use(n)) {
                        throw new InputDataException(spec.file(), p.line(), null, "plan '" + p.name() + "': payload"
                                + " names {{" + n + "}}, which is neither a column of the scores files nor one of "
                                + String.join(", ", new java.util.TreeSet<>(PAYLOAD_NAMES)));
                    }
                }
                if (p.teamColumn().isPresent() && !scope.use(p.teamColumn().get())) {
                    throw new InputDataException(spec.file(), p.line(), null, "plan '" + p.name() + "': limits.perTeam"
                            + " counts by column '" + p.teamColumn().get() + "', which no scores file has");
                }
                audiences.add(audience);
                whens.add(when);
                payloads.add(payload);
            }
            scope.use("grade");
            scope.use("score100");
            scope.use("tags");
            Set<String> respTypes = new LinkedHashSet<>(scope.responseTypes());
            spec.plans().forEach(p -> p.responses().forEach(r -> respTypes.add(r.event())));
            List<Path> scoreRejects = new ArrayList<>();
            for (int f = 0; f < request.scores().size(); f++) {
                scoreRejects.add(out.resolve(f == 0 ? "scores-rejects.csv" : "scores" + (f + 1) + "-rejects.csv"));
            }
            try (OutputSet scoreSet = OutputSet.of(scoreRejects)) {
                LeadColumns columns = LeadColumns.read(request.scores(), scope.usedColumns(), leads, scoreSet,
                        scoreRejects);
                scoreSet.commit();
                checkShare(leads.file(), leads.rowsRejected(), leads.rowsRead(), request.maxRejectShare(),
                        out.resolve(LEAD_REJECTS_CSV));
                for (LeadColumns.FileCounts f : columns.files()) {
                    checkShare(f.file(), f.rowsRejected(), f.rowsRead(), request.maxRejectShare(), f.rejects());
                }
                EventTable events = null;
                int[][] byLead = null;
                Map<String, Integer> typeCodes = new HashMap<>();
                if (!respTypes.isEmpty()) {
                    if (request.events().isEmpty()) {
                        throw new InputDataException(spec.file(), 0, null, "the plans read responses ("
                                + String.join(", ", respTypes) + ") but no --events file was given");
                    }
                    EventLog log = in.open(request.events().get(), leads, asOf, Optional.empty(), List.of());
                    events = new EventTable(0);
                    EventCounts counts = log.read(events, in::eventRejects, p -> { });
                    in.checkShares(leads, request.events().get(), counts.rejected(), counts.read(),
                            request.maxRejectShare(), out.resolve(ACTIVATIONS_CSV));
                    for (int t = 0; t < log.typeCount(); t++) {
                        typeCodes.put(log.typeName(t), t);
                    }
                    byLead = events.byLead(leads.size());
                }
                List<Compiled> compiled = new ArrayList<>();
                for (int i = 0; i < spec.plans().size(); i++) {
                    Plan p = spec.plans().get(i);
                    PayloadTemplate payload = payloads.get(i);
                    int[] cols = new int[payload.names().size()];
                    for (int k = 0; k < cols.length; k++) {
                        String n = payload.names().get(k);
                        cols[k] = PAYLOAD_NAMES.contains(n) ? -1 : columns.column(n);
                    }
                    int[] responseCodes = new int[p.responses().size()];
                    for (int r = 0; r < responseCodes.length; r++) {
                        responseCodes[r] = typeCodes.getOrDefault(p.responses().get(r).event(), -1);
                    }
                    compiled.add(new Compiled(p, audiences.get(i), whens.get(i), payload, cols,
                            p.teamColumn().map(columns::column).orElse(-1), responseCodes));
                }
                List<Path> written = new ArrayList<>();
                in.closeRejects(written);
                rejectsSet.commit();
                boolean[] dnd = request.doNotDisturb().map(f -> DoNotDisturb.read(f, leads, asOf, format))
                        .orElse(new boolean[leads.size()]);
                ZoneId[] leadZones = leadZones(leads);
                TreeMap<String, Journey> journeys = new TreeMap<>();
                Set<String> planSet = new java.util.HashSet<>(planNames);
                List<Journey> removed = new ArrayList<>();
                for (String v : store.journeys().values()) {
                    Journey j = Journey.decode(v);
                    if (!planSet.contains(j.plan())) {
                        if (j.active()) {
                            removed.add(j.end(asOf, "plan-removed"));
                        }
                        continue;
                    }
                    journeys.put(j.key(), j);
                }
                ActivationNight night = new ActivationNight(compiled, leads, columns, scope, events, byLead, typeCodes,
                        dnd, asOf, zone, leadZones, store.grades(), journeys);
                night.run();
                try {
                    for (Journey j : removed) {
                        store.journeys().put(j.key(), j.encode());
                    }
                    for (Journey j : night.changed().values()) {
                        store.journeys().put(j.key(), j.encode());
                    }
                    for (List<String> e : night.entries()) {
                        store.addEntry(e);
                    }
                    int g = columns.column("grade");
                    if (g >= 0) {
                        for (int i = 0; i < leads.size(); i++) {
                            if (columns.candidate(i)) {
                                store.grades().put(leads.id(i), columns.value(g, i));
                            }
                        }
                    }
                    for (Outgoing o : night.outgoing()) {
                        if (o.webhook()) {
                            outbox.enqueue(o.message());
                        }
                    }
                    store.nightOutputs(nightOutputs(night, compiled, zone, leadZones, leads));
                    store.commitNight(asOf);
                } catch (RuntimeException e) {
                    store.rollback();
                    throw e;
                }
            }
        }
    }

    private static Expr compile(LeadScope scope, dev.scorecard.crm.spec.YamlNode at, String source, boolean step) {
        try {
            return scope.compile(source, step);
        } catch (Expr.CompileException e) {
            throw at.error("column " + e.column() + ": " + e.getMessage() + " (in: " + source + ")");
        }
    }

    /** Stops the run, before anything is decided, when too many of a file's rows could not be used. */
    private static void checkShare(Path input, long rejected, long read, double maxShare, Path rejects) {
        if (read > 0 && (double) rejected / read > maxShare) {
            throw new InputDataException(input.toString(), 0, null, String.format(java.util.Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be used, over --max-reject-share %s; nothing was decided; see %s",
                    rejected, read, 100.0 * rejected / read, dev.scorecard.core.internal.DoubleFormat.format(maxShare),
                    rejects));
        }
    }

    private static ZoneId[] leadZones(LeadTable leads) {
        Optional<LeadTable.AttributeColumn> tz = leads.attribute("timezone");
        if (tz.isEmpty()) {
            return null;
        }
        ZoneId[] out = new ZoneId[leads.size()];
        Map<String, ZoneId> seen = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            String t = tz.get().value(i);
            if (!t.isEmpty()) {
                out[i] = seen.computeIfAbsent(t, ActivateWorkflow::zoneOrNull);
            }
        }
        return out;
    }

    private static ZoneId zoneOrNull(String t) {
        try {
            return ZoneId.of(t);
        } catch (DateTimeException e) {
            return null; // the run's zone stands in; journeys.csv shows which zone was used per step's send_at
        }
    }

    private static Map<String, String> nightOutputs(ActivationNight night, List<Compiled> compiled, ZoneId zone,
            ZoneId[] leadZones, LeadTable leads) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(ACTIVATIONS_CSV, csv(STEP_COLUMNS, w -> {
            for (StepRow s : night.steps()) {
                int lead = leads.indexOf(s.lead());
                ZoneId z = leadZones == null || lead < 0 || leadZones[lead] == null ? zone : leadZones[lead];
                w.row(List.of(s.lead(), s.plan(), s.step(), s.channel(), s.sent() ? "sent" : "skipped", s.reason(),
                        s.sent() ? ActivationNight.iso(s.sendAt(), z) : "", s.key()));
            }
        }));
        outputs.put(NOT_ENTERED_CSV, csv(NOT_ENTERED_COLUMNS, w -> {
            for (NotEntered n : night.notEntered()) {
                w.row(List.of(n.lead(), n.plan(), n.reason()));
            }
        }));
        List<Message> toFile = new ArrayList<>();
        for (Outgoing o : night.outgoing()) {
            if (o.file()) {
                toFile.add(o.message());
            }
        }
        toFile.sort(JsonlFile.ORDER);
        java.io.StringWriter jsonl = new java.io.StringWriter();
        for (Message m : toFile) {
            JsonlFile.line(jsonl, m, null);
        }
        outputs.put(MESSAGES_JSONL, jsonl.toString());
        List<String> summaryColumns = summaryColumns();
        outputs.put(SUMMARY_CSV, csv(summaryColumns, w -> {
            for (Compiled c : compiled) {
                PlanCounts n = night.counts().get(c.plan().name());
                List<String> row = new ArrayList<>(List.of(c.plan().name(), Long.toString(n.audience),
                        Long.toString(n.forced), Long.toString(n.treated), Long.toString(n.control),
                        Long.toString(n.alreadyIn), Long.toString(n.taken)));
                NOT_ENTERED_REASONS.forEach(r -> row.add(Long.toString(n.notEntered.getOrDefault(r, 0L))));
                row.add(Long.toString(n.sent));
                SKIP_REASONS.forEach(r -> row.add(Long.toString(n.skipped.getOrDefault(r, 0L))));
                END_OUTCOMES.forEach(r -> row.add(Long.toString(n.ended.getOrDefault(r, 0L))));
                w.row(row);
            }
        }));
        return outputs;
    }

    static List<String> summaryColumns() {
        List<String> cols = new ArrayList<>(List.of("plan", "audience", "forced", "treated", "control", "already_in",
                "taken"));
        NOT_ENTERED_REASONS.forEach(r -> cols.add("not_entered_" + r.replace('-', '_')));
        cols.add("sent");
        SKIP_REASONS.forEach(r -> cols.add("skipped_" + r.replace('-', '_')));
        END_OUTCOMES.forEach(r -> cols.add("ended_" + r.replace('-', '_')));
        return cols;
    }

    private static Outcome write(ActivationStore store, Outbox outbox, Path out, long asOf, boolean resumed, ZoneId zone,
            Delivery delivery) throws IOException {
        List<Path> members = List.of(out.resolve(ENTRIES_CSV), out.resolve(ACTIVATIONS_CSV), out.resolve(NOT_ENTERED_CSV),
                out.resolve(JOURNEYS_CSV), out.resolve(MESSAGES_JSONL), out.resolve(SUMMARY_CSV),
                out.resolve(DeadLetterFile.NAME), out.resolve(DELIVERY_CSV));
        try (OutputSet set = OutputSet.of(members)) {
            set.writeText(out.resolve(DELIVERY_CSV), w -> w.write(csv(List.of("pending_before", "sent", "dead", "retries",
                    "sent_so_far", "dead_so_far"), c -> c.row(List.of(Integer.toString(delivery.pendingBefore()),
                    Integer.toString(delivery.sent()), Integer.toString(delivery.dead()),
                    Integer.toString(delivery.retries()), Integer.toString(outbox.sentCount()),
                    Integer.toString(outbox.deadCount()))))));
            DeadLetterFile.write(set, out.resolve(DeadLetterFile.NAME), outbox.deadLetters());
            set.writeText(out.resolve(ENTRIES_CSV), w -> w.write(csv(ENTRY_COLUMNS, c -> {
                for (List<String> e : store.entries()) {
                    c.row(e);
                }
            })));
            set.writeText(out.resolve(JOURNEYS_CSV), w -> w.write(csv(JOURNEY_COLUMNS, c -> {
                List<Journey> all = new ArrayList<>();
                store.journeys().values().forEach(v -> all.add(Journey.decode(v)));
                all.sort((a, b) -> a.lead().equals(b.lead()) ? a.plan().compareTo(b.plan()) : a.lead().compareTo(b.lead()));
                for (Journey j : all) {
                    c.row(List.of(j.lead(), j.plan(), j.control() ? "control" : "treated", Integer.toString(j.bucket()),
                            ActivationNight.iso(j.enteredAt(), zone), j.active() ? "active" : "ended",
                            Integer.toString(j.nextStep()), ActivationNight.iso(j.lastAt(), zone),
                            j.active() ? "" : ActivationNight.iso(j.endedAt(), zone), j.outcome(),
                            String.join(";", j.tags())));
                }
            })));
            for (String name : List.of(ACTIVATIONS_CSV, NOT_ENTERED_CSV, MESSAGES_JSONL, SUMMARY_CSV)) {
                String text = store.nightOutput(name).orElse("");
                set.writeText(out.resolve(name), w -> w.write(text));
            }
            set.commit();
            List<PlanOutcome> plans = parseSummary(store.nightOutput(SUMMARY_CSV).orElse(""));
            long messages = plans.stream().mapToLong(PlanOutcome::sent).sum();
            return new Outcome(asOf, resumed, plans, messages, delivery, members);
        }
    }

    private static List<PlanOutcome> parseSummary(String csv) {
        List<PlanOutcome> out = new ArrayList<>();
        List<String> lines = csv.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            int k = 0;
            String plan = f[k++];
            long audience = Long.parseLong(f[k++]);
            long forced = Long.parseLong(f[k++]);
            long treated = Long.parseLong(f[k++]);
            long control = Long.parseLong(f[k++]);
            long alreadyIn = Long.parseLong(f[k++]);
            long taken = Long.parseLong(f[k++]);
            Map<String, Long> notEntered = new LinkedHashMap<>();
            for (String r : NOT_ENTERED_REASONS) {
                notEntered.put(r, Long.parseLong(f[k++]));
            }
            long sent = Long.parseLong(f[k++]);
            Map<String, Long> skipped = new LinkedHashMap<>();
            for (String r : SKIP_REASONS) {
                skipped.put(r, Long.parseLong(f[k++]));
            }
            Map<String, Long> ended = new LinkedHashMap<>();
            for (String r : END_OUTCOMES) {
                ended.put(r, Long.parseLong(f[k++]));
            }
            out.add(new PlanOutcome(plan, audience, forced, treated, control, alreadyIn, taken, notEntered, sent, skipped,
                    ended));
        }
        return out;
    }

    interface Rows {
        void write(CsvByteWriter w) throws IOException;
    }

    static String csv(List<String> header, Rows rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvByteWriter w = new CsvByteWriter(bytes);
        w.row(header);
        rows.write(w);
        w.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Reads the do-not-disturb list. */
    static final class DoNotDisturb {
        private DoNotDisturb() {
        }

        static boolean[] read(Path file, LeadTable leads, long asOf, InputFormat format) {
            boolean[] out = new boolean[leads.size()];
            try (CsvRows rows = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8)) {
                List<String> header = rows.header();
                int id = header.indexOf(LeadTable.ID);
                int until = header.indexOf("until");
                if (id < 0) {
                    throw new InputDataException(file.toString(), 1, null, "no 'lead_id' column; the do-not-disturb list"
                            + " is lead_id[, until]");
                }
                while (rows.next()) {
                    if (rows.fieldCount() != header.size()) {
                        throw new InputDataException(file.toString(), rows.line(), null, "expected " + header.size()
                                + " fields as in the header, found " + rows.fieldCount());
                    }
                    int lead = leads.indexOf(rows.field(id));
                    if (lead < 0) {
                        continue; // a list kept across systems names leads this file does not have: harmless
                    }
                    if (until >= 0 && !rows.field(until).isEmpty()) {
                        long u = format.timestamps().parse(rows.field(until));
                        if (u == dev.scorecard.crm.events.Timestamps.INVALID) {
                            throw new InputDataException(file.toString(), rows.line(), "until", "'" + rows.field(until)
                                    + "' is not a time; write 2026-12-31 or 2026-12-31T18:00:00+08:00");
                        }
                        if (u <= asOf) {
                            continue;
                        }
                    }
                    out[lead] = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
    }
}
