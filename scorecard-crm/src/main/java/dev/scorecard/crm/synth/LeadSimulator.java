package dev.scorecard.crm.synth;

import static dev.scorecard.crm.synth.Calendar.DAY;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulates one lead at a time from its own random stream: {@link #begin} draws who the lead is
 * (attributes, intent, engagement, dormancy, negative events, whether and when it converts, its
 * warm-up) and what it is expected to do; {@link #emit} then draws its events and orders. The
 * volume scale is only known once every lead has begun, so a run begins each lead twice (same
 * stream, same draws) and emits the second time. One instance per worker thread.
 */
final class LeadSimulator {
    private static final double FAST = Parameters.scale(Parameters.INTEREST_HALF_LIFE);
    private static final double SLOW = Parameters.scale(Parameters.BASELINE_HALF_LIFE);
    private static final double STUDENT = Parameters.scale(Parameters.STUDENT_HALF_LIFE);
    private static final double[] CITY = Catalogue.cumulative(Catalogue.CITY_SHARES);
    private static final double[] AGE = Catalogue.cumulative(Catalogue.AGE_SHARES);
    private static final double[] DEVICE = Catalogue.cumulative(Catalogue.DEVICE_SHARES);
    private static final double[] COURSE = Catalogue.cumulative(Catalogue.COURSE_SHARES);
    private static final int SOURCE_PROSPECT = 0;
    private static final int SOURCE_STUDENT = 1;
    private static final int SOURCE_NOISE = 2;

    private final World world;
    private final long end;

    SplittableRandom r;
    int index;
    long created;
    int channel;
    int sub;
    int city;
    int age;
    int device;
    double intent;
    double logEngagement;
    double engagement;
    int course;
    /** -1 when never dormant (or not reactivated) before the end. */
    long dormantFrom;
    long reactivated;
    int complaints;
    boolean unsubscribed;
    double probability;
    boolean converted;
    long convertedAt;
    boolean warmBooked;
    boolean warmAttended;
    int warmReplies;
    int warmViews;
    boolean warmCoupon;
    /** Set by {@link #emit}: the first order's amount, the lead's orders and the last coupon it claimed. */
    long firstOrderCents;
    int orderCount;
    private int couponYuan;
    /** The expected number of events that the volume scale multiplies, and the number it does not. */
    double scaledExpected;
    int fixedCount;

    /** The prospect phase: segment 1 from creation, segment 2 from reactivation, each cut at the purchase. */
    private long p1End;
    private long p2Start;
    private long p2End;
    private double fast1;
    private double slow1;
    private double fast2;
    private double slow2;
    /** The bounds of the segment the last time was drawn in. */
    private long lo;
    private long hi;
    private long[] keys = new long[256];

    LeadSimulator(World world) {
        this.world = world;
        this.end = world.calendar.endSecond;
    }

    /** Draws lead {@code i}'s state from the start of its stream. */
    void begin(int i) {
        r = Draws.stream(world.options.seed(), World.SALT_LEAD, i);
        index = i;
        created = world.created[i];
        channel = world.channelOf[i];
        int first = world.subFirst[channel];
        sub = first + Catalogue.pick(world.subCumulative[channel], r.nextDouble());
        city = Catalogue.pick(CITY, r.nextDouble());
        age = Catalogue.pick(AGE, r.nextDouble());
        device = Catalogue.pick(DEVICE, r.nextDouble());
        intent = world.channelMean[channel] + world.subOffset[sub] + Parameters.INTENT_SIGMA * Draws.gaussian(r);
        double s = Parameters.ENGAGEMENT_SIGMA;
        logEngagement = -s * s / 2 + s * Draws.gaussian(r);
        engagement = StrictMath.exp(logEngagement);
        course = Catalogue.pick(COURSE, r.nextDouble());
        dormancy();
        double rel = intent - Parameters.INTENT_REFERENCE;
        long len1 = (dormantFrom >= 0 ? dormantFrom : end) - created;
        long len2 = reactivated >= 0 ? end - reactivated : 0;
        double interest = interest(len1) + interest(len2);
        complaints = Draws.poisson(r, EventType.COMPLAINT.ratePerDay * StrictMath.exp(EventType.COMPLAINT.intentEffect * rel)
                * interest);
        unsubscribed = r.nextDouble() < Math.min(Parameters.UNSUBSCRIBE_MAX_PROBABILITY,
                EventType.UNSUBSCRIBE.ratePerDay * StrictMath.exp(EventType.UNSUBSCRIBE.intentEffect * rel));
        double logOdds = intent + Catalogue.AGE_EFFECTS[age] + Catalogue.DEVICE_EFFECTS[device]
                + Parameters.ENGAGEMENT_CONVERSION_EFFECT * (logEngagement + s * s / 2)
                + EventType.COMPLAINT.conversionEffect * Math.min(complaints, Parameters.COMPLAINT_CAP)
                + (unsubscribed ? EventType.UNSUBSCRIBE.conversionEffect : 0);
        double delay = Math.max(Parameters.CONVERSION_DELAY_MIN, Math.min(Parameters.CONVERSION_DELAY_MAX,
                Parameters.CONVERSION_DELAY * StrictMath.exp(Parameters.CONVERSION_DELAY_INTENT_EFFECT * rel)));
        double active = (double) (len1 + len2) / DAY;
        // The probability of converting before the end: willing (the logistic) and in time (the delay).
        probability = Draws.sigmoid(logOdds) * -StrictMath.expm1(-active / delay);
        converted = r.nextDouble() < probability;
        convertedAt = -1;
        if (converted) {
            // The delay runs in active time, so a purchase never falls in a dormant spell.
            long d = Math.max(60, (long) (Draws.truncatedExponential(r, delay, active) * DAY));
            convertedAt = d < len1 ? created + d : reactivated + (d - len1);
            convertedAt = Math.min(convertedAt, end - 1);
            warmBooked = r.nextDouble() < Parameters.WARMUP_TRIAL_BOOKED;
            warmAttended = warmBooked && r.nextDouble() < Parameters.WARMUP_TRIAL_ATTENDED;
            warmReplies = Draws.poisson(r, Parameters.WARMUP_REPLIES_MEAN);
            warmViews = Draws.poisson(r, Parameters.WARMUP_VIEWS_MEAN);
            warmCoupon = r.nextDouble() < Parameters.WARMUP_COUPON;
        } else {
            warmBooked = false;
            warmAttended = false;
            warmReplies = 0;
            warmViews = 0;
            warmCoupon = false;
        }
        prospectSegments(len1);
        fixedCount = complaints + (unsubscribed ? 1 : 0) + (warmBooked ? 1 : 0) + (warmAttended ? 1 : 0) + warmReplies
                + warmViews + (warmCoupon ? 1 : 0);
        double expected = 0;
        double prospect = fast1 + slow1 + fast2 + slow2;
        double days = (double) (end - created) / DAY;
        for (EventType t : EventType.ALL) {
            if (t.kind == EventType.Kind.INTENT) {
                expected += intentRate(t, rel) * prospect;
                if (converted && t.studentRate > 0) {
                    expected += studentRate(t, rel) * Draws.decayIntegral(STUDENT, (double) (end - convertedAt) / DAY);
                }
            } else if (t.kind == EventType.Kind.NOISE) {
                expected += t.ratePerDay * days;
            }
        }
        scaledExpected = expected;
    }

    private void dormancy() {
        dormantFrom = -1;
        reactivated = -1;
        if (r.nextDouble() < Parameters.DORMANT_SHARE) {
            double after = Parameters.DORMANT_AFTER_MIN - Parameters.DORMANT_AFTER_MEAN * StrictMath.log1p(-r.nextDouble());
            long from = created + (long) (after * DAY);
            if (from < end) {
                dormantFrom = from;
                if (r.nextDouble() < Parameters.REACTIVATED_SHARE) {
                    double gap = Parameters.REACTIVATION_AFTER_MIN
                            - Parameters.REACTIVATION_AFTER_MEAN * StrictMath.log1p(-r.nextDouble());
                    long back = from + (long) (gap * DAY);
                    reactivated = back < end ? back : -1;
                }
            }
        }
    }

    private void prospectSegments(long len1) {
        long s1End = created + len1;
        p1End = converted ? Math.min(s1End, convertedAt) : s1End;
        p2Start = reactivated;
        p2End = reactivated < 0 ? -1 : converted ? Math.min(end, convertedAt) : end;
        double d1 = (double) (p1End - created) / DAY;
        fast1 = Draws.decayIntegral(FAST, d1);
        slow1 = Parameters.BASELINE * Draws.decayIntegral(SLOW, d1);
        if (p2Start >= 0 && p2End > p2Start) {
            double d2 = (double) (p2End - p2Start) / DAY;
            fast2 = Draws.decayIntegral(FAST, d2);
            slow2 = Parameters.BASELINE * Draws.decayIntegral(SLOW, d2);
        } else {
            fast2 = 0;
            slow2 = 0;
        }
    }

    private static double interest(long seconds) {
        double d = (double) seconds / DAY;
        return Draws.decayIntegral(FAST, d) + Parameters.BASELINE * Draws.decayIntegral(SLOW, d);
    }

    private double intentRate(EventType t, double rel) {
        return t.ratePerDay * engagement * StrictMath.exp(t.intentEffect * rel);
    }

    private static double studentRate(EventType t, double rel) {
        return t.studentRate * StrictMath.exp(Parameters.STUDENT_INTENT_EFFECT * rel);
    }

    /**
     * Draws the lead's events into {@code log} and its orders into {@code orders}, after {@link #begin}.
     *
     * @param scale the volume scale of the intent and noise types
     * @return the number of the lead's events (not counting the re-sent copies)
     */
    int emit(double scale, EventLog log, OrderLog orders, long[] duplicates) {
        int from = log.size;
        firstOrderCents = 0;
        orderCount = 0;
        couponYuan = 0;
        double rel = intent - Parameters.INTENT_REFERENCE;
        double prospect = fast1 + slow1 + fast2 + slow2;
        for (EventType t : EventType.ALL) {
            int n = 0;
            int source = SOURCE_PROSPECT;
            if (t.kind == EventType.Kind.INTENT) {
                n = prospect > 0 ? Draws.poisson(r, scale * intentRate(t, rel) * prospect) : 0;
            } else if (t.kind == EventType.Kind.NOISE) {
                n = Draws.poisson(r, scale * t.ratePerDay * (double) (end - created) / DAY);
                source = SOURCE_NOISE;
            } else if (t == EventType.COMPLAINT) {
                n = complaints;
            } else if (t == EventType.UNSUBSCRIBE) {
                n = unsubscribed ? 1 : 0;
            }
            for (int k = 0; k < n; k++) {
                event(log, t, time(source, t.profile));
            }
            if (converted && t.studentRate > 0) {
                int m = Draws.poisson(r, scale * studentRate(t, rel)
                        * Draws.decayIntegral(STUDENT, (double) (end - convertedAt) / DAY));
                for (int k = 0; k < m; k++) {
                    event(log, t, time(SOURCE_STUDENT, t.profile));
                }
            }
        }
        if (converted) {
            warmUp(log);
            orders(orders);
        }
        int count = log.size - from;
        separate(log, from);
        exportDefects(log, from, count, duplicates);
        return count;
    }

    /** The steps before a purchase: book a trial, attend it, reply, look at courses, claim a coupon. */
    private void warmUp(EventLog log) {
        long tc = convertedAt;
        if (warmBooked) {
            long booked = window(tc, Parameters.WARMUP_BOOKED_WITHIN, EventType.TRIAL_BOOKED.profile);
            event(log, EventType.TRIAL_BOOKED, booked);
            if (warmAttended) {
                lo = booked;
                hi = tc;
                event(log, EventType.TRIAL_ATTENDED, booked + (long) ((0.3 + 0.6 * r.nextDouble()) * (tc - booked)));
            }
        }
        for (int k = 0; k < warmReplies; k++) {
            event(log, EventType.MESSAGE_REPLY, window(tc, Parameters.WARMUP_REPLIES_WITHIN, EventType.MESSAGE_REPLY.profile));
        }
        for (int k = 0; k < warmViews; k++) {
            event(log, EventType.COURSE_VIEW, window(tc, Parameters.WARMUP_VIEWS_WITHIN, EventType.COURSE_VIEW.profile));
        }
        if (warmCoupon) {
            event(log, EventType.COUPON_CLAIMED, window(tc, Parameters.WARMUP_COUPON_WITHIN, EventType.COUPON_CLAIMED.profile));
        }
    }

    /** A time in the {@code days} before {@code tc} (not before creation), at an hour of the profile. */
    private long window(long tc, double days, Profile p) {
        lo = Math.max(created, tc - (long) (days * DAY));
        hi = tc;
        long t = lo + (long) (r.nextDouble() * (hi - lo));
        return hour(t, p);
    }

    /** The first package at the purchase, then renewals every cycle until the customer churns or the end. */
    private void orders(OrderLog orders) {
        double discount = Parameters.DISCOUNTS[r.nextInt(Parameters.DISCOUNTS.length)];
        long cents = Math.round(Catalogue.COURSE_PRICE_CENTS[course] * discount);
        if (warmCoupon) {
            cents -= 100L * couponYuan;
        }
        firstOrderCents = cents;
        orders.add(convertedAt, index, cents, course);
        double stay = Math.min(Parameters.REPEAT_MAX_PROBABILITY, Draws.sigmoid(Parameters.REPEAT_BASE_LOG_ODDS
                + Parameters.REPEAT_INTENT_EFFECT * (intent - Parameters.INTENT_REFERENCE)));
        long t = convertedAt;
        orderCount = 1;
        while (r.nextDouble() < stay) {
            double cycle = Parameters.REPEAT_CYCLE_MIN + r.nextDouble() * (Parameters.REPEAT_CYCLE_MAX - Parameters.REPEAT_CYCLE_MIN);
            t += (long) (cycle * DAY);
            if (t >= end) {
                break;
            }
            int c = r.nextDouble() < Parameters.REPEAT_SAME_COURSE ? course : other(course);
            double share = Parameters.REPEAT_PRICE_MIN + r.nextDouble() * (Parameters.REPEAT_PRICE_MAX - Parameters.REPEAT_PRICE_MIN);
            long amount = Math.round(Catalogue.COURSE_PRICE_CENTS[c] * share / 100) * 100;
            orders.add(t, index, amount, c);
            orderCount++;
        }
    }

    private int other(int c) {
        int o = r.nextInt(Catalogue.COURSES.length - 1);
        return o >= c ? o + 1 : o;
    }

    private void event(EventLog log, EventType t, long at) {
        int courseIndex = -1;
        if (t.course) {
            courseIndex = r.nextDouble() < Parameters.PREFERRED_COURSE_SHARE ? course : other(course);
        }
        int val = value(t, r, intent);
        if (t == EventType.COUPON_CLAIMED) {
            couponYuan = val;
        }
        log.add(at, index, t.ordinal(), courseIndex, val);
    }

    /** The {@code value} of an event of type {@code t}, {@code -1} for none. */
    static int value(EventType t, SplittableRandom r, double intent) {
        double rel = intent - Parameters.INTENT_REFERENCE;
        switch (t.value) {
            case SECONDS:
                return clamp(StrictMath.exp(3.4 + 0.15 * rel + 0.8 * Draws.gaussian(r)), 1, 3600);
            case TRIAL_MINUTES:
                return clamp(StrictMath.exp(3.5 + 0.2 * rel + 0.3 * Draws.gaussian(r)), 5, 90);
            case LIVE_MINUTES:
                return clamp(StrictMath.exp(2.8 + 0.3 * rel + 0.6 * Draws.gaussian(r)), 1, 180);
            case COUPON_YUAN:
                return Parameters.COUPON_YUAN[r.nextInt(Parameters.COUPON_YUAN.length)];
            default:
                return -1;
        }
    }

    private static int clamp(double v, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(v)));
    }

    /**
     * A time from the source's curve, on a weekday the profile accepts (up to four tries), then at an
     * hour of the profile's table on that day when that stays within the segment.
     */
    private long time(int source, Profile p) {
        long t = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            t = draw(source);
            if (p.accepts(world.calendar.weekday(t), r)) {
                break;
            }
        }
        return hour(t, p);
    }

    private long hour(long t, Profile p) {
        long moved = t / DAY * DAY + p.secondOfDay(r);
        return moved >= lo && moved < hi ? moved : t;
    }

    private long draw(int source) {
        if (source == SOURCE_NOISE) {
            lo = created;
            hi = end;
            return created + (long) (r.nextDouble() * (end - created));
        }
        if (source == SOURCE_STUDENT) {
            lo = convertedAt;
            hi = end;
            double len = (double) (end - convertedAt) / DAY;
            return Math.min(end - 1, convertedAt + (long) (Draws.truncatedExponential(r, STUDENT, len) * DAY));
        }
        double u = r.nextDouble() * (fast1 + slow1 + fast2 + slow2);
        long start;
        long stop;
        double fast;
        if (u < fast1 + slow1) {
            start = created;
            stop = p1End;
            fast = fast1 / (fast1 + slow1);
        } else {
            start = p2Start;
            stop = p2End;
            fast = fast2 / (fast2 + slow2);
        }
        lo = start;
        hi = stop;
        double len = (double) (stop - start) / DAY;
        double age = Draws.truncatedExponential(r, r.nextDouble() < fast ? FAST : SLOW, len);
        return Math.min(stop - 1, start + (long) (age * DAY));
    }

    /**
     * Moves a lead's events apart so that no two have the same time and type: an exact duplicate line
     * is then always one of the re-sent copies the truth counts, never a coincidence.
     */
    private void separate(EventLog log, int from) {
        int n = log.size - from;
        if (keys.length < n) {
            keys = new long[Math.max(n, keys.length * 2)];
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int j = 0; j < n; j++) {
                keys[j] = ((long) log.time[from + j] << 28) | ((long) (log.type[from + j] & 0x0F) << 24) | j;
            }
            Arrays.sort(keys, 0, n);
            for (int j = 1; j < n; j++) {
                if (keys[j] >>> 24 == keys[j - 1] >>> 24) {
                    int e = from + (int) (keys[j] & 0xFFFFFF);
                    int t = log.time[e] + 1 < end ? log.time[e] + 1 : log.time[e] - 1;
                    log.time[e] = t;
                    log.arrival[e] = t;
                    moved = true;
                }
            }
        }
    }

    /** Late arrivals (a later place in the file) and exact re-sent copies. */
    private void exportDefects(EventLog log, int from, int count, long[] duplicates) {
        for (int e = from; e < from + count; e++) {
            if (r.nextDouble() < Parameters.LATE_SHARE) {
                long late = Parameters.LATE_MIN_SECONDS + r.nextInt(Parameters.LATE_MAX_SECONDS - Parameters.LATE_MIN_SECONDS);
                log.arrival[e] = (int) Math.min(end - 1, log.time[e] + late);
            }
            if (r.nextDouble() < Parameters.DUPLICATE_SHARE) {
                log.copy(e, Math.min(end - 1, log.arrival[e] + r.nextInt(Parameters.DUPLICATE_MAX_DELAY_SECONDS)));
                duplicates[0]++;
            }
        }
    }
}
