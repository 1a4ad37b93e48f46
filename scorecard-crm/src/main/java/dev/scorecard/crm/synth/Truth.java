package dev.scorecard.crm.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The hidden truth of a run, gathered from the chunks in order: per sub-channel the leads,
 * conversions and sums of conversion probability and intent (so a true rate is the mean
 * probability of the leads generated), and the counts of the defects. Writes {@code
 * truth/channels.csv} and {@code truth/model.json}; numbers are written with fixed decimals by
 * hand (through {@link LineBuffer}) so that the text is the same on every JDK.
 */
final class Truth {
    static final String CHANNELS_HEADER = "channel,sub_channel,leads,converted,true_rate,realised_rate,mean_intent,"
            + "intent_offset\n";

    private final World world;
    private final double scale;
    final long[] subLeads;
    final long[] subConverted;
    final double[] subProbability;
    final double[] subIntent;
    long leadEvents;
    long duplicates;
    long unknown;
    final long[] malformed = new long[MalformedKind.ALL.length];
    long orders;
    long eventLines;

    Truth(World world, double scale) {
        this.world = world;
        this.scale = scale;
        int subs = world.subChannels();
        subLeads = new long[subs];
        subConverted = new long[subs];
        subProbability = new double[subs];
        subIntent = new double[subs];
    }

    void add(Chunk c) {
        for (int s = 0; s < subLeads.length; s++) {
            subLeads[s] += c.subLeads[s];
            subConverted[s] += c.subConverted[s];
            subProbability[s] += c.subProbability[s];
            subIntent[s] += c.subIntent[s];
        }
        leadEvents += c.leadEvents;
        duplicates += c.duplicates;
    }

    long converted() {
        long n = 0;
        for (long c : subConverted) {
            n += c;
        }
        return n;
    }

    long malformedTotal() {
        long n = 0;
        for (long m : malformed) {
            n += m;
        }
        return n;
    }

    /** A row per channel (sub-channel empty), followed by a row per sub-channel, in the catalogue's order. */
    byte[] channelsCsv() {
        LineBuffer b = new LineBuffer(8192);
        b.ascii(CHANNELS_HEADER);
        for (int c = 0; c < world.channels(); c++) {
            long n = 0;
            long conv = 0;
            double p = 0;
            double z = 0;
            for (int s = world.subFirst[c]; s < world.subFirst[c + 1]; s++) {
                n += subLeads[s];
                conv += subConverted[s];
                p += subProbability[s];
                z += subIntent[s];
            }
            row(b, c, -1, n, conv, p, z);
            for (int s = world.subFirst[c]; s < world.subFirst[c + 1]; s++) {
                row(b, c, s, subLeads[s], subConverted[s], subProbability[s], subIntent[s]);
            }
        }
        return b.toByteArray();
    }

    private void row(LineBuffer b, int c, int s, long n, long conv, double p, double z) {
        b.bytes(world.channelBytes[c]).comma();
        if (s >= 0) {
            b.bytes(world.subBytes[s]);
        }
        b.comma().integer(n).comma().integer(conv).comma();
        if (n > 0) {
            b.fixed(p / n, 6).comma().fixed((double) conv / n, 6).comma().fixed(z / n, 4);
        } else {
            b.comma().comma();
        }
        b.comma().fixed(s >= 0 ? world.subOffset[s] : 0, 4).newline();
    }

    GenerationSummary summary(List<Path> files) {
        return new GenerationSummary(world.leads, converted(), world.channels(), world.subChannels(), eventLines,
                leadEvents + duplicates + unknown, duplicates, unknown, new GenerationSummary.Malformed(
                        malformed[0], malformed[1], malformed[2], malformed[3]), orders, files);
    }

