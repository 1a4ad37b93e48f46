package dev.scorecard.crm.activate;

import dev.scorecard.crm.activate.PlansSpec.Plan;
import dev.scorecard.crm.activate.PlansSpec.Response;
import dev.scorecard.crm.activate.PlansSpec.Step;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.spec.Expr;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One night's decisions, as of an instant: first every journey under way moves on (responses tag or
 * stop it, a step whose wait is over is sent or skipped, a journey past its last step ends and may
 * lead into another plan), then each plan, most important first, takes the leads of its audience that
 * are free (not in it, nor in a more important plan, not entered tonight, past the re-entry wait, not
 * on the do-not-disturb list, not within a sale lock), ranked by {@code score100} within its limits;
 * each is control or treated by its stable bucket, and a treated lead's first step is sent at once when
 * it has no wait. Pure: the same journeys and inputs give the same decisions. Not thread-safe.
 */
final class ActivationNight {
    private static final long DAY = 86_400_000L;

    /** A plan with its conditions compiled. */
    record Compiled(Plan plan, Expr audience, Expr[] when, PayloadTemplate payload, int[] payloadColumns,
            int teamColumn, int[] responseCodes) {
    }

    /** What the night decided about one step of one journey. */
    record StepRow(String lead, String plan, String step, String channel, boolean sent, String reason, long sendAt,
            String key) {
    }

    /** A lead of an audience that did not enter, and why. */
    record NotEntered(String lead, String plan, String reason) {
    }

    /** A message and where it goes. */
    record Outgoing(Message message, boolean file, boolean webhook, long sendAt, String channel) {
    }

    /** A plan's counts for the night; they add up: audience = entered + not entered + already in + taken. */
    static final class PlanCounts {
        long audience;
        long treated;
        long control;
        long alreadyIn;
        long taken;
        final Map<String, Long> notEntered = new TreeMap<>();
        long forced;
        long sent;
        final Map<String, Long> skipped = new TreeMap<>();
        final Map<String, Long> ended = new TreeMap<>();
    }

    private final List<Compiled> plans;
    private final Map<String, Compiled> byName = new HashMap<>();
    private final LeadTable leads;
    private final LeadColumns columns;
    private final List<LeadScope.Binding> bindings;
    private final int[] bindingColumn;
    private final LeadTable.AttributeColumn[] bindingAttribute;
    private final EventTable events;
    private final int[][] eventsByLead; // EventTable.byLead: starts, order
    private final Map<String, Integer> typeCodes;
    private final boolean[] dnd;
    private final long asOf;
    private final ZoneId zone;
    private final ZoneId[] leadZones;
    private final int gradeColumn;
    private final int scoreColumn;
    private final int tagsColumn;
    private final Map<String, String> previousGrades;

    // Tonight's state and decisions.
    private final Map<String, Journey> journeys;
    private final Map<String, List<String>> journeyKeysByLead = new HashMap<>();
    private final Set<String> enteredTonight = new HashSet<>();
    private final List<StepRow> steps = new ArrayList<>();
    private final List<NotEntered> notEntered = new ArrayList<>();
    private final List<List<String>> entries = new ArrayList<>();
    private final List<Outgoing> outgoing = new ArrayList<>();
    private final Map<String, PlanCounts> counts = new LinkedHashMap<>();
    private final Map<String, Journey> changed = new TreeMap<>();
    private final Env env = new Env();

    ActivationNight(List<Compiled> plans, LeadTable leads, LeadColumns columns, LeadScope scope, EventTable events,
            int[][] eventsByLead, Map<String, Integer> typeCodes, boolean[] dnd, long asOf, ZoneId zone,
            ZoneId[] leadZones, Map<String, String> previousGrades, java.util.SortedMap<String, Journey> journeys) {
        this.plans = plans;
        for (Compiled c : plans) {
            byName.put(c.plan().name(), c);
            counts.put(c.plan().name(), new PlanCounts());
        }
        this.leads = leads;
        this.columns = columns;
        this.bindings = scope.bindings();
        this.bindingColumn = new int[bindings.size()];
        this.bindingAttribute = new LeadTable.AttributeColumn[bindings.size()];
        for (int i = 0; i < bindings.size(); i++) {
            LeadScope.Binding b = bindings.get(i);
            bindingColumn[i] = b.kind() == LeadScope.Kind.COLUMN ? columns.column(b.arg()) : -1;
            bindingAttribute[i] = b.kind() == LeadScope.Kind.ATTRIBUTE ? leads.attribute(b.arg()).orElseThrow() : null;
        }
        this.events = events;
        this.eventsByLead = eventsByLead;
        this.typeCodes = typeCodes;
        this.dnd = dnd;
        this.asOf = asOf;
        this.zone = zone;
        this.leadZones = leadZones;
        this.gradeColumn = columns.column("grade");
        this.scoreColumn = columns.column("score100");
        this.tagsColumn = columns.column("tags");
        this.previousGrades = previousGrades;
        this.journeys = journeys;
        for (Journey j : journeys.values()) {
            journeyKeysByLead.computeIfAbsent(j.lead(), k -> new ArrayList<>()).add(j.key());
        }
    }

