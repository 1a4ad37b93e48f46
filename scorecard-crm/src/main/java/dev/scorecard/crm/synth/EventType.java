package dev.scorecard.crm.synth;

import java.nio.charset.StandardCharsets;

/**
 * The event types of {@code events.csv} and how each is generated. An {@link Kind#INTENT} type's
 * daily rate while the lead is interested is {@code ratePerDay × engagement × exp(intentEffect ×
 * (intent − reference))}, times the interest curve and the volume scale; a {@link Kind#NOISE} type
 * has a constant rate from creation to the end whatever the lead is like; a {@link Kind#NEGATIVE}
 * type is more frequent at low intent and lowers the conversion log-odds by {@code conversionEffect}
 * per occurrence. After a purchase the lead is a student, and the types with a {@code studentRate}
 * go on at that rate on a slower curve.
 */
enum EventType {
    PAGE_VIEW("page_view", Kind.INTENT, 1.6, 0.35, 0, Value.SECONDS, false, Profile.LEISURE, 0),
    COURSE_VIEW("course_view", Kind.INTENT, 0.7, 0.6, 0, Value.NONE, true, Profile.LEISURE, 0.2),
    TRIAL_BOOKED("trial_booked", Kind.INTENT, 0.012, 1.1, 0, Value.NONE, true, Profile.WORK, 0),
    TRIAL_ATTENDED("trial_attended", Kind.INTENT, 0.007, 1.3, 0, Value.TRIAL_MINUTES, true, Profile.WORK, 0),
    LIVE_JOINED("live_joined", Kind.INTENT, 0.12, 0.9, 0, Value.LIVE_MINUTES, true, Profile.EVENING, 0.15),
    APP_OPEN("app_open", Kind.INTENT, 0.5, 0.5, 0, Value.NONE, false, Profile.LEISURE, 0.4),
    MESSAGE_REPLY("message_reply", Kind.INTENT, 0.3, 0.8, 0, Value.NONE, false, Profile.WORK, 0),
    WECHAT_ADD("wechat_add", Kind.INTENT, 0.03, 0.7, 0, Value.NONE, false, Profile.WORK, 0),
    COUPON_CLAIMED("coupon_claimed", Kind.INTENT, 0.05, 0.6, 0, Value.COUPON_YUAN, false, Profile.LEISURE, 0),
    NEWSLETTER_OPEN("newsletter_open", Kind.NOISE, 0.015, 0, 0, Value.NONE, false, Profile.FLAT, 0),
    BANNER_IMPRESSION("banner_impression", Kind.NOISE, 0.03, 0, 0, Value.NONE, false, Profile.FLAT, 0),
    /** Per day of interest, not scaled by {@code --events}. */
    COMPLAINT("complaint", Kind.NEGATIVE, 0.0015, -0.8, -0.7, Value.NONE, false, Profile.WORK, 0),
    /** The probability of one, not a rate; not scaled by {@code --events}. */
    UNSUBSCRIBE("unsubscribe", Kind.NEGATIVE, 0.02, -0.7, -1.5, Value.NONE, false, Profile.FLAT, 0);

    /** How a type relates to the lead's intent. */
    enum Kind {
        INTENT, NOISE, NEGATIVE;

        String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the {@code value} column holds. */
    enum Value {
        NONE(""), SECONDS("seconds on the page"), TRIAL_MINUTES("minutes attended"), LIVE_MINUTES("minutes watched"),
        COUPON_YUAN("coupon value in yuan");

        final String meaning;

        Value(String meaning) {
            this.meaning = meaning;
        }
    }

    static final EventType[] ALL = values();

    final String text;
    final byte[] bytes;
    final Kind kind;
    final double ratePerDay;
    final double intentEffect;
    final double conversionEffect;
    final Value value;
    final boolean course;
    final Profile profile;
    final double studentRate;

    EventType(String text, Kind kind, double ratePerDay, double intentEffect, double conversionEffect, Value value,
            boolean course, Profile profile, double studentRate) {
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
        this.kind = kind;
        this.ratePerDay = ratePerDay;
        this.intentEffect = intentEffect;
        this.conversionEffect = conversionEffect;
        this.value = value;
        this.course = course;
        this.profile = profile;
        this.studentRate = studentRate;
    }
}
