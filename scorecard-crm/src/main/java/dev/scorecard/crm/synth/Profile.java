package dev.scorecard.crm.synth;

import java.util.SplittableRandom;

/**
 * When in the week and the day something happens: a weight per weekday (Monday first) and per hour
 * of the local day. Event times are drawn from the lead's interest curve and then thinned by the
 * weekday weight (rejection) and given an hour from this table, so the curve sets the day and the
 * profile the time of day.
 */
enum Profile {
    /** Contact by sales agents: office hours, quieter at the weekend. */
    WORK("work", new double[] {1.0, 1.0, 1.0, 1.0, 1.0, 0.55, 0.45},
            new double[] {0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.6, 1.0, 1.0, 0.9,
                0.6, 0.8, 1.0, 1.0, 0.9, 0.8, 0.6, 0.7, 0.7, 0.5, 0.25, 0.08}),
    /** Browsing by the lead: lunch and an evening peak, few at night, a little more at the weekend. */
    LEISURE("leisure", new double[] {0.9, 0.9, 0.9, 0.9, 0.95, 1.0, 1.0},
            new double[] {0.15, 0.06, 0.03, 0.02, 0.02, 0.04, 0.12, 0.3, 0.4, 0.45, 0.45, 0.5,
                0.7, 0.6, 0.45, 0.45, 0.5, 0.55, 0.7, 0.9, 1.0, 1.0, 0.8, 0.4}),
    /** Live classes, held at night. */
    EVENING("evening", new double[] {1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.9},
            new double[] {0.02, 0.01, 0.0, 0.0, 0.0, 0.0, 0.01, 0.03, 0.05, 0.1, 0.15, 0.15,
                0.1, 0.1, 0.15, 0.15, 0.15, 0.2, 0.4, 0.9, 1.0, 0.9, 0.4, 0.08}),
    /** Mailings and impressions: any day, little at night. */
    FLAT("flat", new double[] {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0},
            new double[] {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 0.8, 1.0, 1.0, 1.0, 1.0,
                1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.5}),
    /** New leads: forms filled in, mostly by day and in the evening, fewer at the weekend. */
    LEADS("leads", new double[] {1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.75},
            new double[] {0.1, 0.05, 0.02, 0.02, 0.02, 0.04, 0.1, 0.3, 0.6, 0.8, 0.9, 0.9,
                0.8, 0.8, 0.85, 0.85, 0.8, 0.8, 0.8, 0.9, 1.0, 0.9, 0.6, 0.3});

    private final String configName;
    private final double[] weekday;
    private final double[] hour;
    /** The weekday weights over their maximum: the acceptance probability of a day. */
    private final double[] accept;
    private final double[] hourCdf;

    Profile(String configName, double[] weekday, double[] hour) {
        this.configName = configName;
        this.weekday = weekday;
        this.hour = hour;
        double max = 0;
        for (double w : weekday) {
            max = Math.max(max, w);
        }
        accept = new double[7];
        for (int i = 0; i < 7; i++) {
            accept[i] = weekday[i] / max;
        }
        hourCdf = new double[24];
        double total = 0;
        for (double h : hour) {
            total += h;
        }
        double run = 0;
        for (int i = 0; i < 24; i++) {
            run += hour[i];
            hourCdf[i] = run / total;
        }
        hourCdf[23] = 1.0;
    }

    String configName() {
        return configName;
    }

    double[] weekdayWeights() {
        return weekday.clone();
    }

    double[] hourWeights() {
        return hour.clone();
    }

    /** @param weekday 0 for Monday … 6 for Sunday */
    boolean accepts(int weekday, SplittableRandom r) {
        double a = accept[weekday];
        return a >= 1.0 || r.nextDouble() < a;
    }

    /** @return a second of the day, its hour drawn from the table and the second within it uniform */
    int secondOfDay(SplittableRandom r) {
        double u = r.nextDouble();
        int h = 0;
        while (hourCdf[h] <= u && h < 23) {
            h++;
        }
        return h * 3600 + r.nextInt(3600);
    }
}