    /** Decides the night. */
    void run() {
        Map<String, List<Integer>> forced = new LinkedHashMap<>();
        // Journeys under way, most important plan first, each plan's in lead order (the map's keys are
        // plan, then lead).
        Map<String, List<Journey>> active = new HashMap<>();
        for (Journey j : journeys.values()) {
            if (j.active()) {
                active.computeIfAbsent(j.plan(), k -> new ArrayList<>()).add(j);
            }
        }
        for (Compiled c : plans) {
            for (Journey j : active.getOrDefault(c.plan().name(), List.of())) {
                int lead = leads.indexOf(j.lead());
                Journey after = lead < 0 ? j.end(asOf, "lead-gone") : advance(c, j, lead);
                if (!after.active() && after.outcome().equals("completed") && c.plan().end().then().isPresent()) {
                    forced.computeIfAbsent(c.plan().end().then().get(), k -> new ArrayList<>()).add(lead);
                }
                put(after);
            }
        }
        // New entries.
        for (Compiled c : plans) {
            enter(c, forced.getOrDefault(c.plan().name(), List.of()));
        }
    }

    private Journey advance(Compiled c, Journey j, int lead) {
        PlanCounts n = counts.get(c.plan().name());
        if (j.control()) {
            if (asOf >= j.enteredAt() + c.plan().holdDays() * DAY) {
                return ended(n, j.end(asOf, "held-out"));
            }
            return j;
        }
        for (int r = 0; r < c.plan().responses().size(); r++) {
            Response resp = c.plan().responses().get(r);
            if (c.responseCodes()[r] >= 0 && countSince(lead, c.responseCodes()[r], j.enteredAt()) > 0) {
                if (resp.tag().isPresent()) {
                    j = j.tag(resp.tag().get());
                }
                if (resp.stop()) {
                    return ended(n, j.end(asOf, "responded:" + resp.event()));
                }
            }
        }
        List<Step> plan = c.plan().steps();
        if (j.nextStep() < plan.size()) {
            Step s = plan.get(j.nextStep());
            if (j.lastAt() + s.afterDays() * DAY <= asOf) {
                doStep(c, j, lead, j.nextStep(), n);
                j = j.step(asOf);
            }
        }
        if (j.nextStep() == plan.size() && j.lastAt() + c.plan().end().afterDays() * DAY <= asOf) {
            if (c.plan().end().tag().isPresent()) {
                j = j.tag(c.plan().end().tag().get());
            }
            return ended(n, j.end(asOf, "completed"));
        }
        return j;
    }

    private Journey ended(PlanCounts n, Journey j) {
        n.ended.merge(j.outcome().replaceFirst(":.*", ""), 1L, Long::sum);
        return j;
    }

