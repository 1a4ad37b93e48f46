package dev.scorecard.crm.synth;

import dev.scorecard.train.io.OutputSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a seeded synthetic CRM dataset with its hidden truth ({@code docs/crm-data.md}):
 * {@code leads.csv}, {@code events.csv}, {@code orders.csv} and, in {@code truth/}, each lead's
 * intent and conversion probability, each channel's true rate and the model's parameters with the
 * exact counts of the defects put into the event file. The files are written as one atomic set:
 * a killed run leaves the previous files or the new ones, never a mix. The same options give
 * byte-identical files on any number of threads. Thread-safe: a generator holds only its options.
 */
public final class CrmGenerator {
    /** The files written, relative to the output folder, in this order. */
    public static final List<String> FILES = List.of("leads.csv", "events.csv", "orders.csv", "truth/leads.csv",
            "truth/channels.csv", "truth/model.json");
    /** Leads per task: small enough to balance two threads, large enough to keep the overhead low. */
    private static final int CHUNK_LEADS = 4096;

    private final CrmGeneratorOptions options;

    /** Receives progress: the phase's name, work done and the phase's total, from the calling thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param phase {@code leads} or {@code events}
         * @param done leads simulated or event lines written so far
         * @param total the phase's total
         */
        void progress(String phase, long done, long total);
    }

    /** @param options what to generate */
    public CrmGenerator(CrmGeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options */
    public CrmGeneratorOptions options() {
        return options;
    }

    /**
     * Writes the dataset into {@code outDir} (created when absent), replacing the files of an
     * earlier run there.
     *
     * @param outDir the folder
     * @param listener progress, or {@code (p, d, t) -> {}}
     * @return what was written
     * @throws IOException when a file cannot be written (nothing is then replaced)
     */
    public GenerationSummary generate(Path outDir, Listener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        int threads = options.effectiveThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scorecard-generate-crm");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(outDir, listener, pool, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private GenerationSummary run(Path outDir, Listener listener, ExecutorService pool, int threads) throws IOException {
        World world = new World(options);
        int leads = world.leads;
        int chunks = (leads + CHUNK_LEADS - 1) / CHUNK_LEADS;
        List<Future<double[]>> expected = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK_LEADS;
            int to = Math.min(leads, from + CHUNK_LEADS);
            expected.add(pool.submit(() -> Chunk.expect(world, from, to)));
        }
        double scaled = 0;
        double fixed = 0;
        for (Future<double[]> f : expected) {
            double[] e = await(f);
            scaled += e[0]; // summed in chunk order, so the sum does not depend on the threads
            fixed += e[1];
        }
        long unknown = Math.round(Parameters.UNKNOWN_SHARE * options.events());
        double leadTarget = (options.events() - unknown) / (1 + Parameters.DUPLICATE_SHARE);
        double scale = scaled > 0 ? Math.max(0, (leadTarget - fixed) / scaled) : 0;
        int perChunk = (int) Math.min(EventLog.MAX_EVENTS, (long) (leadTarget / Math.max(1, chunks) * 1.05) + 64);

        List<Path> members = new ArrayList<>();
        for (String f : FILES) {
            members.add(outDir.resolve(f));
        }
        try (OutputSet set = OutputSet.of(members)) {
            List<Future<Chunk>> simulated = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = c * CHUNK_LEADS;
                int to = Math.min(leads, from + CHUNK_LEADS);
                simulated.add(pool.submit(() -> Chunk.simulate(world, from, to, scale, perChunk)));
            }
            List<EventLog> logs = new ArrayList<>();
            OrderLog orders = new OrderLog();
            Truth truth = new Truth(world, scale);
            try (OutputStream leadsOut = set.open(members.get(0)); OutputStream truthOut = set.open(members.get(3))) {
                leadsOut.write(Chunk.LEADS_HEADER);
                truthOut.write(Chunk.TRUTH_HEADER);
                for (int c = 0; c < chunks; c++) {
                    Chunk chunk = await(simulated.get(c));
                    simulated.set(c, null);
                    leadsOut.write(chunk.leads);
                    truthOut.write(chunk.truth);
                    logs.add(chunk.events);
                    orders.addAll(chunk.orders);
                    truth.add(chunk);
                    listener.progress("leads", Math.min(leads, (long) (c + 1) * CHUNK_LEADS), leads);
                }
            }
            EventLog extras = extras(world, unknown, truth);
            logs.add(extras);
            long lines;
            try (OutputStream eventsOut = set.open(members.get(1))) {
                long total = truth.leadEvents + truth.duplicates + extras.size;
                lines = new EventFileWriter(world, logs).write(eventsOut, pool, threads,
                        done -> listener.progress("events", done, total));
            }
            logs.clear();
            set.write(members.get(2), out -> out.write(ordersCsv(world, orders)));
            truth.orders = orders.size;
            truth.eventLines = lines;
            set.write(members.get(4), out -> out.write(truth.channelsCsv()));
            set.write(members.get(5), out -> truth.modelJson(out));
            set.commit();
            return truth.summary(members);
        }
    }

    /** The events of leads not in {@code leads.csv} and the malformed lines, from a stream of their own. */
    private EventLog extras(World world, long unknown, Truth truth) {
        long perKind = options.events() == 0 ? 0 : Math.max(Parameters.MIN_MALFORMED_PER_KIND,
                Math.round((double) options.events() / Parameters.EVENTS_PER_MALFORMED / MalformedKind.ALL.length));
        EventLog log = new EventLog((int) (unknown + perKind * MalformedKind.ALL.length));
        SplittableRandom r = Draws.stream(options.seed(), World.SALT_EXTRAS, 0);
        long end = world.calendar.endSecond;
        EventType[] intentTypes = Arrays.stream(EventType.ALL).filter(t -> t.kind == EventType.Kind.INTENT)
                .toArray(EventType[]::new);
        EventType[] valued = Arrays.stream(intentTypes).filter(t -> t.value != EventType.Value.NONE)
                .toArray(EventType[]::new);
        for (long j = 0; j < unknown; j++) {
            EventType t = intentTypes[r.nextInt(intentTypes.length)];
            add(log, r, (long) (r.nextDouble() * end), world.leads + (int) j, t, t.ordinal());
        }
        for (MalformedKind kind : MalformedKind.ALL) {
            for (long j = 0; j < perKind; j++) {
                EventType t = kind == MalformedKind.VALUE ? valued[r.nextInt(valued.length)]
                        : intentTypes[r.nextInt(intentTypes.length)];
                add(log, r, (long) (r.nextDouble() * end), r.nextInt(world.leads), t, kind.mark(t.ordinal()));
            }
            truth.malformed[kind.ordinal()] = perKind;
        }
        truth.unknown = unknown;
        return log;
    }

    private static void add(EventLog log, SplittableRandom r, long at, int lead, EventType t, int typeByte) {
        int course = t.course ? r.nextInt(Catalogue.COURSES.length) : -1;
        log.add(at, lead, typeByte, course, LeadSimulator.value(t, r, Parameters.INTENT_REFERENCE));
    }

    /** {@code orders.csv} by time, then by customer. */
    private static byte[] ordersCsv(World world, OrderLog o) {
        long[] keys = new long[o.size];
        for (int i = 0; i < o.size; i++) {
            keys[i] = ((long) o.time[i] << 32) | i; // orders come in lead order, so ties keep the customer's order
        }
        Arrays.sort(keys);
        LineBuffer b = new LineBuffer(o.size * 56 + 64);
        b.ascii("customer_id,order_at,amount,course\n");
        for (long key : keys) {
            int i = (int) key;
            b.ch('L').padded(o.lead[i] + 1L, world.idWidth).comma();
            world.calendar.write(b, o.time[i]);
            b.comma().cents(o.cents[i]).comma().bytes(Catalogue.COURSE_BYTES[o.course[i]]).newline();
        }
        return b.toByteArray();
    }

    static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while generating");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }
}
