package dev.scorecard.crm.synth;

/**
 * One run of consecutive leads, simulated by one task: their rows of {@code leads.csv} and {@code
 * truth/leads.csv} as bytes, their events and orders, and the per-sub-channel sums of the truth.
 * Lead {@code i} draws only from its own stream, so the chunking changes nothing in the output.
 */
final class Chunk {
    static final byte[] LEADS_HEADER = ascii("lead_id,channel,sub_channel,created_at,city,age_band,device,converted,"
            + "converted_at,first_order_amount\n");
    static final byte[] TRUTH_HEADER = ascii("lead_id,intent,engagement,preferred_course,dormant_from,reactivated_at,"
            + "conversion_probability,events,complaints,unsubscribed,orders\n");

    final byte[] leads;
    final byte[] truth;
    final EventLog events;
    final OrderLog orders;
    final long[] subLeads;
    final long[] subConverted;
    final double[] subProbability;
    final double[] subIntent;
    final long duplicates;
    final long leadEvents;

    private Chunk(byte[] leads, byte[] truth, EventLog events, OrderLog orders, long[] subLeads, long[] subConverted,
            double[] subProbability, double[] subIntent, long duplicates, long leadEvents) {
        this.leads = leads;
        this.truth = truth;
        this.events = events;
        this.orders = orders;
        this.subLeads = subLeads;
        this.subConverted = subConverted;
        this.subProbability = subProbability;
        this.subIntent = subIntent;
        this.duplicates = duplicates;
        this.leadEvents = leadEvents;
    }

    /** @return the expected scaled events and the count of unscaled ones of leads {@code [from, to)} */
    static double[] expect(World world, int from, int to) {
        LeadSimulator sim = new LeadSimulator(world);
        double scaled = 0;
        long fixed = 0;
        for (int i = from; i < to; i++) {
            sim.begin(i);
            scaled += sim.scaledExpected;
            fixed += sim.fixedCount;
        }
        return new double[] {scaled, fixed};
    }

    static Chunk simulate(World world, int from, int to, double scale, int expectedEvents) {
        LeadSimulator sim = new LeadSimulator(world);
        Calendar cal = world.calendar;
        int subs = world.subChannels();
        long[] subLeads = new long[subs];
        long[] subConverted = new long[subs];
        double[] subProbability = new double[subs];
        double[] subIntent = new double[subs];
        LineBuffer leads = new LineBuffer((to - from) * 100);
        LineBuffer truth = new LineBuffer((to - from) * 80);
        EventLog log = new EventLog(Math.min(EventLog.MAX_EVENTS, expectedEvents));
        OrderLog orders = new OrderLog();
        long[] duplicates = new long[1];
        long leadEvents = 0;
        for (int i = from; i < to; i++) {
            sim.begin(i);
            int events = sim.emit(scale, log, orders, duplicates);
            leadEvents += events;
            subLeads[sim.sub]++;
            subProbability[sim.sub] += sim.probability;
            subIntent[sim.sub] += sim.intent;
            leads.ch('L').padded(i + 1, world.idWidth).comma().bytes(world.channelBytes[sim.channel]).comma()
                    .bytes(world.subBytes[sim.sub]).comma();
            cal.write(leads, sim.created);
            leads.comma().bytes(Catalogue.CITY_BYTES[sim.city]).comma().bytes(Catalogue.AGE_BYTES[sim.age]).comma()
                    .bytes(Catalogue.DEVICE_BYTES[sim.device]).comma();
            if (sim.converted) {
                subConverted[sim.sub]++;
                leads.ch('1').comma();
                cal.write(leads, sim.convertedAt);
                leads.comma().cents(sim.firstOrderCents).newline();
            } else {
                leads.ch('0').comma().comma().newline();
            }
            truth.ch('L').padded(i + 1, world.idWidth).comma().fixed(sim.intent, 4).comma().fixed(sim.engagement, 4).comma()
                    .bytes(Catalogue.COURSE_BYTES[sim.course]).comma();
            if (sim.dormantFrom >= 0) {
                cal.write(truth, sim.dormantFrom);
            }
            truth.comma();
            if (sim.reactivated >= 0) {
                cal.write(truth, sim.reactivated);
            }
            truth.comma().fixed(sim.probability, 6).comma().integer(events).comma().integer(sim.complaints).comma()
                    .ch(sim.unsubscribed ? '1' : '0').comma().integer(sim.converted ? sim.orderCount : 0).newline();
        }
        return new Chunk(leads.toByteArray(), truth.toByteArray(), log, orders, subLeads, subConverted, subProbability,
                subIntent, duplicates[0], leadEvents);
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
