package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to a real webhook on loopback that answers 500s, 429 with Retry-After, 400, slow
 * responses beyond the read timeout and lost acknowledgements; the receiver deduplicates by key.
 */
class DeliveryTest {
    static final Endpoint.Retries RETRIES = new Endpoint.Retries(4, Duration.ofMillis(100), Duration.ofSeconds(5));
    static final Duration READ = Duration.ofMillis(250);

    @BeforeAll
    static void warmUp() throws IOException {
        WebhookReceiver.warmUp();
    }

    @TempDir
    java.nio.file.Path dir;

    /** Records the waits instead of sleeping. */
    static final class Waits implements Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration wait) {
            waits.add(wait);
        }
    }

    MVStore open() {
        return new MVStore.Builder().fileName(dir.resolve("state.mv.db").toString()).autoCommitDisabled().open();
    }

    static Endpoint endpoint(String url, Endpoint.Retries retries) {
        return new Endpoint(URI.create(url), Optional.empty(), Duration.ofSeconds(2), READ, retries);
    }

    static Message message(int i, String plan) {
        return Message.of("L" + i, plan, "email-1", "2026-12-04", "{\"lead\":\"L" + i + "\",\"n\":" + i + ",\"name\":\"Zoë\"}");
    }

    enum Kind { OK, FLAKY, THROTTLED, BAD, DOWN, SLOW_ONCE }

    static Kind kind(int i) {
        return switch (i % 8) {
            case 3 -> Kind.FLAKY;
            case 4 -> Kind.THROTTLED;
            case 5 -> Kind.BAD;
            case 6 -> Kind.DOWN;
            case 7 -> Kind.SLOW_ONCE;
            default -> Kind.OK;
        };
    }

    @Test
    void everyKindOfFailure() throws IOException {
        int n = 40;
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            index.put(message(i, "welcome").key(), i);
        }
        WebhookReceiver.Script script = (key, arrival) -> {
            int i = index.get(key);
            return switch (kind(i)) {
                case OK -> WebhookReceiver.Reply.of(200);
                case FLAKY -> WebhookReceiver.Reply.of(arrival == 1 ? 500 : arrival == 2 ? 503 : 201);
                // one asks for 120 s, more than max: the wait is capped at 5 s
                case THROTTLED -> arrival == 1 ? new WebhookReceiver.Reply(429, i == 4 ? "120" : "3", 0)
                        : WebhookReceiver.Reply.of(200);
                case BAD -> WebhookReceiver.Reply.of(400);
                case DOWN -> WebhookReceiver.Reply.of(503);
                // processed, but the acknowledgement comes after the read timeout: the client retries
                case SLOW_ONCE -> new WebhookReceiver.Reply(200, null, arrival == 1 ? 700 : 0);
            };
        };
        try (WebhookReceiver receiver = new WebhookReceiver(script)) {
            MVStore store = open();
            Outbox outbox = new Outbox(store);
            for (int i = 0; i < n; i++) {
                assertThat(outbox.enqueue(message(i, "welcome"))).isTrue();
            }
            store.commit();
            Waits waits = new Waits();
            Delivery d = outbox.deliver(plan -> endpoint(receiver.url(), RETRIES), waits);

            // 15 OK + 5 FLAKY + 5 THROTTLED + 5 SLOW_ONCE sent; 5 BAD + 5 DOWN dead. Retries: FLAKY 2 each,
            // THROTTLED 1, DOWN 3 (4 attempts), SLOW_ONCE 1: 10 + 5 + 15 + 5.
            assertThat(d).isEqualTo(new Delivery(40, 30, 10, 35));
            assertThat(d.sent() + d.dead()).isEqualTo(n);
            assertThat(outbox.sentCount() + outbox.deadCount()).isEqualTo(n);
            assertThat(outbox.pendingCount()).isZero();

            // every key arrived; the receiver processed exactly the sent ones; one body per key
            assertThat(receiver.counts().keySet()).containsExactlyInAnyOrderElementsOf(index.keySet());
            assertThat(receiver.accepted()).containsExactlyElementsOf(outbox.sentKeys());
            assertThat(receiver.bodies().values()).allSatisfy(b -> assertThat(b).hasSize(1));
            // the lost acknowledgements are the only duplicates the receiver saw
            assertThat(receiver.duplicates()).isEqualTo(5);
            index.forEach((key, i) -> {
                int arrivals = receiver.counts().get(key);
                switch (kind(i)) {
                    case OK -> assertThat(arrivals).isEqualTo(1);
                    case FLAKY -> assertThat(arrivals).isEqualTo(3);
                    case THROTTLED, SLOW_ONCE -> assertThat(arrivals).isEqualTo(2);
                    case BAD -> assertThat(arrivals).as("400 is not retried").isEqualTo(1);
                    case DOWN -> assertThat(arrivals).isEqualTo(4);
                    default -> throw new AssertionError();
                }
            });

            // the dead letters carry their reasons
            assertThat(outbox.deadLetters()).hasSize(10).allSatisfy(dl -> {
                if (kind(index.get(dl.message().key())) == Kind.BAD) {
                    assertThat(dl).isEqualTo(new DeadLetter(dl.message(), "status 400 is not retried", 1, 400));
                } else {
                    assertThat(dl).isEqualTo(new DeadLetter(dl.message(), "status 503 on the last of 4 attempts", 4,
                            503));
                }
            });
            assertThat(outbox.deadLetters()).extracting(DeadLetter::message)
                    .allSatisfy(m -> assertThat(m).isEqualTo(message(index.get(m.key()), "welcome")));

            // the waits, in key order: Retry-After when given (capped at max), else full jitter drawn from
            // a random source seeded by the key, up to min(max, backoff × 2^(failures − 1))
            List<Duration> expected = new ArrayList<>();
            index.forEach((key, i) -> {
                SplittableRandom r = new SplittableRandom(Outbox.seed(key));
                int failures = switch (kind(i)) {
                    case FLAKY -> 2;
                    case DOWN -> 3;
                    case SLOW_ONCE -> 1;
                    default -> 0;
                };
                for (int f = 1; f <= failures; f++) {
                    long ceiling = Math.min(5000, 100L << (f - 1)); // 100, 200, 400 ms
                    expected.add(Duration.ofMillis(r.nextLong(ceiling + 1)));
                }
                if (kind(i) == Kind.THROTTLED) {
                    expected.add(Duration.ofSeconds(i == 4 ? 5 : 3));
                }
            });
            assertThat(waits.waits).containsExactlyElementsOf(expected);
            assertThat(waits.waits).filteredOn(w -> w.toMillis() < 3000).hasSize(30)
                    .allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, Duration.ofMillis(400)));

            // a re-run enqueues nothing and sends nothing
            int arrivals = receiver.arrivals().size();
            for (int i = 0; i < n; i++) {
                assertThat(outbox.enqueue(message(i, "welcome"))).isFalse();
            }
            assertThat(outbox.deliver(plan -> endpoint(receiver.url(), RETRIES), waits))
                    .isEqualTo(new Delivery(0, 0, 0, 0));
            assertThat(receiver.arrivals()).hasSize(arrivals);
            store.close();
        }
    }

    @Test
    void waitsAreReproducible() throws IOException {
        List<List<Duration>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> WebhookReceiver.Reply.of(500))) {
                MVStore store = new MVStore.Builder().autoCommitDisabled().open(); // in memory
                Outbox outbox = new Outbox(store);
                for (int i = 0; i < 3; i++) {
                    outbox.enqueue(message(i, "p"));
                }
                Waits waits = new Waits();
                assertThat(outbox.deliver(p -> endpoint(receiver.url(), RETRIES), waits))
                        .isEqualTo(new Delivery(3, 0, 3, 9));
                runs.add(waits.waits);
                store.close();
            }
        }
        assertThat(runs.get(1)).hasSize(9).isEqualTo(runs.get(0));
    }

    @Test
    void requestHeadersAndBody() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> WebhookReceiver.Reply.of(204))) {
            MVStore store = new MVStore.Builder().autoCommitDisabled().open();
            Outbox outbox = new Outbox(store);
            Message header = message(1, "header");
            Message basic = message(2, "basic");
            outbox.enqueue(header);
            outbox.enqueue(basic);
            Endpoint withHeader = new Endpoint(URI.create(receiver.url()),
                    Optional.of(new Endpoint.Auth("Authorization", "CRM_TOKEN", "Bearer t0k")), Duration.ofSeconds(2),
                    READ, RETRIES);
            Endpoint withUser = endpoint(receiver.url().replace("//", "//alice:pa%40ss@"), RETRIES);
            assertThat(outbox.deliver(p -> p.equals("header") ? withHeader : withUser, new Waits()))
                    .isEqualTo(new Delivery(2, 2, 0, 0));
            Map<String, WebhookReceiver.Arrival> byKey = receiver.arrivals().stream()
                    .collect(Collectors.toMap(WebhookReceiver.Arrival::key, a -> a));
            WebhookReceiver.Arrival h = byKey.get(header.key());
            assertThat(h.body()).isEqualTo(header.body()); // UTF-8 both ways: Zoë arrives intact
            assertThat(h.headers()).containsEntry("content-type", "application/json")
                    .containsEntry("idempotency-key", header.key()).containsEntry("authorization", "Bearer t0k");
            // alice:pa@ss, the URL's escape undone, as Basic authentication
            assertThat(byKey.get(basic.key()).headers()).containsEntry("authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("alice:pa@ss".getBytes(StandardCharsets.UTF_8)));
            store.close();
        }
    }

    @Test
    void connectionRefusedAndMissingEndpoint() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        MVStore store = new MVStore.Builder().autoCommitDisabled().open();
        Outbox outbox = new Outbox(store);
        outbox.enqueue(message(1, "refused"));
        outbox.enqueue(message(2, "other"));
        Endpoint refused = endpoint("http://127.0.0.1:" + port + "/hook",
                new Endpoint.Retries(2, Duration.ofMillis(10), Duration.ofMillis(10)));
        assertThatThrownBy(() -> outbox.deliver(p -> p.equals("refused") ? refused : null, new Waits()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no endpoint for plan 'other' (1 pending messages)");
        assertThat(outbox.pendingCount()).isEqualTo(2); // nothing was tried
        Waits waits = new Waits();
        assertThat(outbox.deliver(p -> refused, waits)).isEqualTo(new Delivery(2, 0, 2, 2));
        assertThat(outbox.deadLetters()).extracting(DeadLetter::reason, DeadLetter::attempts, DeadLetter::lastStatus)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("connection refused on the last of 2 attempts", 2, 0));
        store.close();
    }

    @Test
    void connectTimeout() throws IOException {
        // A listener that never accepts, its backlog filled: the kernel drops further connection
        // attempts, so the client's connect times out.
        try (ServerSocket never = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fill = new ArrayList<>();
            boolean full = false;
            try {
                for (int i = 0; i < 8 && !full; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(never.getLocalSocketAddress(), 200);
                        fill.add(s);
                    } catch (java.net.SocketTimeoutException e) {
                        s.close();
                        full = true;
                    } catch (java.net.ConnectException e) {
                        s.close();
                        break; // this system refuses instead of dropping: no timeout to test
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(full, "a full backlog does not drop connections here");
                MVStore store = new MVStore.Builder().autoCommitDisabled().open();
                Outbox outbox = new Outbox(store);
                Message m = message(1, "p");
                outbox.enqueue(m);
                Endpoint ep = new Endpoint(URI.create("http://127.0.0.1:" + never.getLocalPort() + "/hook"),
                        Optional.empty(), Duration.ofMillis(300), READ,
                        new Endpoint.Retries(2, Duration.ofMillis(1), Duration.ofMillis(1)));
                assertThat(outbox.deliver(p -> ep, new Waits())).isEqualTo(new Delivery(1, 0, 1, 1));
                assertThat(outbox.deadLetters()).containsExactly(new DeadLetter(m,
                        "no connection within 300ms on the last of 2 attempts", 2, 0));
                store.close();
            } finally {
                for (java.net.Socket s : fill) {
                    s.close();
                }
            }
        }
    }

    @Test
    void lostAcknowledgementOnEveryTry() throws IOException {
        // The documented edge of the contract: when no try gets its answer in time, the message is a dead
        // letter at the sender although the receiver processed it; re-sending it later under the same key
        // is harmless, the receiver deduplicates it.
        try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> new WebhookReceiver.Reply(200, null, 600))) {
            MVStore store = new MVStore.Builder().autoCommitDisabled().open();
            Outbox outbox = new Outbox(store);
            Message m = message(1, "p");
            outbox.enqueue(m);
            Delivery d = outbox.deliver(p -> endpoint(receiver.url(),
                    new Endpoint.Retries(2, Duration.ofMillis(10), Duration.ofMillis(10))), new Waits());
            assertThat(d).isEqualTo(new Delivery(1, 0, 1, 1));
            assertThat(outbox.deadLetters()).containsExactly(new DeadLetter(m,
                    "no response within 250ms on the last of 2 attempts", 2, 0));
            assertThat(receiver.accepted()).containsExactly(m.key());
            assertThat(receiver.counts().get(m.key())).isEqualTo(2);
            assertThat(receiver.duplicates()).isEqualTo(1);
            assertThat(receiver.bodies().get(m.key())).containsExactly(m.body());
            store.close();
        }
    }

    @Test
    void interruptedDeliveryLeavesTheRestPending() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> WebhookReceiver.Reply.of(503))) {
            MVStore store = new MVStore.Builder().autoCommitDisabled().open();
            Outbox outbox = new Outbox(store);
            outbox.enqueue(message(1, "p"));
            outbox.enqueue(message(2, "p"));
            assertThatThrownBy(() -> outbox.deliver(p -> endpoint(receiver.url(), RETRIES), w -> {
                throw new InterruptedException();
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessage("delivery interrupted: 2 messages stay pending for the next run");
            assertThat(Thread.interrupted()).isTrue();
            assertThat(outbox.pendingCount()).isEqualTo(2);
            store.close();
        }
    }
}
