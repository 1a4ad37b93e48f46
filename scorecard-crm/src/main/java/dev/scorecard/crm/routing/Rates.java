package dev.scorecard.crm.routing;

/**
 * Each agent's conversion rate per grade, shrunk toward its team's in two empirical-Bayes steps with
 * one fixed prior strength {@code k} (pseudo-leads):
 *
 * <pre>
 *   p(g)       = (X(g) + 1) / (N(g) + 2)                      every agent's history of grade g (Laplace)
 *   p(team, g) = (X(team, g) + k · p(g)) / (N(team, g) + k)    the team's history, shrunk toward p(g)
 *   r(a, g)    = (x(a, g) + k · p(team, g)) / (n(a, g) + k)    the agent's own, shrunk toward its team
 * </pre>
 *
 * where X, N (x, n) count converted and handled leads. An agent without a team shrinks toward p(g).
 * With k = 20 an agent with 5 leads of a grade keeps 5/25 = 20 % of its own rate, so it stays near
 * its team; with 200 it keeps 91 %. Without history every rate is 1/2: the assignment then only
 * fills capacity and honours the floor.
 */
final class Rates {
    private Rates() {
    }

    /**
     * @param team per agent its team index, or -1
     * @param teams the number of teams
     * @param grades the number of grades
     * @param historyAgent per history row its agent
     * @param historyGrade per history row its grade
     * @param converted per history row whether the lead converted
     * @param k the prior strength, above 0
     * @return per agent and grade its rate
     */
    static double[][] estimate(int[] team, int teams, int grades, int[] historyAgent, int[] historyGrade,
            boolean[] converted, double k) {
        int agents = team.length;
        long[][] n = new long[agents][grades];
        long[][] x = new long[agents][grades];
        long[][] tn = new long[teams][grades];
        long[][] tx = new long[teams][grades];
        long[] gn = new long[grades];
        long[] gx = new long[grades];
        for (int r = 0; r < historyAgent.length; r++) {
            int a = historyAgent[r];
            int g = historyGrade[r];
            int c = converted[r] ? 1 : 0;
            n[a][g]++;
            x[a][g] += c;
            gn[g]++;
            gx[g] += c;
            if (team[a] >= 0) {
                tn[team[a]][g]++;
                tx[team[a]][g] += c;
            }
        }
        double[][] rate = new double[agents][grades];
        for (int g = 0; g < grades; g++) {
            double pg = (gx[g] + 1.0) / (gn[g] + 2.0);
            for (int a = 0; a < agents; a++) {
                int t = team[a];
                double base = t < 0 ? pg : (tx[t][g] + k * pg) / (tn[t][g] + k);
                rate[a][g] = (x[a][g] + k * base) / (n[a][g] + k);
            }
        }
        return rate;
    }
}
