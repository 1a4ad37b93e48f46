package dev.scorecard.crm.activate;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The run that {@link DeliveryKillTest} and {@link DeliveryKillTrialsTest} kill: as a nightly
 * caller does, it opens the store, enqueues its messages in one commit with its own state, and
 * delivers them. It prints {@code opened} once the store is open and {@code enqueued …} once the
 * commit is in, so the killer can tell the phase a kill hit.
 */
final class DeliveryChild {
    private DeliveryChild() {
    }

    static Message message(int i) {
        return Message.of("L" + i, "nurture", "email-" + (1 + i % 3), "2026-12-04", "{\"lead\":\"L" + i + "\",\"n\":" + i + "}");
    }

    /**
     * @param args the store file, the webhook's URL, the number of messages, and optionally a read
     *     timeout in milliseconds (then 8 attempts, 2 ms backoff, 20 ms at most: quick retries)
     */
    public static void main(String[] args) {
        MVStore store = new MVStore.Builder().fileName(args[0]).autoCommitDisabled().open();
        int n = Integer.parseInt(args[2]);
        Outbox outbox = new Outbox(store);
        System.out.println("opened");
        MVMap<String, String> state = store.openMap("caller/state");
        int added = 0;
        for (int i = 0; i < n; i++) {
            if (outbox.enqueue(message(i))) {
                added++;
            }
        }
        state.put("enqueued-for", "2026-12-04");
        state.put("messages", String.valueOf(n));
        store.commit(); // the messages and the state that decided them, as one
        System.out.println("enqueued " + added + ", pending " + outbox.pendingCount());
        Endpoint endpoint = args.length > 3
                ? new Endpoint(URI.create(args[1]), Optional.empty(), Duration.ofSeconds(2),
                        Duration.ofMillis(Long.parseLong(args[3])),
                        new Endpoint.Retries(8, Duration.ofMillis(2), Duration.ofMillis(20)))
                : new Endpoint(URI.create(args[1]), Optional.empty(), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), new Endpoint.Retries(5, Duration.ofMillis(10), Duration.ofMillis(50)));
        Delivery d = outbox.deliver(plan -> endpoint);
        System.out.println(d);
        store.close();
        System.exit(0);
    }
}
