package dev.scorecard.crm.synth;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link CrmGenerator} makes: how many leads and events, from which seed, over which dates,
 * on how many threads. The same options give byte-identical files whatever {@code threads} is.
 *
 * @param leads the number of leads, exactly; at least 5 per channel ({@value #MIN_LEADS}), at most {@value #MAX_LEADS}
 * @param events the target number of well-formed event lines (the file has them within about 1 %,
 *     plus the malformed ones); 0 to 1,000 per lead
 * @param seed the seed every random stream is derived from
 * @param start the first day leads are created on (midnight, {@code +08:00})
 * @param end the day after the last: leads are created before its midnight and nothing happens after it
 * @param threads worker threads; 0 for one per available processor
 */
public record CrmGeneratorOptions(int leads, long events, long seed, LocalDate start, LocalDate end, int threads) {
    /** The fewest leads: {@link Catalogue#MIN_CHANNEL_LEADS} for each of the 34 channels. */
    public static final int MIN_LEADS = 170;
    /** The most leads. */
    public static final int MAX_LEADS = 20_000_000;
    /** The most event lines per lead. */
    public static final int MAX_EVENTS_PER_LEAD = 1_000;
    /** The longest span, in days (ten years). */
    public static final int MAX_DAYS = 3_660;

    /** Validates the options; every message names the option, the rule and the value given. */
    public CrmGeneratorOptions {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (leads < MIN_LEADS || leads > MAX_LEADS) {
            throw new IllegalArgumentException("leads must be between " + MIN_LEADS + " (5 per channel) and " + MAX_LEADS
                    + ", got " + leads);
        }
        if (events < 0 || events > (long) MAX_EVENTS_PER_LEAD * leads) {
            throw new IllegalArgumentException("events must be between 0 and " + MAX_EVENTS_PER_LEAD + " per lead ("
                    + (long) MAX_EVENTS_PER_LEAD * leads + " for " + leads + " leads), got " + events);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start, got start " + start + " and end " + end);
        }
        long days = end.toEpochDay() - start.toEpochDay();
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("end must be at most " + MAX_DAYS + " days after start, got " + days
                    + " (" + start + " to " + end + ")");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per processor) or more, got " + threads);
        }
    }

    /**
     * @param leads the number of leads
     * @return 20 events per lead, seed 1, 2025-01-01 to 2026-11-30, one thread per processor
     */
    public static CrmGeneratorOptions of(int leads) {
        return new CrmGeneratorOptions(leads, 20L * Math.max(0, leads), 1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 30), 0);
    }

    /** @return these options with another target of event lines */
    public CrmGeneratorOptions withEvents(long newEvents) {
        return new CrmGeneratorOptions(leads, newEvents, seed, start, end, threads);
    }

    /** @return these options with another seed */
    public CrmGeneratorOptions withSeed(long newSeed) {
        return new CrmGeneratorOptions(leads, events, newSeed, start, end, threads);
    }

    /** @return these options with other dates */
    public CrmGeneratorOptions withDates(LocalDate newStart, LocalDate newEnd) {
        return new CrmGeneratorOptions(leads, events, seed, newStart, newEnd, threads);
    }

    /** @return these options on another number of threads (the output does not change) */
    public CrmGeneratorOptions withThreads(int newThreads) {
        return new CrmGeneratorOptions(leads, events, seed, start, end, newThreads);
    }

    /** @return the threads to run on: {@link #threads}, or one per available processor when 0 */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
