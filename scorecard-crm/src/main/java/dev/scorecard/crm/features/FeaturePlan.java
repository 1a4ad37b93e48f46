package dev.scorecard.crm.features;

import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventSink;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.events.LocalDays;
import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec made ready for one as-of instant: a slot per feature, and for each event type the slots it
 * feeds, so an event costs a lookup and a few array updates. Feed it the log's events (it is the
 * log's {@link EventSink}), then write a row per lead. Windows are calendar days in the zone: a
 * {@code 7d} window holds the events after the same local time seven days before the as-of
 * instant, up to and including the as-of instant.
 */
final class FeaturePlan implements EventSink {
    private static final Slot[] NONE = new Slot[0];

    private final FeatureSpec spec;
    private final EventCodes log;
    private final List<Slot> slots = new ArrayList<>();
    private final List<Slot> eventSlots = new ArrayList<>();
    private final List<Set<String>> slotTypes = new ArrayList<>();
    private Slot[][] byType = new Slot[0][];

    FeaturePlan(FeatureSpec spec, LeadTable leads, EventCodes log, long asOf, ZoneId zone) {
        this(spec, spec.properties(), leads, log, asOf, zone);
    }

    /** @param properties the log's property slots, in order (the spec's properties among them) */
    FeaturePlan(FeatureSpec spec, List<String> properties, LeadTable leads, EventCodes log, long asOf, ZoneId zone) {
        this.spec = spec;
        this.log = log;
        int n = leads.size();
        LocalDays days = new LocalDays(zone);
        long asOfDay = days.day(asOf);
        Map<String, Slot> byName = new HashMap<>();
        for (FeatureDef f : spec.features()) {
            Slot s = switch (f.kind()) {
                case COUNT -> new Slots.Count(n);
                case SUM, MEAN, MAX -> new Slots.Values(n, f.kind());
                case DAYS_SINCE_LAST -> new Slots.Recency(n, true, new LocalDays(zone), asOfDay);
                case DAYS_SINCE_FIRST -> new Slots.Recency(n, false, new LocalDays(zone), asOfDay);
                case DAYS_SINCE_CREATED -> new Slots.SinceCreated(leads, new LocalDays(zone), asOfDay);
                case ACTIVE_DAYS -> new Slots.Distinct(n, new LocalDays(zone), -1);
                case DISTINCT -> new Slots.Distinct(n, null, properties.indexOf(f.property()));
                case TOP -> new Slots.Top(n, properties.indexOf(f.property()), f.rank(), log);
                case RATIO -> new Slots.Ratio(byName.get(f.ratio().get(0)), byName.get(f.ratio().get(1)),
                        f.whenZero().orElse(Double.NaN));
                case ATTRIBUTE -> new Slots.Attribute(leads.attribute(f.attribute()).orElseThrow());
            };
            if (f.windowDays() > 0) {
                s.from = Instant.ofEpochMilli(asOf).atZone(zone).minusDays(f.windowDays()).toInstant().toEpochMilli();
            }
            List<Map.Entry<String, String>> where = new ArrayList<>(f.where().entrySet());
            where.sort(Map.Entry.comparingByKey());
            s.whereProperty = new int[where.size()];
            s.whereCode = new int[where.size()];
            for (int k = 0; k < where.size(); k++) {
                int p = properties.indexOf(where.get(k).getKey());
                s.whereProperty[k] = p;
                s.whereCode[k] = log.propertyCode(p, where.get(k).getValue());
            }
            byName.put(f.name(), s);
            slots.add(s);
            if (f.kind().readsEvents()) {
                eventSlots.add(s);
                slotTypes.add(spec.expand(f));
            }
        }
    }

    @Override
    public void accept(int lead, int type, long time, double value, int[] properties) {
        if (type >= byType.length || byType[type] == null) {
            route(type);
        }
        for (Slot s : byType[type]) {
            if (s.admits(time, properties)) {
                s.accept(lead, time, value, properties);
            }
        }
    }

    /** Works out which slots a type feeds, at its first event. */
    private void route(int type) {
        if (type >= byType.length) {
            byType = Arrays.copyOf(byType, Math.max(type + 1, byType.length * 2));
        }
        String name = log.typeName(type);
        List<Slot> feeds = new ArrayList<>();
        for (int i = 0; i < eventSlots.size(); i++) {
            Set<String> types = slotTypes.get(i);
            if (types.isEmpty() || types.contains(name)) {
                feeds.add(eventSlots.get(i));
            }
        }
        byType[type] = feeds.isEmpty() ? NONE : feeds.toArray(NONE);
    }

    /** Writes the header names: the lead id, then the features. */
    void writeHeader(CsvByteWriter out, List<String> before, List<String> after) throws IOException {
        boolean first = true;
        List<String> names = new ArrayList<>(before);
        spec.features().forEach(f -> names.add(f.name()));
        names.addAll(after);
        for (String h : names) {
            if (!first) {
                out.comma();
            }
            out.field(h);
            first = false;
        }
        out.endRow();
    }

    /** Writes the features of lead {@code lead}, each after a comma. */
    void writeFeatures(int lead, CsvByteWriter out) throws IOException {
        for (Slot s : slots) {
            out.comma();
            s.write(lead, out);
        }
    }

    /** @return feature {@code feature}'s value for the lead as a number, NaN when missing or text */
    double number(int lead, int feature) {
        return slots.get(feature).number(lead);
    }

    /** @return the names of the event types seen that no feature reads, sorted */
    List<String> unreadTypes() {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < log.typeCount(); t++) {
            if (t < byType.length && byType[t] != null && byType[t].length == 0) {
                out.add(log.typeName(t));
            }
        }
        out.sort(null);
        return out;
    }
}
