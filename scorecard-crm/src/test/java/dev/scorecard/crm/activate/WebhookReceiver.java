package dev.scorecard.crm.activate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook on loopback that answers as a script says and deduplicates by {@code Idempotency-Key},
 * as a receiver of the exactly-once contract does: the first request of a key that it answers with
 * a 2xx is processed (accepted), later ones are recorded as duplicates and acknowledged again.
 */
final class WebhookReceiver implements AutoCloseable {
    /**
     * One answer.
     *
     * @param status the status
     * @param retryAfter a Retry-After header's value, or null
     * @param delayMillis how long to wait before answering (the request is processed first, so a
     *     delay beyond the client's read timeout is a lost acknowledgement)
     */
    record Reply(int status, String retryAfter, long delayMillis) {
        static Reply of(int status) {
            return new Reply(status, null, 0);
        }
    }

    /** Decides the answer to the {@code arrival}-th request (1-based) of a key. */
    interface Script {
        Reply reply(String key, int arrival);
    }

    /** One request as received. */
    record Arrival(String key, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private volatile Script script;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Map<String, String> accepted = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Set<String>> bodies = new HashMap<>();
    private int duplicates;

    WebhookReceiver(Script script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/hook", this::handle);
        server.start();
    }

    /**
     * Sends one message through a cold HttpClient with a generous timeout: the first request of a JVM
     * loads the client's classes, which can take longer than the short read timeouts the tests use.
     */
    static void warmUp() throws IOException {
        try (WebhookReceiver r = new WebhookReceiver((key, arrival) -> Reply.of(200))) {
            org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().autoCommitDisabled().open();
            Outbox o = new Outbox(store);
            o.enqueue(Message.of("warm", "up", "s", "d", "{}"));
            o.deliver(p -> Endpoint.of(r.url()), w -> { });
            store.close();
        }
    }

    void script(Script s) {
        script = s;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Reply r;
            synchronized (this) {
                arrivals.add(new Arrival(key, body, headers));
                int n = counts.merge(key, 1, Integer::sum);
                bodies.computeIfAbsent(key, k -> new TreeSet<>()).add(body);
                r = script.reply(key, n);
                if (r.status() / 100 == 2) {
                    if (accepted.containsKey(key)) {
                        duplicates++; // deduplicated: acknowledged, not processed again
                    } else {
                        accepted.put(key, body);
                    }
                }
            }
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (r.retryAfter() != null) {
                ex.getResponseHeaders().add("Retry-After", r.retryAfter());
            }
            ex.sendResponseHeaders(r.status(), -1);
            ex.close();
        } catch (IOException e) {
            ex.close();
            // the client gave up waiting (a read timeout, or the sender was killed): nothing to answer
        }
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** @return the keys processed, each once, in the order first accepted */
    synchronized Set<String> accepted() {
        return Collections.unmodifiableSet(new TreeSet<>(accepted.keySet()));
    }

    /** @return the requests of keys already accepted */
    synchronized int duplicates() {
        return duplicates;
    }

    /** @return how often each key arrived */
    synchronized Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** @return the different bodies each key arrived with */
    synchronized Map<String, Set<String>> bodies() {
        return Map.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