    private void doStep(Compiled c, Journey j, int lead, int k, PlanCounts n) {
        Step s = c.plan().steps().get(k);
        String reason = "";
        if (c.when()[k] != null) {
            env.at(lead, j);
            if (!c.when()[k].test(env)) {
                reason = "condition";
            }
        }
        if (reason.isEmpty()) {
            reason = blocked(c.plan(), lead);
        }
        if (!reason.isEmpty()) {
            n.skipped.merge(reason, 1L, Long::sum);
            steps.add(new StepRow(j.lead(), c.plan().name(), s.name(), s.channel(), false, reason, Long.MIN_VALUE, ""));
            return;
        }
        long sendAt = sendAt(c.plan(), lead);
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(asOf), zone).toString();
        String key = Message.key(j.lead(), c.plan().name(), s.name(), day);
        String body = c.payload().render(i -> placeholder(c, i, lead, s, sendAt));
        outgoing.add(new Outgoing(new Message(key, j.lead(), c.plan().name(), s.name(), day, body), c.plan().file(),
                c.plan().webhook().isPresent(), sendAt, s.channel()));
        n.sent++;
        steps.add(new StepRow(j.lead(), c.plan().name(), s.name(), s.channel(), true, "", sendAt, key));
    }

    private String placeholder(Compiled c, int i, int lead, Step s, long sendAt) {
        int col = c.payloadColumns()[i];
        if (col >= 0) {
            return columns.json(col, lead);
        }
        return switch (c.payload().names().get(i)) {
            case "lead_id" -> PayloadTemplate.string(leads.id(lead));
            case "plan" -> PayloadTemplate.string(c.plan().name());
            case "step" -> PayloadTemplate.string(s.name());
            case "channel" -> PayloadTemplate.string(s.channel());
            case "send_at" -> PayloadTemplate.string(iso(sendAt, leadZone(lead)));
            default -> throw new IllegalStateException("placeholder " + c.payload().names().get(i) + " not resolved");
        };
    }

    /** @return why the plan may not contact the lead now, or empty */
    private String blocked(Plan p, int lead) {
        if (dnd[lead]) {
            return "do-not-disturb";
        }
        if (p.saleLockDays() > 0) {
            long sale = leads.convertedAt(lead);
            if (sale != LeadTable.NO_TIME && sale <= asOf && asOf - sale < p.saleLockDays() * DAY) {
                return "sale-lock";
            }
        }
        return "";
    }

    /** @return the as-of, or the end of the plan's quiet hours in the lead's zone when it falls in them */
    private long sendAt(Plan p, int lead) {
        if (p.quiet().isEmpty()) {
            return asOf;
        }
        ZonedDateTime t = Instant.ofEpochMilli(asOf).atZone(leadZone(lead));
        LocalTime local = t.toLocalTime();
        if (!p.quiet().get().quiet(local)) {
            return asOf;
        }
        LocalTime to = p.quiet().get().to();
        LocalDate day = local.isBefore(to) ? t.toLocalDate() : t.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, to, t.getZone()).toInstant().toEpochMilli();
    }

    private ZoneId leadZone(int lead) {
        ZoneId z = leadZones == null ? null : leadZones[lead];
        return z == null ? zone : z;
    }

    private void enter(Compiled c, List<Integer> forced) {
        Plan p = c.plan();
        PlanCounts n = counts.get(p.name());
        List<Integer> ranked = new ArrayList<>();
        Set<Integer> forcedSet = new HashSet<>(forced);
        for (int lead : forced) {
            n.forced++;
            String why = free(p, lead);
            if (why == null) {
                enterOne(c, lead, n);
            } else if (!why.isEmpty()) {
                notEntered.add(new NotEntered(leads.id(lead), p.name(), why));
                n.notEntered.merge(why, 1L, Long::sum);
            }
        }
        for (int lead = 0; lead < leads.size(); lead++) {
            if (!columns.candidate(lead) || forcedSet.contains(lead)) {
                continue;
            }
            env.at(lead, null);
            if (!c.audience().test(env)) {
                continue;
            }
            n.audience++;
            String why = free(p, lead);
            if (why == null) {
                ranked.add(lead);
            } else if (why.isEmpty()) {
                continue; // counted by free
            } else {
                notEntered.add(new NotEntered(leads.id(lead), p.name(), why));
                n.notEntered.merge(why, 1L, Long::sum);
            }
        }
        ranked.sort((a, b) -> {
            int byScore = Double.compare(score(b), score(a));
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        Map<String, Integer> perTeam = new HashMap<>();
        int taken = 0;
        for (int lead : ranked) {
            if (p.perDay() > 0 && taken >= p.perDay()) {
                notEntered.add(new NotEntered(leads.id(lead), p.name(), "over-limit"));
                n.notEntered.merge("over-limit", 1L, Long::sum);
                continue;
            }
            if (c.teamColumn() >= 0) {
                String team = columns.value(c.teamColumn(), lead);
                int had = perTeam.getOrDefault(team, 0);
                if (had >= p.perTeam()) {
                    notEntered.add(new NotEntered(leads.id(lead), p.name(), "over-team-limit"));
                    n.notEntered.merge("over-team-limit", 1L, Long::sum);
                    continue;
                }
                perTeam.put(team, had + 1);
            }
            taken++;
            enterOne(c, lead, n);
        }
    }

    /**
     * @return null when the lead may enter the plan; empty when it is already in it or taken (counted
     *     here); else the reason it may not
     */
    private String free(Plan p, int lead) {
        String id = leads.id(lead);
        PlanCounts n = counts.get(p.name());
        if (enteredTonight.contains(id)) {
            n.taken++;
            return "";
        }
        for (String key : journeyKeysByLead.getOrDefault(id, List.of())) {
            Journey j = journeys.get(key);
            if (j.active() && j.plan().equals(p.name())) {
                n.alreadyIn++;
                return "";
            }
            if (j.active() && byName.get(j.plan()).plan().priority() < p.priority()) {
                n.taken++;
                return "";
            }
        }
        Journey before = journeys.get(Journey.key(p.name(), id));
        if (before != null && asOf - before.enteredAt() < p.reenterDays() * DAY) {
            return "reenter-wait";
        }
        String blocked = blocked(p, lead);
        return blocked.isEmpty() ? null : blocked;
    }

    private double score(int lead) {
        if (scoreColumn < 0) {
            return 0;
        }
        double v = dev.scorecard.core.internal.StrictNumberParser.parse(columns.value(scoreColumn, lead));
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private void enterOne(Compiled c, int lead, PlanCounts n) {
        Plan p = c.plan();
        String id = leads.id(lead);
        enteredTonight.add(id);
        for (String key : new ArrayList<>(journeyKeysByLead.getOrDefault(id, List.of()))) {
            Journey j = journeys.get(key);
            if (j.active() && byName.get(j.plan()).plan().priority() > p.priority()) {
                put(ended(counts.get(j.plan()), j.end(asOf, "preempted:" + p.name())));
            }
        }
        int bucket = Buckets.of(id, p.name());
        boolean control = bucket < p.controlBuckets();
        if (control) {
            n.control++;
        } else {
            n.treated++;
        }
        entries.add(List.of(id, p.name(), control ? "control" : "treated", Integer.toString(bucket), iso(asOf, zone),
                gradeColumn < 0 ? "" : columns.value(gradeColumn, lead),
                scoreColumn < 0 ? "" : columns.value(scoreColumn, lead)));
        Journey j = new Journey(p.name(), id, control, bucket, asOf, 0, asOf, Long.MIN_VALUE, "", List.of());
        if (!control) {
            j = advance(c, j, lead);
        }
        put(j);
    }

    private void put(Journey j) {
        if (!journeys.containsKey(j.key())) {
            journeyKeysByLead.computeIfAbsent(j.lead(), k -> new ArrayList<>()).add(j.key());
        }
        journeys.put(j.key(), j);
        changed.put(j.key(), j);
    }

    private int countSince(int lead, int code, long since) {
        if (events == null) {
            return 0;
        }
        int k = 0;
        int[] starts = eventsByLead[0];
        int[] order = eventsByLead[1];
        for (int i = starts[lead]; i < starts[lead + 1]; i++) {
            int e = order[i];
            long t = events.time(e);
            if (t > since && t <= asOf && (code == Integer.MAX_VALUE || events.type(e) == code)) {
                k++;
            }
        }
        return k;
    }

    static String iso(long millis, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** @return the journeys that changed tonight, by key */
    Map<String, Journey> changed() {
        return changed;
    }

    List<StepRow> steps() {
        return steps;
    }

    List<NotEntered> notEntered() {
        return notEntered;
    }

    List<List<String>> entries() {
        return entries;
    }

    List<Outgoing> outgoing() {
        return outgoing;
    }

    Map<String, PlanCounts> counts() {
        return counts;
    }

    /** Answers the conditions' names for one lead (and, in a step, its journey). */
    private final class Env implements Expr.Env {
        private int lead;
        private Journey journey;

        void at(int lead, Journey journey) {
            this.lead = lead;
            this.journey = journey;
        }

        @Override
        public double number(int id) {
            LeadScope.Binding b = bindings.get(id);
            return switch (b.kind()) {
                case REGISTERED_DAYS -> {
                    long created = leads.createdAt(lead);
                    yield created == LeadTable.NO_TIME ? Double.NaN : Math.floorDiv(asOf - created, DAY);
                }
                case RESPONSES -> {
                    Integer code = b.arg().equals(LeadScope.ANY) ? Integer.valueOf(Integer.MAX_VALUE)
                            : typeCodes.get(b.arg());
                    yield code == null ? 0 : countSince(lead, code, journey.enteredAt());
                }
                default -> throw new IllegalStateException(b + " is not a number");
            };
        }

        @Override
        public String text(int id) {
            LeadScope.Binding b = bindings.get(id);
            return switch (b.kind()) {
                case COLUMN -> columns.value(bindingColumn[id], lead);
                case ATTRIBUTE -> bindingAttribute[id].value(lead);
                case PREVIOUS_GRADE -> previousGrades.getOrDefault(leads.id(lead), "");
                default -> throw new IllegalStateException(b + " is not text");
            };
        }

        @Override
        public boolean flag(int id) {
            LeadScope.Binding b = bindings.get(id);
            String lid = leads.id(lead);
            return switch (b.kind()) {
                case TAG -> {
                    if (tagsColumn >= 0 && Arrays.asList(columns.value(tagsColumn, lead).split(";")).contains(b.arg())) {
                        yield true;
                    }
                    for (String key : journeyKeysByLead.getOrDefault(lid, List.of())) {
                        if (journeys.get(key).tags().contains(b.arg())) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case IN_PLAN -> {
                    Journey j = journeys.get(Journey.key(b.arg(), lid));
                    yield j != null && j.active();
                }
                default -> throw new IllegalStateException(b + " is not a condition");
            };
        }
    }
}
