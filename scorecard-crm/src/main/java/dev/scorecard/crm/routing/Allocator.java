package dev.scorecard.crm.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact assignment and its two baselines on an {@link Instance}. Because a lead's expected
 * conversion depends only on the agent and the lead's grade, and its eligibility only on its
 * requirements, the leads are aggregated into classes (grade × requirement signature) and the
 * optimisation is a min-cost flow: source → class (its leads) → agent (eligible; top-grade classes
 * through the agent's floor node) → sink (capacity). Its size depends on the numbers of classes and
 * agents, not of leads. The floor node passes the first {@code floor[a]} top-grade leads at a
 * primary cost of -1 each ({@link FlowNetwork}), so the floor is met wherever it can be, before any
 * conversion is counted. Each class's flow is then handed out lead by lead: the class's leads in
 * {@link Instance#order} (score100 high first, then lead id) to its agents from the highest rate down
 * (then the agent's row).
 */
final class Allocator {
    /** Rates are whole multiples of 1 / this in the flow, exact to 1e-10 per lead. */
    static final double RATE_SCALE = 1e10;
    /**
     * Below the rate, a tie-break: among assignments of equal expected conversions the one that leaves
     * the worse grades unassigned (without history every rate is 1/2, and the best leads should still
     * be the ones served). 16 tie levels; grades past the 15th share the last. Keeps a flow of 10M leads
     * within 1.6e18, clear of a long's range.
     */
    static final int GRADE_TIES = 16;

    private Allocator() {
    }

    /** @return the optimal assignment: per lead its agent, or -1 */
    static int[] optimal(Instance in) {
        int classes = in.classes();
        int agents = in.agents();
        int[] classGrade = new int[classes];
        int[] classSig = new int[classes];
        long[] classSize = new long[classes];
        for (int i = 0; i < in.leads(); i++) {
            int c = in.leadClass[i];
            classGrade[c] = in.grade[i];
            classSig[c] = in.signature[i];
            classSize[c]++;
        }
        int source = 0;
        int sink = 1;
        int classNode = 2;
        int floorNode = classNode + classes;
        int agentNode = floorNode + agents;
        FlowNetwork net = new FlowNetwork(agentNode + agents);
        int[][] arcOf = new int[classes][agents];
        for (int c = 0; c < classes; c++) {
            net.arc(source, classNode + c, classSize[c], 0, 0);
        }
        for (int c = 0; c < classes; c++) {
            Arrays.fill(arcOf[c], -1);
            for (int a = 0; a < agents; a++) {
                if (in.eligible[classSig[c]][a] && in.capacity[a] > 0) {
                    long gain = Math.round(in.rate[a][classGrade[c]] * RATE_SCALE) * GRADE_TIES
                            + (GRADE_TIES - 1 - Math.min(classGrade[c], GRADE_TIES - 2));
                    int target = classGrade[c] == 0 && in.floor[a] > 0 ? floorNode + a : agentNode + a;
                    arcOf[c][a] = net.arc(classNode + c, target, FlowNetwork.INFINITE, 0, -gain);
                }
            }
        }
        for (int a = 0; a < agents; a++) {
            if (in.floor[a] > 0) {
                net.arc(floorNode + a, agentNode + a, in.floor[a], -1, 0);
                net.arc(floorNode + a, agentNode + a, FlowNetwork.INFINITE, 0, 0);
            }
            net.arc(agentNode + a, sink, in.capacity[a], 0, 0);
        }
        net.solve(source, sink);
        long[][] flow = new long[classes][agents];
        for (int c = 0; c < classes; c++) {
            for (int a = 0; a < agents; a++) {
                flow[c][a] = arcOf[c][a] < 0 ? 0 : net.flow(arcOf[c][a]);
            }
        }
        return handOut(in, flow);
    }

    private static int[] handOut(Instance in, long[][] flow) {
        int classes = in.classes();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i : in.order) {
            members.get(in.leadClass[i]).add(i);
        }
        int[] agentOf = new int[in.leads()];
        Arrays.fill(agentOf, -1);
        for (int c = 0; c < classes; c++) {
            List<Integer> leads = members.get(c);
            if (leads.isEmpty()) {
                continue;
            }
            int grade = in.grade[leads.get(0)];
            Integer[] byRate = new Integer[in.agents()];
            Arrays.setAll(byRate, a -> a);
            Arrays.sort(byRate, (x, y) -> {
                int r = Double.compare(in.rate[y][grade], in.rate[x][grade]);
                return r != 0 ? r : Integer.compare(x, y);
            });
            int next = 0;
            for (int a : byRate) {
                for (long f = flow[c][a]; f > 0; f--) {
                    agentOf[leads.get(next++)] = a;
                }
            }
        }
        return agentOf;
    }

    /**
     * Round robin: the leads in order, each to the next agent in turn (from the one after the last
     * served) that is eligible and has room.
     *
     * @return per lead its agent, or -1
     */
    static int[] roundRobin(Instance in) {
        int agents = in.agents();
        int[] left = in.capacity.clone();
        int[] agentOf = new int[in.leads()];
        Arrays.fill(agentOf, -1);
        int turn = 0;
        for (int i : in.order) {
            boolean[] ok = in.eligible[in.signature[i]];
            for (int k = 0; k < agents; k++) {
                int a = (turn + k) % agents;
                if (left[a] > 0 && ok[a]) {
                    agentOf[i] = a;
                    left[a]--;
                    turn = (a + 1) % agents;
                    break;
                }
            }
        }
        return agentOf;
    }

    /**
     * Greedy best-first: the leads in order, each to the eligible agent with the highest rate for its
     * grade that has room (the earlier row on a tie).
     *
     * @return per lead its agent, or -1
     */
    static int[] greedy(Instance in) {
        int[] left = in.capacity.clone();
        int[] agentOf = new int[in.leads()];
        Arrays.fill(agentOf, -1);
        // Per class the eligible agents best first, and how far down that list the full ones reach.
        int[][] ranked = new int[in.classes()][];
        int[] cursor = new int[in.classes()];
        for (int i : in.order) {
            int c = in.leadClass[i];
            if (ranked[c] == null) {
                ranked[c] = rankAgents(in, in.signature[i], in.grade[i]);
            }
            int[] list = ranked[c];
            while (cursor[c] < list.length && left[list[cursor[c]]] == 0) {
                cursor[c]++;
            }
            if (cursor[c] < list.length) {
                int a = list[cursor[c]];
                agentOf[i] = a;
                left[a]--;
            }
        }
        return agentOf;
    }

    private static int[] rankAgents(Instance in, int signature, int grade) {
        return java.util.stream.IntStream.range(0, in.agents()).filter(a -> in.eligible[signature][a]).boxed()
                .sorted((x, y) -> {
                    int r = Double.compare(in.rate[y][grade], in.rate[x][grade]);
                    return r != 0 ? r : Integer.compare(x, y);
                }).mapToInt(Integer::intValue).toArray();
    }

    /** @return the expected conversions of an assignment */
    static double expected(Instance in, int[] agentOf) {
        double sum = 0;
        for (int i : in.order) {
            if (agentOf[i] >= 0) {
                sum += in.rate[agentOf[i]][in.grade[i]];
            }
        }
        return sum;
    }
}
