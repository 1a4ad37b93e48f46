package dev.scorecard.crm.rules;

import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.events.LocalDays;
import dev.scorecard.crm.features.LeadFeatures;
import dev.scorecard.crm.rules.CompiledRules.Binding;
import dev.scorecard.crm.rules.CompiledRules.Source;
import dev.scorecard.crm.spec.Expr;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores one lead at a time as of one instant, in the documented order: each event's points (the
 * first point rule that matches), the per-type daily cap (before decay, first come in time order),
 * decay, the per-type cap, the per-level cap, the conditions' points, the cap on the rule points,
 * the channel's start value, and the clamp to 0–100. Everything is in hundredths, so the ledger's
 * lines add up to the score exactly. Negative points are never capped: caps bound what a lead earns.
 * Not thread-safe: one scorer per thread, reused lead after lead.
 */
final class LeadScorer {
    /** Receives every contribution to a lead's score, in order; the explanation. */
    interface Ledger {
        Ledger NONE = new Ledger() {
        };

        default void start(long cents) {
        }

        default void event(int event, long base, long allowed, double factor, long cents) {
        }

        default void cap(String kind, String name, long cents) {
        }

        default void condition(String name, long cents) {
        }

        default void clamp(long cents) {
        }
    }

    private final CompiledRules rules;
    private final EventTable events;
    private final LeadTable leads;
    private final LeadFeatures features;
    private final long[] channelCents;
    private final double[] channelScore;
    private final long asOf;
    private final LocalDays days;
    private final long asOfDay;
    private final long[] bindingFrom;
    private final Decays decays;
    private final int width;
    private final int[][] feeds; // per type: count bindings b, and days-since bindings as ~b
    private final long[] tally; // per binding: the lead's count in its window, or its latest event's instant

    // Scratch, per lead.
    private int[] local = new int[64];
    private int[] sorted = new int[64];
    private int[] scratch = new int[64];
    private long[] base = new long[64];
    private final long[] dayOf;
    private final long[] usedToday;
    private final long[] typeSum;
    final long[] level;
    private final double[] values;
    private final Env env = new Env();
    private int lead;

    // The result of the last lead scored.
    long score;
    int score10;
    int grade;
    String tier;
    String stage;
    String status;
    final List<String> tags = new ArrayList<>();
    long channel;
    long conditions;
    long totalCap;
    long clamp;
    /** The score before clamping to 0–100: channel + rule points + the total cap's cut. */
    long raw;
    /** Per condition, in file order: whether it held. */
    final boolean[] fired;
    private final int[] featureSlot;

    LeadScorer(CompiledRules rules, EventTable events, LeadTable leads, LeadFeatures features, long[] channelCents,
            double[] channelScore, long asOf, ZoneId zone) {
        this.rules = rules;
        this.events = events;
        this.leads = leads;
        this.features = features;
        this.channelCents = channelCents;
        this.channelScore = channelScore;
        this.asOf = asOf;
        this.days = new LocalDays(zone);
        this.asOfDay = days.day(asOf);
        this.width = rules.properties.size();
        this.props = new int[width];
        // by name: the features computed may be only those the rules read (the others are never evaluated)
        this.featureSlot = new int[rules.bindings.size()];
        for (int b = 0; b < featureSlot.length; b++) {
            Binding x = rules.bindings.get(b);
            featureSlot[b] = x.source() == Source.FEATURE && features != null ? features.numericIndex(x.type()) : -1;
        }
        int types = rules.typeCount;
        dayOf = new long[types];
        usedToday = new long[types];
        typeSum = new long[types];
        level = new long[rules.levelNames.size()];
        values = new double[rules.bindings.size()];
        bindingFrom = new long[rules.bindings.size()];
        for (int b = 0; b < bindingFrom.length; b++) {
            int w = rules.bindings.get(b).windowDays();
            bindingFrom[b] = w == 0 ? Long.MIN_VALUE : windowStart(asOf, zone, w);
        }
        decays = new Decays(rules, asOf, zone);
        // per type, the count and days-since bindings it feeds: one pass over a lead's events serves them all
        int[][] feeds = new int[types][];
        for (int t = 0; t < types; t++) {
            int[] list = new int[bindingFrom.length];
            int k = 0;
            for (int b = 0; b < bindingFrom.length; b++) {
                Source src = rules.bindings.get(b).source();
                if ((src == Source.COUNT || src == Source.DAYS_SINCE) && rules.bindingTypes[b][t]) {
                    list[k++] = src == Source.COUNT ? b : ~b;
                }
            }
            feeds[t] = Arrays.copyOf(list, k);
        }
        this.feeds = feeds;
        tally = new long[bindingFrom.length];
        fired = new boolean[rules.spec.conditions().size()];
    }

