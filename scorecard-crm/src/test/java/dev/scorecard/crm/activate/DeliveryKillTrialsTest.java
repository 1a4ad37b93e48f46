package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's kill -9 acceptance: 100 trials, each a child JVM ({@link DeliveryChild}) on one store
 * that enqueues three more messages (with its state, in one commit) and delivers what is pending
 * to a loopback webhook that, by a seeded script per request, answers 200, fails (500, 503), times
 * out (sleeps past the read timeout, then processes), drops the connection, or processes and loses
 * or delays the acknowledgement; each child is SIGKILLed at a seeded moment aimed at one phase
 * (JVM start, enqueue and commit, delivery, an acknowledgement held back). A last child runs to
 * the end: every key processed, none lost, none with two bodies, and every repeated delivery of a
 * key explained by a kill while it was in flight or by an acknowledgement the script lost.
 */
class DeliveryKillTrialsTest {
    private static final int TRIALS = 100;
    private static final int PER_TRIAL = 3;
    private static final int N = TRIALS * PER_TRIAL;
    private static final long READ_TIMEOUT_MS = 200;
    private static final long LATE_MS = 260; // past the read timeout
    private static final int ALWAYS_OK_FROM = 5; // the 5th request of a key gets a 200: with 8 attempts, no dead letters

    @TempDir
    Path dir;

    /** What a kill was aimed at; the phase it hit is read from the evidence afterwards. */
    enum Phase { START, ENQUEUE, DELIVERY, HELD }

    /** What the webhook does with one request. */
    enum Act { OK, FAIL_500, FAIL_503, TIMEOUT, DROP, LOST_ACK, SLOW_ACK, HOLD }

    @Test
    void hundredKillsLoseNothingAndRepeatOnlyWhatIsExplained() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(15); // seeded: the same aims and moments on every run
        Path store = dir.resolve("state.mv.db");
        Path log = dir.resolve("child.log");
        Map<Phase, Integer> aimed = new EnumMap<>(Phase.class);
        Map<Phase, Integer> hit = new EnumMap<>(Phase.class);
        Map<String, Integer> inFlightKills = new HashMap<>();
        int hits = 0;
        int completed = 0;
        int committed = 0;
        int pending = 0;
        try (Webhook hook = new Webhook(15)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                int n = (trial + 1) * PER_TRIAL;
                Phase aim = aim(random.nextInt(100));
                aimed.merge(aim, 1, Integer::sum);
                // a kill aimed at delivery comes at the k-th request of the run or just after, a held
                // acknowledgement is the k-th request's; k is at most what the run has to send
                int k = 1 + random.nextInt(Math.min(8, pending + PER_TRIAL));
                CountDownLatch reached = hook.nextTrial(k, aim == Phase.HELD);
                Child child = Child.start(store, hook.url(trial), n, log);
                switch (aim) {
                    case START -> Thread.sleep(random.nextInt(250));
                    case ENQUEUE -> {
                        child.awaitLine("opened");
                        Thread.sleep(random.nextInt(15));
                    }
                    case DELIVERY -> {
                        child.await(reached);
                        Thread.sleep(random.nextInt(30));
                    }
                    case HELD -> child.await(reached);
                }
                boolean holding = hook.holding();
                boolean alive = child.process.isAlive();
                child.process.destroyForcibly(); // SIGKILL
                hook.killed();
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                List<String> lines = child.lines();
                if (alive && child.process.exitValue() != 0) {
                    hits++;
                    Phase p = !lines.contains("opened") ? Phase.START
                            : lines.stream().noneMatch(l -> l.startsWith("enqueued")) ? Phase.ENQUEUE
                            : holding ? Phase.HELD : Phase.DELIVERY;
                    hit.merge(p, 1, Integer::sum);
                } else {
                    assertThat(child.process.exitValue()).as(Files.readString(log)).isZero();
                    completed++;
                }
                committed = checkCommitted(store, committed, n);
                pending = pending(store);
                if (!alive) {
                    hook.notKilled(trial);
                }
            }
            long trialsNanos = System.nanoTime() - t0;
            hook.nextTrial(0, false);
            Child last = Child.start(store, hook.url(TRIALS), N, log);
            assertThat(last.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.process.exitValue()).as(Files.readString(log)).isZero();
            String lastRun = String.join("; ", last.lines());
            hook.quiesce(); // a late request of a killed child may still be sleeping in the webhook
            // each request names its child's trial in its path, so a killed child's request that reaches
            // the webhook late, after the next child started, still counts as in flight at its own kill
            for (int trial = 0; trial < TRIALS; trial++) {
                hook.inFlightAtKill(trial).forEach(key -> inFlightKills.merge(key, 1, Integer::sum));
            }

