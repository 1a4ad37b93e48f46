package dev.scorecard.crm.routing;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code scorecard allocate}: assigns scored leads to agents so that the expected conversions are
 * as high as they can be ({@link Allocator}, exact), within each agent's capacity, the leads'
 * skill, team, language and shift requirements and a floor of top-grade leads per agent, with each
 * agent's rate per grade estimated from its history ({@link Rates}). Writes the assignment, the
 * unassigned leads with their reasons, the agents' loads and a summary that compares the expected
 * conversions with round robin and greedy best-first, all in one output set.
 */
public final class AllocateWorkflow {
    /** The assignment: lead_id, agent_id, expected. */
    public static final String ASSIGNMENT_CSV = "assignment.csv";
    /** The leads not assigned: lead_id, grade, reason. */
    public static final String UNASSIGNED_CSV = "unassigned.csv";
    /** Per agent its load and floor. */
    public static final String AGENTS_CSV = "agents.csv";
    /** The counts and the expected conversions of the three assignments. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** Rejected lead rows. */
    public static final String LEAD_REJECTS_CSV = "lead-rejects.csv";
    /** Rejected history rows. */
    public static final String HISTORY_REJECTS_CSV = "history-rejects.csv";
    /** Why a lead was not assigned: no agent with room may take it. */
    public static final String NO_ELIGIBLE_AGENT = "no eligible agent";
    /** Why a lead was not assigned: the agents that may take it are full. */
    public static final String CAPACITY = "eligible agents at capacity";

    /**
     * @param leads the scored leads: lead_id, grade[, score100, skill, team, language, shift]
     * @param agents the agents: agent_id, capacity[, team, skills, languages, shift]; shift may list several
     * @param history past outcomes: agent_id, grade, converted, if any
     * @param out where the outputs go: a folder that receives {@value #ASSIGNMENT_CSV} and the other
     *     files by their names, or a file ending in {@code .csv} that is the assignment, with the others
     *     beside it named after it ({@code assignment.csv} → {@code assignment.unassigned.csv}, …)
     * @param options grades, shrinkage, floor
     * @param format the files' delimiter and encoding
     * @param maxRejectShare the run fails when the leads or the history have more rejected rows than this share
     */
    public record Request(Path leads, Path agents, Optional<Path> history, Path out, AllocationOptions options,
            InputFormat format, double maxRejectShare) {
        /** Checks. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(format, "format");
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(file(ASSIGNMENT_CSV), file(UNASSIGNED_CSV), file(AGENTS_CSV), file(SUMMARY_CSV),
                    file(LEAD_REJECTS_CSV), file(HISTORY_REJECTS_CSV));
        }

        /**
         * @param name one of the file names, e.g. {@value #SUMMARY_CSV}
         * @return where that output goes
         */
        public Path file(String name) {
            String last = out.getFileName() == null ? "" : out.getFileName().toString();
            if (!last.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                return out.resolve(name);
            }
            if (name.equals(ASSIGNMENT_CSV)) {
                return out;
            }
            return out.resolveSibling(last.substring(0, last.length() - 4) + "." + name);
        }
    }

    /**
     * @param leadsRead lead rows read
     * @param leadsRejected lead rows rejected; {@code leadsRead = assigned + unassigned + leadsRejected}
     * @param assigned leads assigned
     * @param noEligibleAgent leads no agent with room may take
     * @param atCapacity leads whose eligible agents are full
     * @param agents agents read
     * @param capacity their capacities' sum
     * @param idleAgents agents with capacity 0, who take no leads
     * @param historyRead history rows read
     * @param historyRejected history rows rejected
     * @param expected expected conversions of the assignment
     * @param expectedWithoutFloor of the optimal assignment without the top-grade floor
     * @param expectedGreedy of greedy best-first, which knows no floor
     * @param expectedRoundRobin of round robin, which knows no floor
     * @param floorRequired top-grade leads the agents' floors ask for in all
     * @param floorMet of those, given
     * @param written the files written
     */
    public record Outcome(long leadsRead, long leadsRejected, long assigned, long noEligibleAgent, long atCapacity,
            int agents, long capacity, int idleAgents, long historyRead, long historyRejected, double expected,
            double expectedWithoutFloor, double expectedGreedy, double expectedRoundRobin, long floorRequired, long floorMet, List<Path> written) {
        /** @return the leads not assigned */
        public long unassigned() {
            return noEligibleAgent + atCapacity;
        }
    }

