package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's state: enqueue is idempotent over pending, sent and dead, and stored only by the caller's commit. */
class OutboxTest {
    @BeforeAll
    static void warmUp() throws IOException {
        WebhookReceiver.warmUp(); // the tests below use a 250 ms read timeout
    }

    @TempDir
    Path dir;

    private MVStore open() {
        return new MVStore.Builder().fileName(dir.resolve("state.mv.db").toString()).autoCommitDisabled().open();
    }

    @Test
    void enqueueOnceEver() throws IOException {
        Message ok = DeliveryTest.message(1, "p");
        Message bad = DeliveryTest.message(2, "p");
        try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> WebhookReceiver.Reply.of(
                key.equals(bad.key()) ? 422 : 200))) {
            MVStore store = open();
            Outbox outbox = new Outbox(store);
            assertThat(outbox.enqueue(ok)).isTrue();
            assertThat(outbox.enqueue(ok)).as("pending").isFalse();
            assertThat(outbox.enqueue(bad)).isTrue();
            assertThat(outbox.pendingCount()).isEqualTo(2);
            store.commit();
            assertThat(outbox.deliver(p -> DeliveryTest.endpoint(receiver.url(), DeliveryTest.RETRIES),
                    new DeliveryTest.Waits())).isEqualTo(new Delivery(2, 1, 1, 0));
            assertThat(outbox.enqueue(ok)).as("sent").isFalse();
            assertThat(outbox.enqueue(bad)).as("dead").isFalse();
            // a body rendered differently on a re-run does not make the key new
            assertThat(outbox.enqueue(new Message(ok.key(), "L1", "p", "email-1", "2026-12-04", "{\"changed\":true}")))
                    .isFalse();
            assertThat(outbox.pendingCount()).isZero();
            store.close();

            // the state survives the store being closed and opened again
            store = open();
            outbox = new Outbox(store);
            assertThat(store.getMapNames()).contains(Outbox.PENDING, Outbox.SENT, Outbox.DEAD);
            assertThat(outbox.sentKeys()).containsExactly(ok.key());
            assertThat(outbox.deadLetters()).containsExactly(new DeadLetter(bad, "status 422 is not retried", 1, 422));
            assertThat(outbox.enqueue(ok)).isFalse();
            store.close();
        }
    }

    @Test
    void enqueueIsStoredOnlyByTheCallersCommit() {
        MVStore store = open();
        Outbox outbox = new Outbox(store);
        outbox.enqueue(DeliveryTest.message(1, "p"));
        store.commit();
        outbox.enqueue(DeliveryTest.message(2, "p"));
        store.closeImmediately(); // as a kill would: the second enqueue was never committed
        store = open();
        assertThat(new Outbox(store).pendingCount()).isEqualTo(1);
        store.close();
    }

    @Test
    void aSecondRunOnTheStateIsRefused() {
        // The caller opens the store; its file lock is what keeps two deliveries of one outbox apart.
        MVStore store = open();
        assertThatThrownBy(this::open).isInstanceOfSatisfying(MVStoreException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(7)); // DataUtils.ERROR_FILE_LOCKED
        store.close();
    }

    @Test
    void largeBodiesAndTextRoundTrip() throws IOException {
        // DataOutput.writeUTF stops at 64 KiB; the values use byte counts instead
        String big = "{\"text\":\"" + "é".repeat(70_000) + "\"}";
        Message m = Message.of("L\u00e9", "pl\u00e0n", "st\u00ebp", "2026-12-04", big);
        try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> WebhookReceiver.Reply.of(400))) {
            MVStore store = open();
            Outbox outbox = new Outbox(store);
            outbox.enqueue(m);
            store.commit();
            outbox.deliver(p -> DeliveryTest.endpoint(receiver.url(), DeliveryTest.RETRIES), new DeliveryTest.Waits());
            store.close();
            store = open();
            assertThat(new Outbox(store).deadLetters()).singleElement().satisfies(d -> assertThat(d.message())
                    .isEqualTo(m));
            assertThat(receiver.bodies().get(m.key())).containsExactly(big);
            store.close();
        }
    }
}
