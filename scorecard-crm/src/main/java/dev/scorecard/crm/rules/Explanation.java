package dev.scorecard.crm.rules;

import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One lead's ledger: the channel's start, every event that earned points (its rule's points, what
 * the daily cap let through, the decay factor and the points kept), every cap that bound, every
 * condition's points and the clamp, in the order they were applied; the {@code points} column adds
 * up to the {@code score} row exactly.
 */
final class Explanation implements LeadScorer.Ledger {
    static final List<String> COLUMNS = List.of(EventLog.LEAD, "step", "item", "time", "rule_points", "after_daily_cap",
            "decay", "points");

    private record Line(String step, String item, String time, String base, String allowed, String factor, long cents) {
    }

    private final String id;
    private final CompiledRules rules;
    private final EventTable events;
    private final EventCodes log;
    private final ZoneId zone;
    private final List<Line> lines = new ArrayList<>();
    private int faded;
    private int cutToday;

    Explanation(String id, CompiledRules rules, EventTable events, EventCodes log, ZoneId zone) {
        this.id = id;
        this.rules = rules;
        this.events = events;
        this.log = log;
        this.zone = zone;
    }

    static void header(CsvByteWriter w) throws IOException {
        w.row(COLUMNS);
    }

    @Override
    public void start(long cents) {
        lines.add(new Line("channel", rules.hasChannels ? "channel score x 10 x weight" : "no channel table", "", "", "", "",
                cents));
    }

    @Override
    public void event(int e, long base, long allowed, double factor, long cents) {
        if (cents == 0) { // one line for them all: a lead of years has thousands
            if (allowed == 0) {
                cutToday++;
            } else {
                faded++;
            }
            return;
        }
        StringBuilder item = new StringBuilder(rules.typeNames[events.type(e)]);
        for (int p = 0; p < rules.properties.size(); p++) {
            int code = events.property(e, p);
            if (code >= 0) {
                item.append(' ').append(rules.properties.get(p)).append('=').append(log.propertyValue(p, code));
            }
        }
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(events.time(e)).atZone(zone)
                .toOffsetDateTime()); // always with seconds, unlike toString()
        lines.add(new Line("event", item.toString(), time, Cents.format(base), Cents.format(allowed),
                DoubleFormat.format(factor), cents));
    }

    private void flushFaded() {
        if (cutToday > 0) {
            lines.add(new Line("event", cutToday + (cutToday == 1 ? " event" : " events") + " cut to 0 by the daily cap", "",
                    "", "", "", 0));
            cutToday = 0;
        }
        if (faded > 0) {
            lines.add(new Line("event", faded + (faded == 1 ? " event" : " events") + " decayed to 0", "", "", "", "", 0));
            faded = 0;
        }
    }

    @Override
    public void cap(String kind, String name, long cents) {
        flushFaded();
        lines.add(new Line("cap " + kind, name, "", "", "", "", cents));
    }

    @Override
    public void condition(String name, long cents) {
        flushFaded();
        lines.add(new Line("condition", name, "", "", "", "", cents));
    }

    @Override
    public void clamp(long cents) {
        flushFaded();
        lines.add(new Line("clamp", "to 0-100", "", "", "", "", cents));
    }

    /** @return the sum of the ledger's points, in cents */
    long total() {
        return lines.stream().mapToLong(Line::cents).sum();
    }

    /** Writes the ledger, then the score row. */
    void write(CsvByteWriter w, LeadScorer s) throws IOException {
        flushFaded();
        for (Line l : lines) {
            row(w, l);
        }
        row(w, new Line("score", rules.spec.grades().get(s.grade).name() + " / " + s.score10 + " / " + s.tier
                + (s.tags.isEmpty() ? "" : " / " + String.join(";", s.tags)), "", "", "", "", s.score));
    }

    private void row(CsvByteWriter w, Line l) throws IOException {
        w.row(List.of(id, l.step(), l.item(), l.time(), l.base(), l.allowed(), l.factor(), Cents.format(l.cents())));
    }
}