    /** @return the last lead's points from type {@code t}, after its daily and total caps (before its level's) */
    long typeTotal(int t) {
        return typeSum[t];
    }

    /** The instant a window of {@code days} calendar days back from {@code asOf} starts at (exclusive), as features do. */
    static long windowStart(long asOf, ZoneId zone, int days) {
        return Instant.ofEpochMilli(asOf).atZone(zone).minusDays(days).toInstant().toEpochMilli();
    }

    /**
     * Scores a lead from its events.
     *
     * @param lead the lead's index
     * @param order event indices, the lead's from {@code from} to {@code to} (exclusive), any order; those
     *     after the as-of instant are left out
     * @param ledger gets every contribution
     */
    void score(int lead, int[] order, int from, int to, Ledger ledger) {
        this.lead = lead;
        int n = to - from;
        if (local.length < n) {
            int m = Math.max(n, local.length * 2);
            local = new int[m];
            sorted = new int[m];
            scratch = new int[m];
            base = new long[m];
        }
        for (int t = 0; t < feeds.length; t++) {
            for (int b : feeds[t]) {
                tally[b < 0 ? ~b : b] = b < 0 ? Long.MIN_VALUE : 0;
            }
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int e = order[from + i];
            long time = events.time(e);
            if (time > asOf) {
                continue; // a backtest's table holds later nights' events too
            }
            int type = events.type(e);
            for (int b : feeds[type]) {
                if (b >= 0) {
                    tally[b] += time > bindingFrom[b] ? 1 : 0;
                } else {
                    tally[~b] = Math.max(tally[~b], time);
                }
            }
            local[kept] = e;
            base[kept] = rules.levelOf[type] < 0 ? 0 : points(e);
            sorted[kept] = kept;
            kept++;
        }
        n = kept;
        sort(n);
        Arrays.fill(dayOf, Long.MIN_VALUE);
        Arrays.fill(usedToday, 0);
        Arrays.fill(typeSum, 0);
        Arrays.fill(level, 0);
        channel = channelCents == null ? 0 : channelCents[lead];
        ledger.start(channel);
        for (int k = 0; k < n; k++) {
            int i = sorted[k];
            long b = base[i];
            if (b == 0) {
                continue;
            }
            int e = local[i];
            int type = events.type(e);
            long allowed = b;
            long cap = rules.perDay[type];
            if (b > 0 && cap >= 0) {
                long day = days.day(events.time(e));
                if (day != dayOf[type]) {
                    dayOf[type] = day;
                    usedToday[type] = 0;
                }
                allowed = Math.min(b, Math.max(0, cap - usedToday[type]));
                usedToday[type] += allowed;
            }
            double factor = factor(type, events.time(e));
            long cents = Math.round(allowed * factor);
            typeSum[type] += cents;
            ledger.event(e, b, allowed, factor, cents);
        }
        for (int t = 0; t < typeSum.length; t++) {
            long cap = rules.perType[t];
            if (cap >= 0 && typeSum[t] > cap) {
                ledger.cap("perType", rules.typeNames[t], cap - typeSum[t]);
                typeSum[t] = cap;
            }
            if (rules.levelOf[t] >= 0) {
                level[rules.levelOf[t]] += typeSum[t];
            }
        }
        for (int l = 0; l < level.length; l++) {
            long cap = rules.perLevel[l];
            if (cap >= 0 && level[l] > cap) {
                ledger.cap("perLevel", rules.levelNames.get(l), cap - level[l]);
                level[l] = cap;
            }
        }
        evaluate(n);
        conditions = 0;
        tags.clear();
        tier = rules.spec.defaultTier();
        List<RuleSpec.Condition> list = rules.spec.conditions();
        for (int c = 0; c < list.size(); c++) {
            fired[c] = rules.when[c].test(env);
            if (fired[c]) {
                RuleSpec.Condition k = list.get(c);
                conditions += k.cents();
                if (k.cents() != 0) {
                    ledger.condition(k.name(), k.cents());
                }
                for (String tag : k.tags()) {
                    if (!tags.contains(tag)) {
                        tags.add(tag);
                    }
                }
                if (k.tier().isPresent() && RuleSpec.TIERS.indexOf(k.tier().get()) < RuleSpec.TIERS.indexOf(tier)) {
                    tier = k.tier().get();
                }
            }
        }
        long rule = conditions;
        for (long v : level) {
            rule += v;
        }
        totalCap = 0;
        if (rules.spec.caps().total().isPresent() && rule > rules.spec.caps().total().getAsLong()) {
            totalCap = rules.spec.caps().total().getAsLong() - rule;
            ledger.cap("total", "rule points", totalCap);
        }
        raw = channel + rule + totalCap;
        score = Math.max(0, Math.min(100_00, raw));
        clamp = score - raw;
        if (clamp != 0) {
            ledger.clamp(clamp);
        }
        score10 = rules.spec.bands().score10(score);
        grade = rules.spec.bands().grade(score);
        for (int b = 0; b < values.length; b++) {
            CompiledRules.Source src = rules.bindings.get(b).source();
            if (src == CompiledRules.Source.SCORE) {
                values[b] = score / 100.0;
            } else if (src == CompiledRules.Source.SCORE10) {
                values[b] = score10;
            }
        }
        stage = "new";
        status = "";
        for (int k = 0; k < rules.stageWhen.length; k++) {
            if (rules.stageWhen[k].test(env)) {
                stage = rules.spec.stages().get(k).stage();
                int col = rules.stageStatus[k];
                status = col < 0 ? "" : rules.attributes.get(col).value(lead);
                break;
            }
        }
    }