    private AllocateWorkflow() {
    }

    /**
     * @param request what to allocate
     * @return the counts and the files written
     * @throws InputDataException for a bad agents file (naming file and line), or too many rejected rows
     */
    public static Outcome run(Request request) {
        AllocationOptions opt = request.options();
        AgentTable agents = AgentTable.read(request.agents(), request.format());
        try (OutputSet set = OutputSet.of(request.members())) {
            Leads leads = readLeads(request, set, request.file(LEAD_REJECTS_CSV));
            History history = request.history().isPresent()
                    ? readHistory(request, request.history().get(), agents, set, request.file(HISTORY_REJECTS_CSV))
                    : new History(new int[0], new int[0], new boolean[0], 0, 0);
            double[][] rate = Rates.estimate(agents.team, agents.teams, opt.grades().size(), history.agent,
                    history.grade, history.converted, opt.shrinkage());
            boolean[][] eligible = new boolean[leads.signatures.size()][];
            for (int s = 0; s < eligible.length; s++) {
                eligible[s] = agents.eligible(leads.signatures.get(s));
            }
            int[] floor = Instance.floors(agents.capacity, opt.minTopShare());
            Instance in = new Instance(leads.grade, leads.signature, Instance.order(leads.score, leads.id), eligible,
                    agents.capacity, floor, rate);
            int[] best = Allocator.optimal(in);
            double expected = Allocator.expected(in, best);
            // The baselines know no floor; the optimum without it shows what the floor costs.
            double unfloored = opt.minTopShare() == 0 ? expected : Allocator.expected(in, Allocator.optimal(
                    new Instance(in.grade, in.signature, in.order, eligible, agents.capacity, new int[in.agents()],
                            rate)));
            double greedy = Allocator.expected(in, Allocator.greedy(in));
            double roundRobin = Allocator.expected(in, Allocator.roundRobin(in));
            long[] counts = new long[3]; // assigned, no eligible agent, at capacity
            set.write(request.file(ASSIGNMENT_CSV), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                w.row(List.of("lead_id", "agent_id", "expected"));
                for (int i = 0; i < in.leads(); i++) {
                    if (best[i] >= 0) {
                        counts[0]++;
                        w.field(leads.id[i]);
                        w.comma();
                        w.field(agents.id[best[i]]);
                        w.comma();
                        w.probability(rate[best[i]][leads.grade[i]]);
                        w.endRow();
                    }
                }
                w.flush();
            });
            set.write(request.file(UNASSIGNED_CSV), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                w.row(List.of("lead_id", "grade", "reason"));
                for (int i = 0; i < in.leads(); i++) {
                    if (best[i] < 0) {
                        boolean any = false;
                        for (int a = 0; a < in.agents() && !any; a++) {
                            any = eligible[leads.signature[i]][a] && agents.capacity[a] > 0;
                        }
                        counts[any ? 2 : 1]++;
                        w.row(List.of(leads.id[i], opt.grades().get(leads.grade[i]),
                                any ? CAPACITY : NO_ELIGIBLE_AGENT));
                    }
                }
                w.flush();
            });
            long[] floorTotals = new long[2];
            set.write(request.file(AGENTS_CSV), stream -> {
                int[] load = new int[in.agents()];
                int[] top = new int[in.agents()];
                double[] sum = new double[in.agents()];
                for (int i : in.order) {
                    int a = best[i];
                    if (a >= 0) {
                        load[a]++;
                        top[a] += leads.grade[i] == 0 ? 1 : 0;
                        sum[a] += rate[a][leads.grade[i]];
                    }
                }
                CsvByteWriter w = new CsvByteWriter(stream);
                w.row(List.of("agent_id", "capacity", "assigned", "top_assigned", "top_floor", "floor_shortfall",
                        "expected"));
                for (int a = 0; a < in.agents(); a++) {
                    int shortfall = Math.max(0, floor[a] - top[a]);
                    floorTotals[0] += floor[a];
                    floorTotals[1] += floor[a] - shortfall;
                    w.field(agents.id[a]);
                    w.comma();
                    w.number(agents.capacity[a]);
                    w.comma();
                    w.number(load[a]);
                    w.comma();
                    w.number(top[a]);
                    w.comma();
                    w.number(floor[a]);
                    w.comma();
                    w.number(shortfall);
                    w.comma();
                    w.number(round6(sum[a]));
                    w.endRow();
                }
                w.flush();
            });
            long capacity = Arrays.stream(agents.capacity).asLongStream().sum();
            Outcome o = new Outcome(leads.read, leads.rejected, counts[0], counts[1], counts[2], in.agents(), capacity,
                    (int) Arrays.stream(agents.capacity).filter(c -> c == 0).count(), history.read, history.rejected,
                    expected, unfloored, greedy, roundRobin, floorTotals[0], floorTotals[1],
                    List.of(request.file(ASSIGNMENT_CSV), request.file(UNASSIGNED_CSV), request.file(AGENTS_CSV),
                            request.file(SUMMARY_CSV)));
            set.write(request.file(SUMMARY_CSV), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                w.row(List.of("metric", "value"));
                Map<String, Double> rows = new LinkedHashMap<>();
                rows.put("leads_read", (double) o.leadsRead());
                rows.put("leads_rejected", (double) o.leadsRejected());
                rows.put("assigned", (double) o.assigned());
                rows.put("unassigned_no_eligible_agent", (double) o.noEligibleAgent());
                rows.put("unassigned_at_capacity", (double) o.atCapacity());
                rows.put("agents", (double) o.agents());
                rows.put("capacity", (double) o.capacity());
                rows.put("agents_without_capacity", (double) o.idleAgents());
                rows.put("history_read", (double) o.historyRead());
                rows.put("history_rejected", (double) o.historyRejected());
                rows.put("shrinkage", opt.shrinkage());
                rows.put("min_top_share", opt.minTopShare());
                rows.put("top_floor_required", (double) o.floorRequired());
                rows.put("top_floor_met", (double) o.floorMet());
                rows.put("expected_optimal", round6(o.expected()));
                rows.put("expected_optimal_without_floor", round6(o.expectedWithoutFloor()));
                rows.put("expected_greedy", round6(o.expectedGreedy()));
                rows.put("expected_round_robin", round6(o.expectedRoundRobin()));
                for (Map.Entry<String, Double> e : rows.entrySet()) {
                    w.field(e.getKey());
                    w.comma();
                    w.number(e.getValue());
                    w.endRow();
                }
                w.flush();
            });
            set.commit();
            List<Path> written = new ArrayList<>(o.written());
            if (leads.rejected > 0) {
                written.add(request.file(LEAD_REJECTS_CSV));
            }
            if (history.rejected > 0) {
                written.add(request.file(HISTORY_REJECTS_CSV));
            }
            return new Outcome(o.leadsRead(), o.leadsRejected(), o.assigned(), o.noEligibleAgent(), o.atCapacity(),
                    o.agents(), o.capacity(), o.idleAgents(), o.historyRead(), o.historyRejected(), o.expected(),
                    o.expectedWithoutFloor(), o.expectedGreedy(), o.expectedRoundRobin(), o.floorRequired(),
                    o.floorMet(), List.copyOf(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sums are shown to 1e-6, so that the last bits of a long sum never show. */
    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** The leads as read, in arrays. */
    private record Leads(String[] id, int[] grade, double[] score, int[] signature, List<Requirement> signatures,
            long read, long rejected) {
    }

    /** A lead's requirements; an empty string asks for nothing. */
    record Requirement(String skill, String team, String language, String shift) {
    }

    private record History(int[] agent, int[] grade, boolean[] converted, long read, long rejected) {
    }

    private static Leads readLeads(Request request, OutputSet set, Path rejectsFile) {
        Path file = request.leads();
        List<String> grades = request.options().grades();
        try (CsvRows rows = CsvRows.open(file, request.format().delimiter(), request.format().encoding())) {
            List<String> header = rows.header();
            int idCol = required(file, rows, header, "lead_id");
            int gradeCol = required(file, rows, header, "grade");
            int scoreCol = header.indexOf("score100");
            int skillCol = header.indexOf("skill");
            int teamCol = header.indexOf("team");
            int langCol = header.indexOf("language");
            int shiftCol = header.indexOf("shift");
            List<String> ids = new ArrayList<>();
            int[] grade = new int[1024];
            double[] score = new double[1024];
            int[] sig = new int[1024];
            Map<Requirement, Integer> sigs = new LinkedHashMap<>();
            Map<String, Long> lineOf = new HashMap<>();
            long read = 0;
            long rejected;
            try (RejectsStream rejects = new RejectsStream(set, rejectsFile, header)) {
                while (rows.next()) {
                    read++;
                    String reason = null;
                    String id = null;
                    int g = -1;
                    double s = Double.NaN;
                    if (rows.undecodable().isPresent()) {
                        reason = rows.undecodable().get();
                    } else if (rows.fieldCount() != header.size()) {
                        reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                    } else {
                        id = rows.field(idCol);
                        g = grades.indexOf(rows.field(gradeCol));
                        String st = scoreCol < 0 ? "" : rows.field(scoreCol);
                        s = st.isEmpty() ? Double.NaN : StrictNumberParser.parse(st);
                        if (id.isEmpty()) {
                            reason = "column 'lead_id': empty";
                        } else if (lineOf.containsKey(id)) {
                            reason = "lead '" + id + "' is already on line " + lineOf.get(id);
                        } else if (g < 0) {
                            reason = "column 'grade': '" + rows.field(gradeCol) + "' is not one of --grades "
                                    + String.join(",", grades);
                        } else if (!st.isEmpty() && Double.isNaN(s)) {
                            reason = "column 'score100': '" + st + "' is not a number";
                        }
                    }
                    if (reason != null) {
                        rejects.add(rows.line(), reason, rows.fields());
                        continue;
                    }
                    lineOf.put(id, rows.line());
                    int i = ids.size();
                    if (i == grade.length) {
                        grade = Arrays.copyOf(grade, 2 * i);
                        score = Arrays.copyOf(score, 2 * i);
                        sig = Arrays.copyOf(sig, 2 * i);
                    }
                    ids.add(id);
                    grade[i] = g;
                    score[i] = s;
                    Requirement req = new Requirement(skillCol < 0 ? "" : rows.field(skillCol),
                            teamCol < 0 ? "" : rows.field(teamCol), langCol < 0 ? "" : rows.field(langCol),
                            shiftCol < 0 ? "" : rows.field(shiftCol));
                    Integer k = sigs.get(req);
                    if (k == null) {
                        k = sigs.size();
                        sigs.put(req, k);
                    }
                    sig[i] = k;
                }
                rejected = rejects.rows();
            }
            // the rejects stream is closed first: a failing share check commits it as the only output
            RejectsCheck.settle(set, file.toString(), Optional.of(rejectsFile), rejected, read, ids.size(),
                    request.maxRejectShare(), "allocated", "; nothing was written to " + request.file(ASSIGNMENT_CSV));
            int n = ids.size();
            return new Leads(ids.toArray(new String[0]), Arrays.copyOf(grade, n), Arrays.copyOf(score, n),
                    Arrays.copyOf(sig, n), List.copyOf(sigs.keySet()), read, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static History readHistory(Request request, Path file, AgentTable agents, OutputSet set, Path rejectsFile) {
        List<String> grades = request.options().grades();
        try (CsvRows rows = CsvRows.open(file, request.format().delimiter(), request.format().encoding())) {
            List<String> header = rows.header();
            int agentCol = required(file, rows, header, "agent_id");
            int gradeCol = required(file, rows, header, "grade");
            int convCol = required(file, rows, header, "converted");
            List<int[]> ok = new ArrayList<>();
            long read = 0;
            long rejected;
            try (RejectsStream rejects = new RejectsStream(set, rejectsFile, header)) {
                while (rows.next()) {
                    read++;
                    String reason = null;
                    int a = -1;
                    int g = -1;
                    int c = -1;
                    if (rows.undecodable().isPresent()) {
                        reason = rows.undecodable().get();
                    } else if (rows.fieldCount() != header.size()) {
                        reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                    } else {
                        a = agents.indexOf(rows.field(agentCol));
                        g = grades.indexOf(rows.field(gradeCol));
                        String ct = rows.field(convCol);
                        c = ct.equals("1") || ct.equals("true") ? 1 : ct.equals("0") || ct.equals("false") ? 0 : -1;
                        if (a < 0) {
                            reason = "agent '" + rows.field(agentCol) + "' is not in the agents file";
                        } else if (g < 0) {
                            reason = "column 'grade': '" + rows.field(gradeCol) + "' is not one of --grades "
                                    + String.join(",", grades);
                        } else if (c < 0) {
                            reason = "column 'converted': '" + ct + "' is not 0, 1, true or false";
                        }
                    }
                    if (reason != null) {
                        rejects.add(rows.line(), reason, rows.fields());
                        continue;
                    }
                    ok.add(new int[] {a, g, c});
                }
                rejected = rejects.rows();
            }
            RejectsCheck.settle(set, file.toString(), Optional.of(rejectsFile), rejected, read, read == 0 ? 1
                    : ok.size(), request.maxRejectShare(), "used", "; nothing was written to "
                    + request.file(ASSIGNMENT_CSV));
            int[] agent = new int[ok.size()];
            int[] grade = new int[ok.size()];
            boolean[] conv = new boolean[ok.size()];
            for (int r = 0; r < ok.size(); r++) {
                agent[r] = ok.get(r)[0];
                grade[r] = ok.get(r)[1];
                conv[r] = ok.get(r)[2] == 1;
            }
            return new History(agent, grade, conv, read, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int required(Path file, CsvRows rows, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputDataException(file.toString(), rows.headerLine(), null, "no column '" + name
                    + "'; its header: " + String.join(", ", header));
        }
        return i;
    }

    /** The agents file, checked whole: a bad row is an error, since a dropped agent changes every assignment. */
    static final class AgentTable {
        final String[] id;
        final int[] capacity;
        final int[] team;
        final int teams;
        final String[] teamName;
        final List<Set<String>> skills;
        final List<Set<String>> languages;
        final List<Set<String>> shifts;
        private final Map<String, Integer> index;

        private AgentTable(String[] id, int[] capacity, int[] team, int teams, String[] teamName,
                List<Set<String>> skills, List<Set<String>> languages, List<Set<String>> shifts) {
            this.id = id;
            this.capacity = capacity;
            this.team = team;
            this.teams = teams;
            this.teamName = teamName;
            this.skills = skills;
            this.languages = languages;
            this.shifts = shifts;
            index = new HashMap<>();
            for (int a = 0; a < id.length; a++) {
                index.put(id[a], a);
            }
        }

        int indexOf(String agentId) {
            Integer a = index.get(agentId);
            return a == null ? -1 : a;
        }

        /** @return per agent whether it may take a lead with these requirements */
        boolean[] eligible(Requirement r) {
            boolean[] ok = new boolean[id.length];
            for (int a = 0; a < id.length; a++) {
                ok[a] = (r.skill().isEmpty() || skills.get(a).contains(r.skill()))
                        && (r.team().isEmpty() || r.team().equals(teamName[a]))
                        && (r.language().isEmpty() || languages.get(a).contains(r.language()))
                        && (r.shift().isEmpty() || shifts.get(a).contains(r.shift()));
            }
            return ok;
        }

        static AgentTable read(Path file, InputFormat format) {
            try (CsvRows rows = CsvRows.open(file, format.delimiter(), format.encoding())) {
                List<String> header = rows.header();
                int idCol = required(file, rows, header, "agent_id");
                int capCol = required(file, rows, header, "capacity");
                int teamCol = header.indexOf("team");
                int skillsCol = header.indexOf("skills");
                int langCol = header.indexOf("languages");
                int shiftCol = header.indexOf("shift");
                List<String> ids = new ArrayList<>();
                List<Integer> caps = new ArrayList<>();
                List<String> teamNames = new ArrayList<>();
                List<Set<String>> skills = new ArrayList<>();
                List<Set<String>> languages = new ArrayList<>();
                List<Set<String>> shifts = new ArrayList<>();
                Map<String, Long> lineOf = new HashMap<>();
                while (rows.next()) {
                    long line = rows.line();
                    if (rows.undecodable().isPresent()) {
                        throw new InputDataException(file.toString(), line, null, rows.undecodable().get());
                    }
                    if (rows.fieldCount() != header.size()) {
                        throw new InputDataException(file.toString(), line, null, "expected " + header.size()
                                + " fields as in the header, found " + rows.fieldCount());
                    }
                    String id = rows.field(idCol);
                    if (id.isEmpty()) {
                        throw new InputDataException(file.toString(), line, "agent_id", "empty");
                    }
                    if (lineOf.containsKey(id)) {
                        throw new InputDataException(file.toString(), line, "agent_id", "agent '" + id
                                + "' is already on line " + lineOf.get(id));
                    }
                    lineOf.put(id, line);
                    String ct = rows.field(capCol);
                    double c = StrictNumberParser.parse(ct);
                    if (!(c == Math.rint(c) && Math.abs(c) <= Integer.MAX_VALUE)) {
                        throw new InputDataException(file.toString(), line, "capacity", "'" + ct
                                + "' is not a whole number");
                    }
                    if (c < 0) {
                        throw new InputDataException(file.toString(), line, "capacity", ct
                                + " is negative; 0 (an agent who takes no leads) or more");
                    }
                    ids.add(id);
                    caps.add((int) c);
                    teamNames.add(teamCol < 0 ? "" : rows.field(teamCol));
                    skills.add(split(skillsCol < 0 ? "" : rows.field(skillsCol)));
                    languages.add(split(langCol < 0 ? "" : rows.field(langCol)));
                    shifts.add(split(shiftCol < 0 ? "" : rows.field(shiftCol)));
                }
                if (ids.isEmpty()) {
                    throw new InputDataException(file.toString(), rows.headerLine(), null, "no agents");
                }
                Map<String, Integer> teamIndex = new LinkedHashMap<>();
                int[] team = new int[ids.size()];
                for (int a = 0; a < team.length; a++) {
                    String t = teamNames.get(a);
                    team[a] = t.isEmpty() ? -1 : teamIndex.computeIfAbsent(t, x -> teamIndex.size());
                }
                return new AgentTable(ids.toArray(new String[0]), caps.stream().mapToInt(Integer::intValue).toArray(),
                        team, teamIndex.size(), teamNames.toArray(new String[0]), skills, languages, shifts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Set<String> split(String list) {
            Set<String> s = new HashSet<>();
            for (String p : list.split(";", -1)) {
                if (!p.isEmpty()) {
                    s.add(p);
                }
            }
            return s;
        }
    }
}
