package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.spec.YamlNode;
import dev.scorecard.train.io.OutputSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret anywhere: a delivery with an auth header from the environment, credentials and a token
 * in URLs, dead letters from 400s, timeouts and refused connections, then every file it left and
 * every text it produced scanned for the secrets.
 */
class DeliverySecretsTest {
    private static final String TOKEN = "tok-SECRET-4242";
    private static final String PASSWORD = "PW-SECRET-77";
    private static final String QUERY = "Q-SECRET-99";
    private static final String BASIC = Base64.getEncoder().encodeToString(("alice:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
    private static final List<String> SECRETS = List.of(TOKEN, PASSWORD, QUERY, BASIC);
    private static final Map<String, String> ENV = Map.of("CRM_TOKEN", "Bearer " + TOKEN);

    @BeforeAll
    static void warmUp() throws IOException {
        WebhookReceiver.warmUp();
    }

    @TempDir
    Path dir;

    private static Endpoint read(String... lines) {
        return Endpoint.read(YamlNode.parse("hooks.yaml", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                ENV::get);
    }

    @Test
    void noSecretInFilesOrTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (WebhookReceiver receiver = new WebhookReceiver((key, arrival) -> {
            int n = Integer.parseInt(key.substring(1));
            return n % 3 == 0 ? WebhookReceiver.Reply.of(400) : n % 3 == 1
                    ? new WebhookReceiver.Reply(200, null, 500) : WebhookReceiver.Reply.of(200);
        })) {
            String retries = "retries: {attempts: 2, backoff: 1ms, max: 1ms}";
            String timeouts = "timeouts: {connect: 1s, read: 200ms}";
            Endpoint header = read("url: " + receiver.url() + "?sig=" + QUERY, "auth: {env: CRM_TOKEN}", timeouts,
                    retries);
            Endpoint basic = read("url: " + receiver.url().replace("//", "//alice:" + PASSWORD + "@"), timeouts, retries);
            Endpoint refused = read("url: http://alice:" + PASSWORD + "@127.0.0.1:" + closed + "/hook?sig=" + QUERY,
                    retries);
            Map<String, Endpoint> endpoints = Map.of("header", header, "basic", basic, "refused", refused);
            endpoints.values().forEach(e -> {
                texts.add(e.describe());
                texts.add(e.toString());
                texts.add(e.retries().toString());
                e.auth().ifPresent(a -> texts.add(a.toString()));
            });
            assertThat(header.describe()).isEqualTo(receiver.url() + "?*** (Authorization: ***)");
            assertThat(refused.describe()).isEqualTo("http://***@127.0.0.1:" + closed + "/hook?***");

            MVStore store = new MVStore.Builder().fileName(dir.resolve("state.mv.db").toString()).autoCommitDisabled()
                    .open();
            Outbox outbox = new Outbox(store);
            List<Message> messages = new ArrayList<>();
            String[] plans = {"header", "basic", "refused"};
            for (int i = 0; i < 12; i++) {
                Message m = new Message("k" + i, "L" + i, plans[i % 3], "s", "2026-12-04", "{\"i\":" + i + "}");
                messages.add(m);
                outbox.enqueue(m);
            }
            store.commit();
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            Delivery d;
            try {
                d = outbox.deliver(endpoints::get, new DeliveryTest.Waits());
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            texts.add(d.toString());
            assertThat(outbox.deadCount()).isPositive();
            outbox.deadLetters().forEach(dl -> texts.add(dl.toString()));
            assertThat(outbox.deadLetters()).extracting(DeadLetter::reason).contains("status 400 is not retried",
                    "no response within 200ms on the last of 2 attempts", "connection refused on the last of 2 attempts");
            // the secrets were sent where they belong
            assertThat(receiver.arrivals()).extracting(a -> a.headers().get("authorization"))
                    .contains("Bearer " + TOKEN, "Basic " + BASIC);

            Path jsonl = dir.resolve("out/messages.jsonl");
            Path dead = dir.resolve("out/" + DeadLetterFile.NAME);
            try (OutputSet set = OutputSet.of(List.of(jsonl, dead))) {
                JsonlFile.write(set, jsonl, messages);
                DeadLetterFile.write(set, dead, outbox.deadLetters());
                set.commit();
            }
            store.close();
        }

        // mistakes in a file that holds credentials in its URL are reported without them
        for (String[] bad : List.of(new String[] {"url: ftp://alice:" + PASSWORD + "@h/x"},
                new String[] {"url: https://alice:" + PASSWORD + "@h/a b"},
                new String[] {"url: https://alice:" + PASSWORD + "@h/x", "auth: {env: CRM_TOKEN}"},
                new String[] {"url: https://alice:" + PASSWORD + "@h/x", "retries: {attempts: 0}"})) {
            try {
                read(bad);
                throw new AssertionError("accepted " + String.join("; ", bad));
            } catch (dev.scorecard.core.InputDataException e) {
                texts.add(e.getMessage());
            }
        }
        try {
            new Endpoint(java.net.URI.create("ftp://alice:" + PASSWORD + "@h/x"), java.util.Optional.empty(),
                    Endpoint.CONNECT, Endpoint.READ, Endpoint.Retries.DEFAULTS);
        } catch (IllegalArgumentException e) {
            texts.add(e.getMessage());
        }

        texts.add(console.toString(StandardCharsets.UTF_8));
        assertThat(texts).hasSizeGreaterThan(15).allSatisfy(t -> assertThat(t).doesNotContain(SECRETS));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> dir.relativize(f).toString().replace('\\', '/'))
                .contains("state.mv.db", "out/messages.jsonl", "out/" + DeadLetterFile.NAME);
        // the scan reads the store as bytes: the messages are there in plain text, so a secret would be too
        assertThat(new String(Files.readAllBytes(dir.resolve("state.mv.db")), StandardCharsets.ISO_8859_1))
                .contains("{\"i\":3}", "status 400 is not retried");
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(f.toString()).doesNotContain(SECRETS);
        }
    }
}