    private long points(int e) {
        for (int k = 0; k < width; k++) {
            props[k] = events.property(e, k);
        }
        return rules.points(events.type(e), props);
    }
    private final int[] props;

    private double factor(int type, long time) {
        return decays.factor(type, time);
    }

    /** Works out every name and call the conditions use, for the lead just scored. */
    private void evaluate(int n) {
        for (int b = 0; b < values.length; b++) {
            Binding x = rules.bindings.get(b);
            values[b] = switch (x.source()) {
                case REGISTERED_DAYS -> asOfDay - days.day(leads.createdAt(lead));
                case CHANNEL_SCORE -> channelScore == null ? Double.NaN : channelScore[lead];
                case FEATURE -> featureSlot[b] < 0 ? Double.NaN : features.number(lead, featureSlot[b]);
                case POINTS_LEVEL -> level[x.index()] / 100.0;
                case POINTS_TYPE -> typePoints(b);
                case COUNT -> count(b);
                case DAYS_SINCE -> daysSince(b);
                case PAID, ATTRIBUTE, SCORE, SCORE10, GRADE, TIER, BEST_GRADE -> Double.NaN; // set after the score
            };
        }
    }

    private double typePoints(int b) {
        boolean[] in = rules.bindingTypes[b];
        long sum = 0;
        for (int t = 0; t < in.length; t++) {
            if (in[t]) {
                sum += typeSum[t];
            }
        }
        return sum / 100.0;
    }

    private double count(int b) {
        return tally[b];
    }

    private double daysSince(int b) {
        long last = tally[b];
        return last == Long.MIN_VALUE ? Double.NaN : asOfDay - days.day(last);
    }

    /** A stable merge sort of {@code sorted[0..n)} by time, type name, points (most first) and property values. */
    private void sort(int n) {
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (compare(sorted[mid - 1], sorted[mid]) <= 0) {
                    continue;
                }
                System.arraycopy(sorted, lo, scratch, lo, hi - lo);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (b >= hi || a < mid && compare(scratch[a], scratch[b]) <= 0) {
                        sorted[k] = scratch[a++];
                    } else {
                        sorted[k] = scratch[b++];
                    }
                }
            }
        }
    }

    private int compare(int i, int j) {
        int a = local[i];
        int b = local[j];
        int c = Long.compare(events.time(a), events.time(b));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(rules.rank[events.type(a)], rules.rank[events.type(b)]);
        if (c != 0) {
            return c;
        }
        c = Long.compare(base[j], base[i]);
        if (c != 0) {
            return c;
        }
        for (int p = 0; p < width; p++) {
            int x = events.property(a, p);
            int y = events.property(b, p);
            c = Integer.compare(x < 0 ? -1 : rules.propertyRank[p][x], y < 0 ? -1 : rules.propertyRank[p][y]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The names and calls of the conditions, for the lead just scored. */
    private final class Env implements Expr.Env {
        @Override
        public double number(int id) {
            return values[id];
        }

        @Override
        public String text(int id) {
            Binding b = rules.bindings.get(id);
            return switch (b.source()) {
                case GRADE -> rules.spec.grades().get(grade).name();
                case TIER -> tier;
                case BEST_GRADE -> rules.spec.grades().get(0).name();
                default -> rules.attributes.get(b.index()).value(lead);
            };
        }

        @Override
        public boolean flag(int id) {
            long at = leads.convertedAt(lead);
            return at != LeadTable.NO_TIME && at <= asOf;
        }
    }
}
