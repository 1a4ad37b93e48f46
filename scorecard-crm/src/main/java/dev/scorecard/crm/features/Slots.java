package dev.scorecard.crm.features;

import dev.scorecard.crm.events.LocalDays;
import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.util.Arrays;

/** The slot for each kind of feature. */
final class Slots {
    private Slots() {
    }

    static final class Count extends Slot {
        final int[] counts;

        Count(int leads) {
            counts = new int[leads];
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            counts[lead]++;
        }

        @Override
        double number(int lead) {
            return counts[lead];
        }
    }

    /** Sum, mean and largest of the values (events without one do not count). */
    static final class Values extends Slot {
        private final FeatureKind kind;
        private final double[] acc;
        private final int[] n;

        Values(int leads, FeatureKind kind) {
            this.kind = kind;
            this.acc = new double[leads];
            this.n = new int[leads];
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            if (Double.isNaN(value)) {
                return;
            }
            if (kind == FeatureKind.MAX) {
                acc[lead] = n[lead] == 0 ? value : Math.max(acc[lead], value);
            } else {
                acc[lead] += value;
            }
            n[lead]++;
        }

        @Override
        double number(int lead) {
            return switch (kind) {
                case SUM -> acc[lead];
                case MEAN -> n[lead] == 0 ? Double.NaN : acc[lead] / n[lead];
                default -> n[lead] == 0 ? Double.NaN : acc[lead];
            };
        }
    }

    /** Calendar days from the last (or first) event to the as-of day. */
    static final class Recency extends Slot {
        private final long[] times;
        private final boolean last;
        private final LocalDays days;
        private final long asOfDay;

        Recency(int leads, boolean last, LocalDays days, long asOfDay) {
            this.times = new long[leads];
            Arrays.fill(times, last ? Long.MIN_VALUE : Long.MAX_VALUE);
            this.last = last;
            this.days = days;
            this.asOfDay = asOfDay;
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            times[lead] = last ? Math.max(times[lead], time) : Math.min(times[lead], time);
        }

        @Override
        double number(int lead) {
            long t = times[lead];
            return t == Long.MIN_VALUE || t == Long.MAX_VALUE ? Double.NaN : asOfDay - days.day(t);
        }
    }

    static final class SinceCreated extends Slot {
        private final LeadTable leads;
        private final LocalDays days;
        private final long asOfDay;

        SinceCreated(LeadTable leads, LocalDays days, long asOfDay) {
            this.leads = leads;
            this.days = days;
            this.asOfDay = asOfDay;
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            throw new IllegalStateException("reads no events");
        }

        @Override
        double number(int lead) {
            return asOfDay - days.day(leads.createdAt(lead));
        }
    }

    /** Distinct local days, or distinct property values, per lead. */
    static final class Distinct extends Slot {
        private final IntSets sets;
        private final LocalDays days;
        private final int property;

        /** Active days when {@code property} is -1. */
        Distinct(int leads, LocalDays days, int property) {
            this.sets = new IntSets(leads);
            this.days = days;
            this.property = property;
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            if (property < 0) {
                sets.add(lead, (int) days.day(time));
            } else if (properties[property] >= 0) {
                sets.add(lead, properties[property]);
            }
        }

        @Override
        double number(int lead) {
            return sets.size(lead);
        }
    }

    /** The rank-th most frequent value of a property; ties go to the value that sorts first. */
    static final class Top extends Slot {
        private final IntCounts counts;
        private final int property;
        private final int rank;
        private final EventCodes log;

        Top(int leads, int property, int rank, EventCodes log) {
            this.counts = new IntCounts(leads);
            this.property = property;
            this.rank = rank;
            this.log = log;
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            int code = properties[property];
            if (code >= 0) {
                counts.add(lead, code);
            }
        }

        @Override
        double number(int lead) {
            return Double.NaN;
        }

        @Override
        void write(int lead, CsvByteWriter out) throws IOException {
            String v = counts.ranked(lead, rank, code -> log.propertyValue(property, code));
            if (v != null) {
                out.field(v);
            }
        }
    }

    static final class Ratio extends Slot {
        private final Slot numerator;
        private final Slot denominator;
        private final double whenZero;

        Ratio(Slot numerator, Slot denominator, double whenZero) {
            this.numerator = numerator;
            this.denominator = denominator;
            this.whenZero = whenZero;
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            throw new IllegalStateException("reads no events");
        }

        @Override
        double number(int lead) {
            double n = numerator.number(lead);
            double d = denominator.number(lead);
            if (Double.isNaN(n) || Double.isNaN(d)) {
                return Double.NaN;
            }
            return d == 0 ? whenZero : n / d;
        }
    }

    static final class Attribute extends Slot {
        private final LeadTable.AttributeColumn column;

        Attribute(LeadTable.AttributeColumn column) {
            this.column = column;
        }

        @Override
        void accept(int lead, long time, double value, int[] properties) {
            throw new IllegalStateException("reads no events");
        }

        @Override
        double number(int lead) {
            return Double.NaN;
        }

        @Override
        void write(int lead, CsvByteWriter out) throws IOException {
            out.field(column.value(lead));
        }
    }
}
