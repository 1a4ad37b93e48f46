package dev.scorecard.crm.synth;

/** The ways a line of {@code events.csv} is broken on purpose, one defect per line. */
enum MalformedKind {
    /** Four fields (the course dropped) or six (a stray trailing field). */
    FIELD_COUNT("field_count"),
    /** A time that is not one: February 30, {@code yesterday}, a day-first date, hour 25. */
    TIMESTAMP("timestamp"),
    /** A value with a letter in it, e.g. {@code 12x}. */
    VALUE("value"),
    /** The event type left empty. */
    EVENT_TYPE("event_type");

    static final MalformedKind[] ALL = values();

    final String configName;

    MalformedKind(String configName) {
        this.configName = configName;
    }

    /** @return the kind stored in an event's type byte (its high bits), null for a well-formed line */
    static MalformedKind of(byte typeByte) {
        int k = (typeByte >> 4) & 0x0F;
        return k == 0 ? null : ALL[k - 1];
    }

    byte mark(int type) {
        return (byte) (((ordinal() + 1) << 4) | type);
    }
}
