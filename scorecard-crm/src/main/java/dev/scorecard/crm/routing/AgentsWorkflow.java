package dev.scorecard.crm.routing;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.Timestamps;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import dev.scorecard.train.pipeline.RejectsCheck;
import dev.scorecard.train.report.html.HtmlRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
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
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * {@code scorecard agents}: each agent's conversions against what the leads it was handed would
 * have given an average agent, so that an agent is judged on its skill and not on the luck of its
 * leads. A lead's expectation is its {@code expected} probability when the outcomes carry one, else
 * the conversion rate of its grade over all agents in the file (indirect standardisation). Per
 * agent: observed O, expected E = Σp, V = Σp(1−p), z = (O − E)/√V, a two-sided p, and the verdict
 * {@code above} or {@code below} when the Bonferroni-adjusted p is at most alpha, else
 * {@code within noise} (or {@code too few leads} when E is under the minimum). The interval of
 * O/E is (O ± z*·√V)/E with z* = Φ⁻¹(1 − alpha/(2m)) over the m agents judged, so it excludes 1
 * exactly when the verdict is not within noise.
 */
public final class AgentsWorkflow {
    /** Per agent, ranked. */
    public static final String AGENTS_CSV = "agents.csv";
    /** Per agent and grade. */
    public static final String BY_GRADE_CSV = "by-grade.csv";
    /** Per agent and month of assignment. */
    public static final String BY_MONTH_CSV = "by-month.csv";
    /** The counts. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** The page. */
    public static final String AGENTS_HTML = "agents.html";
    /** Rejected outcome rows. */
    public static final String REJECTS_CSV = "outcomes-rejects.csv";

    /** Verdict: converts more than its leads predict, beyond noise. */
    public static final String ABOVE = "above";
    /** Verdict: converts less than its leads predict, beyond noise. */
    public static final String BELOW = "below";
    /** Verdict: the difference is within noise. */
    public static final String WITHIN_NOISE = "within noise";
    /** Verdict: its leads expect fewer conversions than the minimum, so it is not judged. */
    public static final String TOO_FEW = "too few leads";
    /** Verdict of an agent in --agents without outcomes. */
    public static final String NO_LEADS = "no leads";