    /** The generator's parameters, the catalogue and the exact counts, in a fixed order. */
    void modelJson(OutputStream out) throws IOException {
        CrmGeneratorOptions o = world.options;
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeStringField("generator", "scorecard generate-crm");
            g.writeNumberField("formatVersion", 1);
            g.writeNumberField("seed", o.seed());
            g.writeNumberField("leads", o.leads());
            g.writeNumberField("eventsTarget", o.events());
            g.writeStringField("start", o.start().toString());
            g.writeStringField("end", o.end().toString());
            g.writeStringField("timezone", Calendar.OFFSET);
            number(g, "volumeScale", scale, 6);

            g.writeObjectFieldStart("counts");
            g.writeNumberField("leads", world.leads);
            g.writeNumberField("converted", converted());
            g.writeNumberField("eventLines", eventLines);
            g.writeNumberField("wellFormedEventLines", leadEvents + duplicates + unknown);
            g.writeNumberField("leadEvents", leadEvents);
            g.writeNumberField("duplicates", duplicates);
            g.writeNumberField("unknownLeadEvents", unknown);
            g.writeObjectFieldStart("malformed");
            for (MalformedKind k : MalformedKind.ALL) {
                g.writeNumberField(k.configName, malformed[k.ordinal()]);
            }
            g.writeNumberField("total", malformedTotal());
            g.writeEndObject();
            g.writeNumberField("orders", orders);
            g.writeEndObject();

            g.writeObjectFieldStart("intent");
            number(g, "sigma", Parameters.INTENT_SIGMA, 4);
            number(g, "subChannelSigma", Parameters.SUB_CHANNEL_SIGMA, 4);
            number(g, "reference", Parameters.INTENT_REFERENCE, 4);
            number(g, "engagementSigma", Parameters.ENGAGEMENT_SIGMA, 4);
            number(g, "engagementConversionEffect", Parameters.ENGAGEMENT_CONVERSION_EFFECT, 4);
            g.writeEndObject();

            g.writeObjectFieldStart("interest");
            number(g, "halfLifeDays", Parameters.INTEREST_HALF_LIFE, 4);
            number(g, "baseline", Parameters.BASELINE, 4);
            number(g, "baselineHalfLifeDays", Parameters.BASELINE_HALF_LIFE, 4);
            number(g, "studentHalfLifeDays", Parameters.STUDENT_HALF_LIFE, 4);
            number(g, "studentIntentEffect", Parameters.STUDENT_INTENT_EFFECT, 4);
            g.writeEndObject();

            g.writeObjectFieldStart("dormancy");
            number(g, "share", Parameters.DORMANT_SHARE, 4);
            number(g, "afterMinDays", Parameters.DORMANT_AFTER_MIN, 4);
            number(g, "afterMeanDays", Parameters.DORMANT_AFTER_MEAN, 4);
            number(g, "reactivatedShare", Parameters.REACTIVATED_SHARE, 4);
            number(g, "reactivationAfterMinDays", Parameters.REACTIVATION_AFTER_MIN, 4);
            number(g, "reactivationAfterMeanDays", Parameters.REACTIVATION_AFTER_MEAN, 4);
            g.writeEndObject();

            g.writeObjectFieldStart("conversion");
            number(g, "delayDays", Parameters.CONVERSION_DELAY, 4);
            number(g, "delayIntentEffect", Parameters.CONVERSION_DELAY_INTENT_EFFECT, 4);
            number(g, "delayMinDays", Parameters.CONVERSION_DELAY_MIN, 4);
            number(g, "delayMaxDays", Parameters.CONVERSION_DELAY_MAX, 4);
            g.writeNumberField("complaintCap", Parameters.COMPLAINT_CAP);
            number(g, "unsubscribeMaxProbability", Parameters.UNSUBSCRIBE_MAX_PROBABILITY, 4);
            g.writeObjectFieldStart("ageBandEffects");
            for (int i = 0; i < Catalogue.AGE_BANDS.length; i++) {
                number(g, Catalogue.AGE_BANDS[i], Catalogue.AGE_EFFECTS[i], 4);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("deviceEffects");
            for (int i = 0; i < Catalogue.DEVICES.length; i++) {
                number(g, Catalogue.DEVICES[i], Catalogue.DEVICE_EFFECTS[i], 4);
            }
            g.writeEndObject();
            g.writeStringField("cityEffects", "none");
            g.writeObjectFieldStart("warmUp");
            number(g, "trialBooked", Parameters.WARMUP_TRIAL_BOOKED, 4);
            number(g, "trialAttended", Parameters.WARMUP_TRIAL_ATTENDED, 4);
            number(g, "repliesMean", Parameters.WARMUP_REPLIES_MEAN, 4);
            number(g, "courseViewsMean", Parameters.WARMUP_VIEWS_MEAN, 4);
            number(g, "couponClaimed", Parameters.WARMUP_COUPON, 4);
            number(g, "bookedWithinDays", Parameters.WARMUP_BOOKED_WITHIN, 4);
            number(g, "repliesWithinDays", Parameters.WARMUP_REPLIES_WITHIN, 4);
            number(g, "courseViewsWithinDays", Parameters.WARMUP_VIEWS_WITHIN, 4);
            number(g, "couponWithinDays", Parameters.WARMUP_COUPON_WITHIN, 4);
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayFieldStart("eventTypes");
            for (EventType t : EventType.ALL) {
                g.writeStartObject();
                g.writeStringField("event", t.text);
                g.writeStringField("kind", t.kind.configName());
                number(g, t == EventType.UNSUBSCRIBE ? "probability" : "ratePerDay", t.ratePerDay, 4);
                g.writeBooleanField("scaledByEvents", t.kind != EventType.Kind.NEGATIVE);
                number(g, "intentEffect", t.intentEffect, 4);
                number(g, "conversionEffect", t.conversionEffect, 4);
                number(g, "studentRatePerDay", t.studentRate, 4);
                g.writeStringField("value", t.value.meaning);
                g.writeBooleanField("course", t.course);
                g.writeStringField("profile", t.profile.configName());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("seasonality");
            for (Profile p : Profile.values()) {
                g.writeStartObject();
                g.writeStringField("profile", p.configName());
                g.writeArrayFieldStart("weekday");
                for (double w : p.weekdayWeights()) {
                    number(g, null, w, 4);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("hour");
                for (double w : p.hourWeights()) {
                    number(g, null, w, 4);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeObjectFieldStart("exportDefects");
            number(g, "lateShare", Parameters.LATE_SHARE, 4);
            g.writeNumberField("lateMinSeconds", Parameters.LATE_MIN_SECONDS);
            g.writeNumberField("lateMaxSeconds", Parameters.LATE_MAX_SECONDS);
            number(g, "duplicateShare", Parameters.DUPLICATE_SHARE, 4);
            number(g, "unknownLeadShare", Parameters.UNKNOWN_SHARE, 4);
            g.writeNumberField("eventsPerMalformedLine", Parameters.EVENTS_PER_MALFORMED);
            g.writeEndObject();

            g.writeArrayFieldStart("channels");
            for (int c = 0; c < world.channels(); c++) {
                Catalogue.Channel ch = Catalogue.CHANNELS.get(c);
                g.writeStartObject();
                g.writeStringField("channel", ch.name());
                g.writeNumberField("leads", world.channelCounts[c]);
                number(g, "targetRate", ch.targetRate(), 4);
                number(g, "intentMean", world.channelMean[c], 6);
                g.writeArrayFieldStart("subChannels");
                for (int s = world.subFirst[c]; s < world.subFirst[c + 1]; s++) {
                    g.writeStartObject();
                    g.writeStringField("subChannel", world.subNames[s]);
                    number(g, "weight", Catalogue.SUB_WEIGHTS[s - world.subFirst[c]], 4);
                    number(g, "intentOffset", world.subOffset[s], 6);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeObjectFieldStart("courses");
            for (int i = 0; i < Catalogue.COURSES.length; i++) {
                g.writeObjectFieldStart(Catalogue.COURSES[i]);
                number(g, "share", Catalogue.COURSE_SHARES[i], 4);
                g.writeNumberField("priceCents", Catalogue.COURSE_PRICE_CENTS[i]);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** A number with fixed decimals, written as its text so Jackson does not format the double. */
    private static void number(JsonGenerator g, String name, double v, int decimals) throws IOException {
        if (name != null) {
            g.writeFieldName(name);
        }
        g.writeNumber(new LineBuffer(24).fixed(v, decimals).text());
    }
}
