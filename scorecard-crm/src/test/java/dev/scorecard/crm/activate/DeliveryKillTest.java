package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 trial: a child JVM enqueues 300 messages and delivers them to a webhook this test
 * runs; it is killed (SIGKILL) at seeded moments, some while a request is in flight, and restarted
 * until a run completes. Nothing is lost, and the receiver sees a key twice only when it was in
 * flight at a kill.
 */
class DeliveryKillTest {
    private static final int N = 300;
    private static final int KILLS = 6;
    private static final int IN_FLIGHT_KILLS = 3; // the first three; then three at random moments

    @TempDir
    Path dir;

    @Test
    void killedRunsLoseNothingAndResendOnlyWhatWasInFlight() throws Exception {
        Random random = new Random(15); // seeded: the same kill moments on every run
        AtomicInteger arrivals = new AtomicInteger();
        AtomicInteger killAt = new AtomicInteger(-1);
        AtomicReference<CountDownLatch> inFlight = new AtomicReference<>(new CountDownLatch(1));
        WebhookReceiver.Script script = (key, arrival) -> {
            if (arrivals.incrementAndGet() == killAt.get()) {
                inFlight.get().countDown();
                // processed; the acknowledgement is held back until the sender is dead
                return new WebhookReceiver.Reply(200, null, 1500);
            }
            return new WebhookReceiver.Reply(200, null, 2); // a little work, so timed kills land mid-delivery too
        };
        Path store = dir.resolve("state.mv.db");
        Path log = dir.resolve("child.log");
        try (WebhookReceiver receiver = new WebhookReceiver(script)) {
            Set<String> lastAtKill = new HashSet<>();
            int kills = 0;
            int runs = 0;
            while (true) {
                runs++;
                Process child = start(store, receiver.url(), log);
                if (kills < KILLS) {
                    if (kills < IN_FLIGHT_KILLS) {
                        // while a request is in flight: after 1 to 40 more arrivals, no more than the run has
                        // left to send (it sends at least the messages not yet processed), so it is reached
                        inFlight.set(new CountDownLatch(1));
                        int left = N - receiver.accepted().size();
                        killAt.set(arrivals.get() + 1 + random.nextInt(Math.max(1, Math.min(40, left))));
                        assertThat(inFlight.get().await(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
                    } else {
                        // at any moment: starting, enqueuing, committing, between or during requests; a run
                        // that completes first is the last run
                        Thread.sleep(random.nextInt(1500));
                    }
                    if (child.isAlive()) {
                        child.destroyForcibly(); // SIGKILL
                        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        kills++;
                        List<WebhookReceiver.Arrival> a = receiver.arrivals();
                        if (!a.isEmpty()) {
                            lastAtKill.add(a.get(a.size() - 1).key()); // the only one that can be in flight
                        }
                        killAt.set(-1);
                        checkCommitted(store);
                        continue;
                    }
                }
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as(Files.readString(log)).isZero();
                break;
            }
            assertThat(kills).as("runs " + runs).isGreaterThanOrEqualTo(IN_FLIGHT_KILLS);

            Set<String> all = IntStream.range(0, N).mapToObj(i -> DeliveryChild.message(i).key())
                    .collect(Collectors.toSet());
            MVStore s = new MVStore.Builder().fileName(store.toString()).autoCommitDisabled().open();
            Outbox outbox = new Outbox(s);
            assertThat(outbox.sentCount() + outbox.deadCount()).isEqualTo(N);
            assertThat(outbox.pendingCount()).isZero();
            assertThat(outbox.deadCount()).isZero();
            // nothing lost: every key received and processed once; sent is exactly what the receiver holds
            assertThat(receiver.accepted()).isEqualTo(all);
            assertThat(outbox.sentKeys()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(receiver.bodies().values()).allSatisfy(b -> assertThat(b).hasSize(1));
            // duplicates only for what was in flight at a kill, at most one per kill (one sender)
            Map<String, Integer> twice = receiver.counts().entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(twice.keySet()).isSubsetOf(lastAtKill);
            assertThat(twice.values()).allSatisfy(c -> assertThat(c).isEqualTo(2));
            assertThat(receiver.duplicates()).isEqualTo(twice.size()).isLessThanOrEqualTo(kills);
            // the kills during a held-back acknowledgement each left one duplicate
            assertThat(receiver.duplicates()).isGreaterThanOrEqualTo(IN_FLIGHT_KILLS);
            s.close();
        }
    }

    /** Between runs: either nothing was committed yet, or all 300 messages are, with the caller's state. */
    private static void checkCommitted(Path store) {
        if (!Files.exists(store)) {
            return;
        }
        MVStore s = new MVStore.Builder().fileName(store.toString()).autoCommitDisabled().open();
        try {
            Outbox o = new Outbox(s);
            int known = o.pendingCount() + o.sentCount() + o.deadCount();
            boolean state = s.<String, String>openMap("caller/state").containsKey("enqueued-for");
            assertThat(known).isEqualTo(state ? N : 0);
        } finally {
            s.closeImmediately(); // stores nothing
        }
    }

    private static Process start(Path store, String url, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DeliveryChild.class.getName(), store.toString(), url,
                String.valueOf(N)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
