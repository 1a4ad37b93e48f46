package dev.scorecard.crm.activate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The delivery state of activation messages, in the caller's H2 MVStore: each message is pending,
 * sent or dead (maps {@code outbox/pending}, {@code outbox/sent}, {@code outbox/dead}, keyed by the
 * idempotency key). A message is enqueued once, ever: enqueuing it again, on a re-run, changes
 * nothing. {@link #deliver} posts the pending ones at least once each and moves each to sent or dead
 * in its own commit, so a run that is killed sends again at most the message that was in flight;
 * the receiver, deduplicating on the {@code Idempotency-Key} header, sees every message once.
 *
 * <p>Open the store with {@code autoCommitDisabled()}: enqueues are then stored only by the caller's
 * own {@code store.commit()}, together with the state that decided them. Not thread-safe; the
 * store's file lock keeps a second run away.
 */
public final class Outbox {
    /** The map of pending messages. */
    public static final String PENDING = "outbox/pending";
    /** The map of sent messages. */
    public static final String SENT = "outbox/sent";
    /** The map of dead letters. */
    public static final String DEAD = "outbox/dead";

    private final MVStore store;
    private final MVMap<String, byte[]> pending;
    private final MVMap<String, byte[]> sent;
    private final MVMap<String, byte[]> dead;

    /**
     * @param store an open store; the caller commits and closes it
     */
    public Outbox(MVStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.pending = store.openMap(PENDING);
        this.sent = store.openMap(SENT);
        this.dead = store.openMap(DEAD);
    }

    /**
     * Adds a message to the pending ones unless its key is pending, sent or dead already. Does not
     * commit: the caller commits it with its own state.
     *
     * @param m the message
     * @return true when it was added, false when its key was known (nothing changes)
     */
    public boolean enqueue(Message m) {
        if (pending.containsKey(m.key()) || sent.containsKey(m.key()) || dead.containsKey(m.key())) {
            return false;
        }
        pending.put(m.key(), encode(m, null, 0, 0));
        return true;
    }

    /** @return the messages pending */
    public int pendingCount() {
        return pending.size();
    }

    /** @return the messages sent, over every run */
    public int sentCount() {
        return sent.size();
    }

    /** @return the dead letters, over every run */
    public int deadCount() {
        return dead.size();
    }

    /** @return the dead letters of every run, in key order */
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> out = new ArrayList<>();
        dead.forEach((k, v) -> out.add(decodeDead(k, v)));
        return out;
    }

    /** @return the keys sent, in order */
    List<String> sentKeys() {
        return new ArrayList<>(sent.keySet());
    }

    /**
     * Delivers every pending message with real sleeps between retries.
     *
     * @see #deliver(Function, Sleeper)
     */
    public Delivery deliver(Function<String, Endpoint> endpointOfPlan) {
        return deliver(endpointOfPlan, Sleeper.REAL);
    }

    /**
     * Posts every pending message, one at a time in key order, to its plan's endpoint with the headers
     * {@code Idempotency-Key} and {@code Content-Type: application/json}. A 2xx moves it to sent; 408,
     * 425, 429, 5xx, a timeout or a connection error is retried after a wait (see
     * {@link Endpoint.Retries}), up to the endpoint's attempts; any other status makes it a dead
     * letter at once. Each move is committed (with whatever else the store holds uncommitted).
     *
     * @param endpointOfPlan the endpoint of each plan
     * @param sleeper waits between tries
     * @return the counts
     * @throws IllegalArgumentException before sending anything, when a pending message's plan has no
     *     endpoint
     * @throws IllegalStateException when the thread is interrupted; the messages not yet sent stay
     *     pending for the next run
     */
    public Delivery deliver(Function<String, Endpoint> endpointOfPlan, Sleeper sleeper) {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        Map<String, Integer> planCounts = new TreeMap<>();
        for (byte[] v : pending.values()) {
            planCounts.merge(planOf(v), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : planCounts.entrySet()) {
            Endpoint ep = endpointOfPlan.apply(e.getKey());
            if (ep == null) {
                throw new IllegalArgumentException("no endpoint for plan '" + e.getKey() + "' (" + e.getValue()
                        + " pending messages)");
            }
            endpoints.put(e.getKey(), ep);
        }
        Map<Endpoint, HttpClient> clients = new HashMap<>();
        int before = pending.size();
        int nSent = 0;
        int nDead = 0;
        int retries = 0;
        for (String key : new ArrayList<>(pending.keySet())) {
            Message m = decode(key, pending.get(key));
            Endpoint ep = endpoints.get(m.plan());
            HttpClient client = clients.computeIfAbsent(ep, e -> HttpClient.newBuilder()
                    .connectTimeout(e.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build());
            SplittableRandom jitter = new SplittableRandom(seed(key));
            for (int attempt = 1; ; attempt++) {
                Outcome o;
                try {
                    o = send(client, ep, m);
                } catch (InterruptedException e) {
                    throw interrupted();
                }
                if (o.status >= 200 && o.status < 300) {
                    sent.put(key, ByteBuffer.allocate(8).putInt(attempt).putInt(o.status).array());
                    pending.remove(key);
                    store.commit();
                    nSent++;
                    break;
                }
                if (!o.retryable() || attempt == ep.retries().attempts()) {
                    String reason = !o.retryable() ? o.what + " is not retried"
                            : o.what + " on the last of " + attempt + " attempts";
                    dead.put(key, encode(m, reason, attempt, o.status));
                    pending.remove(key);
                    store.commit();
                    nDead++;
                    break;
                }
                Duration wait = waitAfter(ep.retries(), attempt, o.retryAfter, jitter);
                retries++;
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    throw interrupted();
                }
            }
        }
        return new Delivery(before, nSent, nDead, retries);
    }

    private IllegalStateException interrupted() {
        Thread.currentThread().interrupt(); // kept set, for the caller to see
        return new IllegalStateException("delivery interrupted: " + pending.size() + " messages stay pending for the"
                + " next run");
    }

    /**
     * The wait after the {@code failures}-th failed try: the Retry-After seconds when the response
     * gave them, else a uniform draw from 0 to {@link Endpoint.Retries#ceiling} (full jitter, which
     * spreads the retries of many senders), both capped at {@code max}.
     */
    static Duration waitAfter(Endpoint.Retries r, int failures, Optional<Duration> retryAfter, SplittableRandom jitter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(r.max()) > 0 ? r.max() : retryAfter.get();
        }
        return Duration.ofMillis(jitter.nextLong(r.ceiling(failures).toMillis() + 1));
    }

    /** @return the jitter's seed for a message: the same on every run, so its waits are reproducible */
    static long seed(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One try's result: the status (0 without a response), what happened, and a Retry-After. */
    private record Outcome(int status, String what, Optional<Duration> retryAfter) {
        boolean retryable() {
            return status == 0 || status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600);
        }
    }

    private static Outcome send(HttpClient client, Endpoint ep, Message m) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(ep.target()).timeout(ep.readTimeout())
                .header("Content-Type", "application/json").header("Idempotency-Key", m.key())
                .POST(HttpRequest.BodyPublishers.ofString(m.body(), StandardCharsets.UTF_8));
        for (String[] h : ep.secretHeaders()) {
            b.header(h[0], h[1]);
        }
        try {
            HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(r.statusCode(), "status " + r.statusCode(), retryAfter(r));
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(0, "no connection within " + Endpoint.text(ep.connectTimeout()), Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "no response within " + Endpoint.text(ep.readTimeout()), Optional.empty());
        } catch (ConnectException e) {
            return new Outcome(0, "connection refused", Optional.empty());
        } catch (IOException e) {
            // the message may name the address; the endpoint masks its secrets in it
            return new Outcome(0, "connection error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + ep.mask(e.getMessage())), Optional.empty());
        }
    }

    /** @return the Retry-After header's seconds; its HTTP-date form is ignored (the jittered wait applies) */
    private static Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> h = r.headers().firstValue("Retry-After");
        if (h.isPresent() && h.get().strip().matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(h.get().strip())));
        }
        return Optional.empty();
    }

    // A value: the message's parts (the key is the map's), then for a dead letter its reason, attempts
    // and status, each text as a UTF-8 byte count and bytes (writeUTF stops at 64 KiB; a body may not).
    private static byte[] encode(Message m, String reason, int attempts, int status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String s : new String[] {m.lead(), m.plan(), m.step(), m.day(), m.body()}) {
                writeText(out, s);
            }
            if (reason != null) {
                writeText(out, reason);
                out.writeInt(attempts);
                out.writeInt(status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Message decode(String key, byte[] v) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(v))) {
            return read(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DeadLetter decodeDead(String key, byte[] v) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(v))) {
            Message m = read(key, in);
            return new DeadLetter(m, readText(in), in.readInt(), in.readInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Message read(String key, DataInputStream in) throws IOException {
        String lead = readText(in);
        String plan = readText(in);
        String step = readText(in);
        String day = readText(in);
        String body = readText(in);
        return new Message(key, lead, plan, step, day, body);
    }

    /** @return a value's plan, without reading (and checking) its body */
    private static String planOf(byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v);
        b.position(4 + b.getInt());
        byte[] plan = new byte[b.getInt()];
        b.get(plan);
        return new String(plan, StandardCharsets.UTF_8);
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