    /**
     * @param outcomes lead_id, agent_id, grade, assigned_at, converted[, contacted][, expected]
     * @param agents the agents file of {@code allocate}, to list agents without outcomes and refuse unknown ones
     * @param outDir where the outputs go
     * @param grades the grade names, best first
     * @param alpha the family-wise error rate of the verdicts, in (0, 0.5)
     * @param minExpected agents whose leads expect fewer conversions than this are not judged
     * @param format delimiter, encoding, and the zone of times without an offset and of the months
     * @param maxRejectShare the run fails when more rows than this share are rejected
     */
    public record Request(Path outcomes, Optional<Path> agents, Path outDir, List<String> grades, double alpha,
            double minExpected, InputFormat format, double maxRejectShare) {
        /** Checks the values, naming the options. */
        public Request {
            Objects.requireNonNull(outcomes, "outcomes");
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(format, "format");
            grades = new AllocationOptions(grades, 20, 0).grades();
            if (!(alpha > 0 && alpha < 0.5)) {
                throw new IllegalArgumentException("--alpha: " + alpha + " is out of range; expected above 0 and"
                        + " below 0.5 (0.05 for 5 %)");
            }
            if (!(minExpected >= 0 && minExpected < 1e9)) {
                throw new IllegalArgumentException("--min-expected: " + minExpected + " is out of range; expected 0"
                        + " or more conversions (e.g. 5)");
            }
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(AGENTS_CSV), outDir.resolve(BY_GRADE_CSV), outDir.resolve(BY_MONTH_CSV),
                    outDir.resolve(SUMMARY_CSV), outDir.resolve(AGENTS_HTML), outDir.resolve(REJECTS_CSV));
        }
    }

    /**
     * One agent's line.
     *
     * @param rank 1 for the highest O/E
     * @param agent its id
     * @param leads leads handed to it
     * @param contacted of those, contacted (0 without a contacted column)
     * @param observed of those, converted
     * @param expected what its leads expect
     * @param variance Σp(1−p)
     * @param low the interval's lower end of O/E
     * @param high its upper end
     * @param z (O − E)/√V
     * @param p two-sided
     * @param pAdjusted Bonferroni over the agents judged
     * @param verdict one of the verdicts
     */
    public record AgentRow(int rank, String agent, long leads, long contacted, long observed, double expected,
            double variance, double low, double high, double z, double p, double pAdjusted, String verdict) {
        /** @return O/E, NaN when nothing was expected */
        public double ratio() {
            return expected > 0 ? observed / expected : Double.NaN;
        }

        /** @return the raw conversion rate, NaN without leads */
        public double rate() {
            return leads > 0 ? (double) observed / leads : Double.NaN;
        }
    }

    /**
     * @param rowsRead rows read; {@code = rowsUsed + rowsRejected}
     * @param rowsUsed rows used
     * @param rowsRejected rows rejected
     * @param judged agents judged (E at least the minimum)
     * @param criticalZ z* of the intervals
     * @param usedExpected whether the outcomes' expected column gave the expectations
     * @param gradeRates per grade the pooled rate (NaN for a grade without leads)
     * @param agents the agents, ranked
     * @param written the files written
     */
    public record Outcome(long rowsRead, long rowsUsed, long rowsRejected, int judged, double criticalZ,
            boolean usedExpected, double[] gradeRates, List<AgentRow> agents, List<Path> written) {
        /** @return the agents with this verdict */
        public long count(String verdict) {
            return agents.stream().filter(a -> a.verdict().equals(verdict)).count();
        }
    }

    private AgentsWorkflow() {
    }

    /** The outcomes as read: per used row its agent, grade, month, contact, conversion and expectation. */
    private static final class Rows {
        final List<String> agentIds = new ArrayList<>();
        final Map<String, Integer> agentIndex = new HashMap<>();
        int[] agent = new int[1024];
        int[] grade = new int[1024];
        String[] month = new String[1024];
        boolean[] contacted = new boolean[1024];
        boolean[] converted = new boolean[1024];
        double[] expected = new double[1024];
        int n;
        boolean hasContacted;
        boolean hasExpected;
        long read;
        long rejected;

        void add(int a, int g, String m, boolean c, boolean x, double e) {
            if (n == agent.length) {
                int size = 2 * n;
                agent = Arrays.copyOf(agent, size);
                grade = Arrays.copyOf(grade, size);
                month = Arrays.copyOf(month, size);
                contacted = Arrays.copyOf(contacted, size);
                converted = Arrays.copyOf(converted, size);
                expected = Arrays.copyOf(expected, size);
            }
            agent[n] = a;
            grade[n] = g;
            month[n] = m;
            contacted[n] = c;
            converted[n] = x;
            expected[n] = e;
            n++;
        }

        int agentOf(String id) {
            Integer a = agentIndex.get(id);
            if (a == null) {
                a = agentIds.size();
                agentIds.add(id);
                agentIndex.put(id, a);
            }
            return a;
        }
    }

    /**
     * @param request what to evaluate
     * @return the counts, the ranked agents and the files written
     * @throws InputDataException for a missing column, a bad agents file or too many rejected rows
     */
    public static Outcome run(Request request) {
        Path dir = request.outDir();
        Optional<AllocateWorkflow.AgentTable> table = request.agents().map(f -> AllocateWorkflow.AgentTable.read(f,
                request.format()));
        try (OutputSet set = OutputSet.of(request.members())) {
            Rows rows = read(request, table, set, dir.resolve(REJECTS_CSV));
            List<Path> written = new ArrayList<>();
            if (rows.rejected > 0) {
                written.add(dir.resolve(REJECTS_CSV));
            }
            int grades = request.grades().size();
            long[] gn = new long[grades];
            long[] gx = new long[grades];
            for (int r = 0; r < rows.n; r++) {
                gn[rows.grade[r]]++;
                gx[rows.grade[r]] += rows.converted[r] ? 1 : 0;
            }
            double[] gradeRate = new double[grades];
            for (int g = 0; g < grades; g++) {
                gradeRate[g] = gn[g] == 0 ? Double.NaN : (double) gx[g] / gn[g];
            }
            int agents = rows.agentIds.size();
            long[] leads = new long[agents];
            long[] contacted = new long[agents];
            long[] observed = new long[agents];
            double[] expected = new double[agents];
            double[] variance = new double[agents];
            long[][] gLeads = new long[agents][grades];
            long[][] gObserved = new long[agents][grades];
            double[][] gExpected = new double[agents][grades];
            List<TreeMap<String, double[]>> months = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                months.add(new TreeMap<>());
            }
            for (int r = 0; r < rows.n; r++) {
                int a = rows.agent[r];
                int g = rows.grade[r];
                double p = rows.hasExpected ? rows.expected[r] : gradeRate[g];
                int x = rows.converted[r] ? 1 : 0;
                leads[a]++;
                contacted[a] += rows.contacted[r] ? 1 : 0;
                observed[a] += x;
                expected[a] += p;
                variance[a] += p * (1 - p);
                gLeads[a][g]++;
                gObserved[a][g] += x;
                gExpected[a][g] += p;
                double[] m = months.get(a).computeIfAbsent(rows.month[r], k -> new double[3]);
                m[0]++;
                m[1] += x;
                m[2] += p;
            }
            int judgedCount = 0;
            for (int a = 0; a < agents; a++) {
                judgedCount += expected[a] >= request.minExpected() && expected[a] > 0 ? 1 : 0;
            }
            int judged = judgedCount;
            double zStar = judged == 0 ? Double.NaN
                    : new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - request.alpha() / (2.0 * judged));
            List<AgentRow> list = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                double e = expected[a];
                double v = variance[a];
                double z = v > 0 ? (observed[a] - e) / Math.sqrt(v) : Double.NaN;
                double p = Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2));
                double pAdj = Double.isNaN(p) ? Double.NaN : Math.min(1, p * judged);
                boolean judge = e >= request.minExpected() && e > 0;
                String verdict = !judge ? TOO_FEW : pAdj <= request.alpha() ? (z > 0 ? ABOVE : BELOW) : WITHIN_NOISE;
                double low = judge && v > 0 ? Math.max(0, (observed[a] - zStar * Math.sqrt(v)) / e) : Double.NaN;
                double high = judge && v > 0 ? (observed[a] + zStar * Math.sqrt(v)) / e : Double.NaN;
                list.add(new AgentRow(0, rows.agentIds.get(a), leads[a], contacted[a], observed[a], e, v, low, high, z,
                        p, pAdj, verdict));
            }
            if (table.isPresent()) {
                for (String id : table.get().id) {
                    if (!rows.agentIndex.containsKey(id)) {
                        list.add(new AgentRow(0, id, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, NO_LEADS));
                    }
                }
            }
            list.sort((x, y) -> {
                double rx = x.ratio();
                double ry = y.ratio();
                if (Double.isNaN(rx) != Double.isNaN(ry)) {
                    return Double.isNaN(rx) ? 1 : -1;
                }
                int c = Double.isNaN(rx) ? 0 : Double.compare(ry, rx);
                return c != 0 ? c : x.agent().compareTo(y.agent());
            });
            List<AgentRow> ranked = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                AgentRow r = list.get(k);
                ranked.add(new AgentRow(k + 1, r.agent(), r.leads(), r.contacted(), r.observed(), r.expected(),
                        r.variance(), r.low(), r.high(), r.z(), r.p(), r.pAdjusted(), r.verdict()));
            }
            written.add(set.write(dir.resolve(AGENTS_CSV), out -> {
                CsvByteWriter w = new CsvByteWriter(out);
                w.row(List.of("rank", "agent_id", "leads", "contacted", "converted", "expected", "o_e", "o_e_low",
                        "o_e_high", "z", "p", "p_adjusted", "verdict", "conversion_rate"));
                for (AgentRow r : ranked) {
                    w.number(r.rank());
                    w.comma();
                    w.field(r.agent());
                    w.comma();
                    w.number(r.leads());
                    w.comma();
                    w.number(r.contacted());
                    w.comma();
                    w.number(r.observed());
                    for (double d : new double[] {r.expected(), r.ratio(), r.low(), r.high(), r.z()}) {
                        w.comma();
                        number(w, round6(d));
                    }
                    w.comma();
                    number(w, significant(r.p()));
                    w.comma();
                    number(w, significant(r.pAdjusted()));
                    w.comma();
                    w.field(r.verdict());
                    w.comma();
                    number(w, round6(r.rate()));
                    w.endRow();
                }
                w.flush();
            }));
            Map<String, Integer> order = new HashMap<>();
            for (AgentRow r : ranked) {
                order.put(r.agent(), r.rank());
            }
            Integer[] byRank = new Integer[agents];
            Arrays.setAll(byRank, a -> a);
            Arrays.sort(byRank, (x, y) -> Integer.compare(order.get(rows.agentIds.get(x)),
                    order.get(rows.agentIds.get(y))));
            written.add(set.write(dir.resolve(BY_GRADE_CSV), out -> {
                CsvByteWriter w = new CsvByteWriter(out);
                w.row(List.of("agent_id", "grade", "leads", "converted", "expected", "o_e", "conversion_rate",
                        "grade_rate"));
                for (int a : byRank) {
                    for (int g = 0; g < grades; g++) {
                        if (gLeads[a][g] == 0) {
                            continue;
                        }
                        w.field(rows.agentIds.get(a));
                        w.comma();
                        w.field(request.grades().get(g));
                        w.comma();
                        w.number(gLeads[a][g]);
                        w.comma();
                        w.number(gObserved[a][g]);
                        w.comma();
                        number(w, round6(gExpected[a][g]));
                        w.comma();
                        number(w, round6(gExpected[a][g] > 0 ? gObserved[a][g] / gExpected[a][g] : Double.NaN));
                        w.comma();
                        number(w, round6((double) gObserved[a][g] / gLeads[a][g]));
                        w.comma();
                        number(w, round6(gradeRate[g]));
                        w.endRow();
                    }
                }
                w.flush();
            }));
            written.add(set.write(dir.resolve(BY_MONTH_CSV), out -> {
                CsvByteWriter w = new CsvByteWriter(out);
                w.row(List.of("agent_id", "month", "leads", "converted", "expected", "o_e"));
                for (int a : byRank) {
                    for (Map.Entry<String, double[]> m : months.get(a).entrySet()) {
                        double[] v = m.getValue();
                        w.field(rows.agentIds.get(a));
                        w.comma();
                        w.field(m.getKey());
                        w.comma();
                        w.number((long) v[0]);
                        w.comma();
                        w.number((long) v[1]);
                        w.comma();
                        number(w, round6(v[2]));
                        w.comma();
                        number(w, round6(v[2] > 0 ? v[1] / v[2] : Double.NaN));
                        w.endRow();
                    }
                }
                w.flush();
            }));
            Outcome o = new Outcome(rows.read, rows.n, rows.rejected, judged, zStar, rows.hasExpected, gradeRate,
                    List.copyOf(ranked), List.of());
            written.add(set.write(dir.resolve(SUMMARY_CSV), out -> {
                CsvByteWriter w = new CsvByteWriter(out);
                w.row(List.of("metric", "value"));
                Map<String, String> m = new LinkedHashMap<>();
                m.put("rows_read", Long.toString(o.rowsRead()));
                m.put("rows_used", Long.toString(o.rowsUsed()));
                m.put("rows_rejected", Long.toString(o.rowsRejected()));
                m.put("agents", Integer.toString(ranked.size()));
                m.put("agents_judged", Integer.toString(judged));
                for (String v : List.of(ABOVE, BELOW, WITHIN_NOISE, TOO_FEW, NO_LEADS)) {
                    m.put(v.replace(' ', '_'), Long.toString(o.count(v)));
                }
                m.put("alpha", Double.toString(request.alpha()));
                m.put("critical_z", Double.isNaN(zStar) ? "" : Double.toString(round6(zStar)));
                m.put("expectation", rows.hasExpected ? "expected column" : "grade rate");
                for (Map.Entry<String, String> e : m.entrySet()) {
                    w.row(List.of(e.getKey(), e.getValue()));
                }
                w.flush();
            }));
            String html = HtmlRenderer.render(AgentsPage.build(request, o, rows.hasContacted));
            written.add(set.writeText(dir.resolve(AGENTS_HTML), w -> w.write(html)));
            set.commit();
            return new Outcome(o.rowsRead(), o.rowsUsed(), o.rowsRejected(), judged, zStar, rows.hasExpected,
                    gradeRate, o.agents(), List.copyOf(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(CsvByteWriter w, double v) throws IOException {
        if (!Double.isNaN(v)) {
            w.number(v);
        }
    }

    static double round6(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1e6) / 1e6;
    }

    /** p-values to 4 significant digits, since tiny ones matter by their exponent. */
    static double significant(double v) {
        if (Double.isNaN(v) || v == 0) {
            return v;
        }
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }

    private static Rows read(Request request, Optional<AllocateWorkflow.AgentTable> table, OutputSet set,
            Path rejectsFile) {
        Path file = request.outcomes();
        List<String> grades = request.grades();
        Timestamps times = request.format().timestamps();
        Rows out = new Rows();
        try (CsvRows rows = CsvRows.open(file, request.format().delimiter(), request.format().encoding())) {
            List<String> header = rows.header();
            int leadCol = AllocateWorkflow.required(file, rows, header, "lead_id");
            int agentCol = AllocateWorkflow.required(file, rows, header, "agent_id");
            int gradeCol = AllocateWorkflow.required(file, rows, header, "grade");
            int atCol = AllocateWorkflow.required(file, rows, header, "assigned_at");
            int convCol = AllocateWorkflow.required(file, rows, header, "converted");
            int contactCol = header.indexOf("contacted");
            int expCol = header.indexOf("expected");
            out.hasContacted = contactCol >= 0;
            out.hasExpected = expCol >= 0;
            Map<String, Long> lineOf = new HashMap<>();
            Set<String> known = table.map(t -> new HashSet<>(Arrays.asList(t.id))).orElse(null);
            try (RejectsStream rejects = new RejectsStream(set, rejectsFile, header)) {
                while (rows.next()) {
                    out.read++;
                    String reason = null;
                    int g = -1;
                    long t = 0;
                    int c = 0;
                    int x = 0;
                    double e = Double.NaN;
                    if (rows.undecodable().isPresent()) {
                        reason = rows.undecodable().get();
                    } else if (rows.fieldCount() != header.size()) {
                        reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                    } else {
                        String lead = rows.field(leadCol);
                        String agent = rows.field(agentCol);
                        g = grades.indexOf(rows.field(gradeCol));
                        t = times.parse(rows.field(atCol));
                        x = flag(rows.field(convCol));
                        c = contactCol < 0 ? 0 : flag(rows.field(contactCol));
                        String et = expCol < 0 ? "" : rows.field(expCol);
                        e = expCol < 0 ? Double.NaN : StrictNumberParser.parse(et);
                        if (lead.isEmpty()) {
                            reason = "column 'lead_id': empty";
                        } else if (lineOf.containsKey(lead)) {
                            reason = "lead '" + lead + "' is already on line " + lineOf.get(lead);
                        } else if (agent.isEmpty()) {
                            reason = "column 'agent_id': empty";
                        } else if (known != null && !known.contains(agent)) {
                            reason = "agent '" + agent + "' is not in the agents file";
                        } else if (g < 0) {
                            reason = "column 'grade': '" + rows.field(gradeCol) + "' is not one of --grades "
                                    + String.join(",", grades);
                        } else if (t == Timestamps.INVALID) {
                            reason = "column 'assigned_at': '" + rows.field(atCol) + "' is not a time";
                        } else if (x < 0) {
                            reason = "column 'converted': '" + rows.field(convCol) + "' is not 0, 1, true or false";
                        } else if (c < 0) {
                            reason = "column 'contacted': '" + rows.field(contactCol) + "' is not 0, 1, true or false";
                        } else if (expCol >= 0 && !(e >= 0 && e <= 1)) {
                            reason = "column 'expected': '" + et + "' is not a probability from 0 to 1";
                        }
                        if (reason == null) {
                            lineOf.put(lead, rows.line());
                            String month = YearMonth.from(Instant.ofEpochMilli(t).atZone(request.format().zone()))
                                    .toString();
                            out.add(out.agentOf(agent), g, month, c == 1, x == 1, e);
                        }
                    }
                    if (reason != null) {
                        rejects.add(rows.line(), reason, rows.fields());
                    }
                }
                out.rejected = rejects.rows();
            }
            RejectsCheck.settle(set, file.toString(), Optional.of(rejectsFile), out.rejected, out.read, out.n,
                    request.maxRejectShare(), "used", "; nothing was written to "
                    + request.outDir().resolve(AGENTS_CSV));
            if (out.n == 0) {
                throw new InputDataException(file.toString(), rows.headerLine(), null, "no usable outcome rows");
            }
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return 1, 0, or -1 when the text is not a flag */
    private static int flag(String text) {
        return switch (text) {
            case "1", "true" -> 1;
            case "0", "false" -> 0;
            default -> -1;
        };
    }
}
