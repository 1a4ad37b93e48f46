package dev.scorecard.crm.synth;

/**
 * The generative model's fixed parameters, in one place so that {@code docs/crm-data.md} and
 * {@code truth/model.json} can state them all. Times are in days unless named otherwise.
 */
final class Parameters {
    /** The spread of intent within a sub-channel, on the conversion log-odds scale. */
    static final double INTENT_SIGMA = 1.0;
    /** The spread of the sub-channels' intent offsets around their channel's mean (drawn per seed). */
    static final double SUB_CHANNEL_SIGMA = 0.35;
    /** The intent at which event rates are the table's rates: {@code exp(effect × (intent − reference))}. */
    static final double INTENT_REFERENCE = -3.0;
    /** Engagement is log-normal with mean 1 and this σ of its log; it multiplies every intent type's rate. */
    static final double ENGAGEMENT_SIGMA = 0.5;
    /** What the centred log engagement adds to the conversion log-odds, per unit. */
    static final double ENGAGEMENT_CONVERSION_EFFECT = 0.5;

    /** Interest after creation (or reactivation): {@code exp(−age ln2 / 7) + 0.1 exp(−age ln2 / 120)}. */
    static final double INTEREST_HALF_LIFE = 7;
    static final double BASELINE = 0.1;
    static final double BASELINE_HALF_LIFE = 120;
    /** A student's activity after the purchase fades with this half-life. */
    static final double STUDENT_HALF_LIFE = 60;
    static final double STUDENT_INTENT_EFFECT = 0.3;

    /** The share of leads that go dormant, when, and how many of them come back and when. */
    static final double DORMANT_SHARE = 0.35;
    static final double DORMANT_AFTER_MIN = 2;
    static final double DORMANT_AFTER_MEAN = 20;
    static final double REACTIVATED_SHARE = 0.4;
    static final double REACTIVATION_AFTER_MIN = 30;
    static final double REACTIVATION_AFTER_MEAN = 60;

    /** Conversion delay in active days: exponential with scale {@code 14 exp(−0.3 (intent − reference))}, clamped. */
    static final double CONVERSION_DELAY = 14;
    static final double CONVERSION_DELAY_INTENT_EFFECT = -0.3;
    static final double CONVERSION_DELAY_MIN = 2;
    static final double CONVERSION_DELAY_MAX = 90;
    /** Complaints beyond this many lower the odds no further. */
    static final int COMPLAINT_CAP = 3;
    static final double UNSUBSCRIBE_MAX_PROBABILITY = 0.5;

    /** The warm-up before a purchase: how often each step happens and in how many days before it. */
    static final double WARMUP_TRIAL_BOOKED = 0.85;
    static final double WARMUP_TRIAL_ATTENDED = 0.75;
    static final double WARMUP_REPLIES_MEAN = 1.5;
    static final double WARMUP_VIEWS_MEAN = 2.0;
    static final double WARMUP_COUPON = 0.3;
    static final double WARMUP_BOOKED_WITHIN = 7;
    static final double WARMUP_REPLIES_WITHIN = 3;
    static final double WARMUP_VIEWS_WITHIN = 5;
    static final double WARMUP_COUPON_WITHIN = 2;
    /** A course event is about the lead's preferred course with this probability, else another one. */
    static final double PREFERRED_COURSE_SHARE = 0.8;

    /** Leads per day grow linearly: at the end {@code 1 + LEAD_GROWTH} times as many as at the start. */
    static final double LEAD_GROWTH = 1.0;

    /** Export defects: late arrivals (placed later in the file), exact re-sent lines, unknown leads. */
    static final double LATE_SHARE = 0.03;
    static final int LATE_MIN_SECONDS = 3_600;
    static final int LATE_MAX_SECONDS = 72 * 3_600;
    static final double DUPLICATE_SHARE = 0.005;
    static final int DUPLICATE_MAX_DELAY_SECONDS = 86_400;
    static final double UNKNOWN_SHARE = 0.0005;
    /** Malformed lines per kind: one per 40,000 event lines (0.01 % in all), at least two of each. */
    static final int EVENTS_PER_MALFORMED = 40_000;
    static final int MIN_MALFORMED_PER_KIND = 2;

    /** Orders: the first package's discount and coupons, then renewals at a cycle until the customer churns. */
    static final double[] DISCOUNTS = {1.0, 0.95, 0.9, 0.85, 0.8};
    static final int[] COUPON_YUAN = {20, 50, 100, 200};
    static final double REPEAT_CYCLE_MIN = 45;
    static final double REPEAT_CYCLE_MAX = 150;
    static final double REPEAT_BASE_LOG_ODDS = 0.3;
    static final double REPEAT_INTENT_EFFECT = 0.5;
    static final double REPEAT_MAX_PROBABILITY = 0.9;
    static final double REPEAT_PRICE_MIN = 0.25;
    static final double REPEAT_PRICE_MAX = 0.6;
    static final double REPEAT_SAME_COURSE = 0.75;

    static final double LN2 = 0.6931471805599453;

    private Parameters() {
    }

    /** @return the scale of an exponential decay with this half-life */
    static double scale(double halfLife) {
        return halfLife / LN2;
    }
}