            Set<String> all = IntStream.range(0, N).mapToObj(i -> DeliveryChild.message(i).key())
                    .collect(Collectors.toCollection(TreeSet::new));
            MVStore s = new MVStore.Builder().fileName(store.toString()).autoCommitDisabled().open();
            try {
                Outbox outbox = new Outbox(s);
                assertThat(outbox.pendingCount()).isZero();
                assertThat(outbox.sentCount() + outbox.deadCount()).isEqualTo(N);
                assertThat(outbox.deadCount()).isZero(); // the script turns to 200 before the attempts run out
                assertThat(outbox.sentKeys()).containsExactlyInAnyOrderElementsOf(all);
            } finally {
                s.close();
            }
            Webhook.Tally tally = hook.tally();
            // nothing lost: each key processed, and only the keys enqueued; one body per key
            assertThat(tally.processed().keySet()).isEqualTo(all);
            assertThat(tally.bodies().values()).allSatisfy(b -> assertThat(b).hasSize(1));
            // each repeated processing of a key is explained: the key was in flight when a child was
            // killed, or the script processed it and the acknowledgement never reached the sender
            Map<String, String> unexplained = new TreeMap<>();
            int duplicates = 0;
            for (Map.Entry<String, Integer> e : tally.processed().entrySet()) {
                int again = e.getValue() - 1;
                duplicates += again;
                int explained = inFlightKills.getOrDefault(e.getKey(), 0) + tally.ackLost().getOrDefault(e.getKey(), 0)
                        + tally.senderLate().getOrDefault(e.getKey(), 0);
                if (again > explained) {
                    unexplained.put(e.getKey(), again + " > " + explained);
                }
            }
            assertThat(unexplained).isEmpty();
            int held = hit.getOrDefault(Phase.HELD, 0);
            int inFlight = inFlightKills.values().stream().mapToInt(i -> i).sum();
            int late = tally.senderLate().values().stream().mapToInt(i -> i).sum();
            assertThat(duplicates).isLessThanOrEqualTo(inFlight + tally.ackLostTotal() + late);
            assertThat(inFlight).isLessThanOrEqualTo(2 * hits); // the last request, and one racing the kill
            assertThat(late).isLessThanOrEqualTo(TRIALS / 4); // a 200 the sender gave up on: the load, a cold client
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.printf("DeliveryKillTrialsTest: %d trials, %d killed a running child (%d ran to the end), aimed"
                    + " %s, hit %s; %d messages, %d requests %s; %d repeated deliveries (%d keys in flight at a kill,"
                    + " %d acknowledgements lost by script, %d prompt 200s the sender timed out on); trials %d ms, then the last run (%s), %d ms in all%n", TRIALS,
                    hits, completed, aimed, hit, N, tally.requests(), tally.acts(), duplicates,
                    inFlight, tally.ackLostTotal(), late,
                    TimeUnit.NANOSECONDS.toMillis(trialsNanos), lastRun, millis);
            assertThat(hits).isGreaterThanOrEqualTo(TRIALS * 9 / 10);
            assertThat(hit.keySet()).containsExactlyInAnyOrder(Phase.values());
            assertThat(held).isGreaterThanOrEqualTo(10);
        }
    }

    private static Phase aim(int percent) {
        return percent < 15 ? Phase.START : percent < 35 ? Phase.ENQUEUE : percent < 70 ? Phase.DELIVERY : Phase.HELD;
    }

    /**
     * After a kill: the run's messages and its state were committed together or not at all.
     *
     * @return the messages now committed: the last count or this run's
     */
    private static int checkCommitted(Path store, int before, int n) {
        if (!Files.exists(store)) {
            assertThat(before).isZero();
            return 0;
        }
        MVStore s = new MVStore.Builder().fileName(store.toString()).autoCommitDisabled().open();
        try {
            Outbox o = new Outbox(s);
            String state = s.<String, String>openMap("caller/state").get("messages");
            int now = state == null ? 0 : Integer.parseInt(state);
            assertThat(now).isIn(before, n);
            assertThat(o.pendingCount() + o.sentCount() + o.deadCount()).isEqualTo(now);
            return now;
        } finally {
            s.closeImmediately(); // stores nothing
        }
    }

    private static int pending(Path store) {
        if (!Files.exists(store)) {
            return 0;
        }
        MVStore s = new MVStore.Builder().fileName(store.toString()).autoCommitDisabled().open();
        try {
            return new Outbox(s).pendingCount();
        } finally {
            s.closeImmediately();
        }
    }

    /** A child JVM whose output is read as it comes, and kept in a log. */
    private record Child(Process process, List<String> out, Thread reader) {
        static Child start(Path store, String url, int n, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xss512k", "-Xmx64m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                    DeliveryChild.class.getName(), store.toString(), url, String.valueOf(n),
                    String.valueOf(READ_TIMEOUT_MS));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> out = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        synchronized (out) {
                            out.add(line);
                            out.notifyAll();
                        }
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                } catch (IOException e) {
                    // the child was killed mid-line: what it printed before is kept
                }
            });
            reader.start();
            return new Child(p, out, reader);
        }

        /** Waits until a line starting with {@code prefix} is printed, or the child ends. */
        void awaitLine(String prefix) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (out) {
                while (out.stream().noneMatch(l -> l.startsWith(prefix)) && process.isAlive() && System.nanoTime() < end) {
                    out.wait(5);
                }
            }
        }

        /** Waits until the latch opens, or the child ends. */
        void await(CountDownLatch latch) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!latch.await(5, TimeUnit.MILLISECONDS) && process.isAlive() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }

        /** @return all it printed (call once it ended) */
        List<String> lines() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (out) {
                return List.copyOf(out);
            }
        }
    }

    /**
     * A webhook on loopback that deduplicates by {@code Idempotency-Key} and treats each request as
     * a seeded script says; in a trial aimed at a held acknowledgement, one request of the trial is
     * processed and its acknowledgement held back while the child is killed.
     */
    static final class Webhook implements AutoCloseable {
        /** What the webhook saw: processings and bodies per key, acknowledgements lost by script. */
        record Tally(Map<String, Integer> processed, Map<String, Set<String>> bodies, Map<String, Integer> ackLost,
                int ackLostTotal, Map<String, Integer> senderLate, int requests, Map<Act, Integer> acts) {
        }

        private final HttpServer server;
        private final ExecutorService pool = Executors.newCachedThreadPool();
        private final long seed;
        private final Map<String, Integer> arrivals = new HashMap<>();
        private final Map<String, Integer> processed = new HashMap<>();
        private final Map<String, Set<String>> bodies = new HashMap<>();
        private final Map<String, Integer> ackLost = new HashMap<>();
        private final Map<Act, Integer> acts = new EnumMap<>(Act.class);
        private final Map<Integer, Integer> sleeping = new HashMap<>(); // trial → requests held or late
        private int trial = -1;
        /** Per trial (the child's, from the request's path) the keys of its requests in order of arrival. */
        private final Map<Integer, List<String>> keysOf = new HashMap<>();
        /** Per trial the keys acknowledged at once with a 200. */
        private final Map<Integer, Set<String>> ackedOf = new HashMap<>();
        private final Map<String, Integer> senderLate = new HashMap<>();
        /** Per killed trial how many of its requests had arrived when it was killed. */
        private final Map<Integer, Integer> killedAt = new HashMap<>();
        private int target;
        private boolean hold;
        private CountDownLatch reached = new CountDownLatch(0);
        private int requests;
        private int inHandler;

        Webhook(long seed) throws IOException {
            this.seed = seed;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(pool);
            server.createContext("/hook", this::handle);
            server.start();
        }

        /** @return the URL a trial's child sends to: its path names the trial */
        String url(int trial) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + trial;
        }

        /**
         * Starts a trial.
         *
         * @param target the request of the trial (1-based) at which the returned latch opens
         * @param hold whether that request is processed and its acknowledgement held back
         */
        synchronized CountDownLatch nextTrial(int target, boolean hold) {
            trial++;
            this.target = target;
            this.hold = hold;
            reached = new CountDownLatch(1);
            return reached;
        }

        /** @return whether a request of this trial is being held back or answered late right now */
        synchronized boolean holding() {
            return sleeping.getOrDefault(trial, 0) > 0;
        }

        /** Notes that the trial's child was just killed. */
        synchronized void killed() {
            killedAt.put(trial, keysOf.getOrDefault(trial, List.of()).size());
        }

        /** Notes that the trial's child had ended before the kill, so nothing of it was in flight. */
        synchronized void notKilled(int t) {
            killedAt.remove(t);
        }

        /**
         * @return the keys of a trial that can have been in flight at its kill: its last request before
         *     the kill (one sender, one request at a time) and any of its requests that arrived after it
         */
        synchronized Set<String> inFlightAtKill(int t) {
            Integer at = killedAt.get(t);
            if (at == null) {
                return Set.of();
            }
            List<String> keys = keysOf.getOrDefault(t, List.of());
            return new TreeSet<>(keys.subList(Math.max(0, at - 1), keys.size()));
        }

        /** Waits until no request is in the handler. */
        void quiesce() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            synchronized (this) {
                while (inHandler > 0 && System.nanoTime() < end) {
                    wait(10);
                }
            }
        }

        synchronized Tally tally() {
            return new Tally(Map.copyOf(processed), Map.copyOf(bodies), Map.copyOf(ackLost),
                    ackLost.values().stream().mapToInt(i -> i).sum(), Map.copyOf(senderLate), requests, new EnumMap<>(acts));
        }

        /** The seeded script: the same act for a key's n-th request on every run. */
        private Act script(String key, int arrival) {
            if (arrival >= ALWAYS_OK_FROM) {
                return Act.OK;
            }
            int r = new SplittableRandom(seed * 31 + key.hashCode() * 7L + arrival).nextInt(100);
            return r < 62 ? Act.OK : r < 70 ? Act.FAIL_500 : r < 77 ? Act.FAIL_503 : r < 81 ? Act.TIMEOUT
                    : r < 89 ? Act.DROP : r < 96 ? Act.LOST_ACK : Act.SLOW_ACK;
        }

        private void handle(HttpExchange ex) {
            int myTrial;
            Act act;
            String key;
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            } catch (IOException e) {
                ex.close();
                return;
            }
            synchronized (this) {
                inHandler++;
                requests++;
                myTrial = trialOf(ex);
                List<String> keys = keysOf.computeIfAbsent(myTrial, t -> new ArrayList<>());
                keys.add(key);
                if (ackedOf.getOrDefault(myTrial, Set.of()).contains(key)) {
                    senderLate.merge(key, 1, Integer::sum); // acknowledged at once, yet the same run sends it again
                }
                int n = arrivals.merge(key, 1, Integer::sum);
                boolean current = myTrial == trial;
                int ofTrial = keys.size();
                act = current && hold && ofTrial == target ? Act.HOLD : script(key, n);
                if (current && !hold && ofTrial == target) {
                    reached.countDown();
                }
                acts.merge(act, 1, Integer::sum);
                if (act == Act.TIMEOUT || act == Act.SLOW_ACK || act == Act.HOLD) {
                    sleeping.merge(myTrial, 1, Integer::sum);
                }
            }
            try {
                switch (act) {
                    case OK -> {
                        process(key, body, false);
                        synchronized (this) {
                            ackedOf.computeIfAbsent(myTrial, t -> new HashSet<>()).add(key);
                        }
                        ex.sendResponseHeaders(200, -1);
                    }
                    case FAIL_500 -> ex.sendResponseHeaders(500, -1);
                    case FAIL_503 -> ex.sendResponseHeaders(503, -1);
                    case DROP -> {
                        // closed below before any response: the connection is dropped
                    }
                    case LOST_ACK -> process(key, body, true); // processed; the connection dropped
                    case TIMEOUT -> {
                        Thread.sleep(LATE_MS); // the sender gave up; the work happens anyway
                        process(key, body, true);
                        ex.sendResponseHeaders(200, -1);
                    }
                    case SLOW_ACK -> {
                        process(key, body, true);
                        Thread.sleep(LATE_MS);
                        ex.sendResponseHeaders(200, -1);
                    }
                    case HOLD -> {
                        process(key, body, false); // in flight at the kill: counted there
                        reached.countDown();
                        Thread.sleep(1000);
                        ex.sendResponseHeaders(200, -1);
                    }
                }
            } catch (IOException e) {
                // the sender is gone or gave up: nothing to answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
                synchronized (this) {
                    if (act == Act.TIMEOUT || act == Act.SLOW_ACK || act == Act.HOLD) {
                        sleeping.merge(myTrial, -1, Integer::sum);
                    }
                    inHandler--;
                    notifyAll();
                }
            }
        }

        /** @return the trial in the request's path, {@code /hook/<trial>} */
        private static int trialOf(HttpExchange ex) {
            String path = ex.getRequestURI().getPath();
            return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        }

        private synchronized void process(String key, String body, boolean ackLostByScript) {
            processed.merge(key, 1, Integer::sum);
            bodies.computeIfAbsent(key, k -> new TreeSet<>()).add(body);
            if (ackLostByScript) {
                ackLost.merge(key, 1, Integer::sum);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
