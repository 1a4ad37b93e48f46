package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "state survives a restart mid-run with no step sent twice or skipped": each night runs in a
 * child JVM killed with SIGKILL at seeded random moments and restarted until it completes; every
 * night's outputs (steps, messages, entries, journeys, summary) must be byte-identical to an
 * uninterrupted run's. A kill before the commit re-decides the night the same way; a kill after it
 * resumes the night as decided.
 */
class ActivateKillTest {
    private static final List<String> NIGHTS = List.of("2026-06-01", "2026-06-03", "2026-06-05",
            "2026-06-06");
    private static final List<String> OUTPUTS = List.of(ActivateWorkflow.ACTIVATIONS_CSV,
            ActivateWorkflow.MESSAGES_JSONL, ActivateWorkflow.ENTRIES_CSV, ActivateWorkflow.JOURNEYS_CSV,
            ActivateWorkflow.SUMMARY_CSV, ActivateWorkflow.NOT_ENTERED_CSV);

    @TempDir
    Path dir;

    @Test
    void killedNightsResumeWithNothingSentTwiceOrSkipped() throws Exception {
        int n = 12_000;
        List<String> leads = new ArrayList<>(List.of("lead_id,channel,created_at"));
        List<String> scores = new ArrayList<>(List.of("lead_id,score100,grade"));
        List<String> events = new ArrayList<>(List.of("lead_id,event,timestamp"));
        SplittableRandom r = new SplittableRandom(15);
        for (int i = 0; i < n; i++) {
            String id = String.format(java.util.Locale.ROOT, "L%05d", i);
            leads.add(id + ",web,2026-05-01");
            scores.add(id + "," + r.nextInt(100) + "," + "ABCD".charAt(r.nextInt(4)));
            if (r.nextInt(4) == 0) {
                events.add(id + "," + (r.nextBoolean() ? "app_open" : "wechat_add") + ",2026-06-0" + (1 + r.nextInt(8))
                        + "T1" + r.nextInt(10) + ":00:00Z");
            }
        }
        Path leadsFile = Files.write(dir.resolve("leads.csv"), leads);
        Path scoresFile = Files.write(dir.resolve("scores.csv"), scores);
        Path eventsFile = Files.write(dir.resolve("events.csv"), events);
        Map<String, Integer> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/hook", x -> {
            x.getRequestBody().readAllBytes();
            received.merge(x.getRequestHeaders().getFirst("Idempotency-Key"), 1, Integer::sum);
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        Path plans = Files.write(dir.resolve("plans.yaml"), List.of("control: 0.1", "plans:",
                "  - name: sales", "    priority: 1", "    audience: \"grade == 'A'\"", "    limits: {perDay: 400}",
                "    deliver: {file: false, webhook: {url: \"" + url + "\"}}",
                "  - name: nurture", "    priority: 2", "    audience: \"grade == 'B' or grade == 'C'\"",
                "    steps:", "      - {name: push-1, channel: push}",
                "      - {name: push-2, channel: push, after: 2d, when: \"responses(app_open) == 0\"}",
                "      - {name: sms, channel: sms, after: 2d}",
                "    responses:", "      - {event: wechat_add, tag: wechat-responsive, stop: true}",
                "    end: {after: 1d, tag: lost, then: again}",
                "  - name: again", "    priority: 3", "    audience: \"false\"", "    steps:", "      - {name: wake}"));
        for (String night : NIGHTS) {
            ActivateWorkflow.run(new ActivateWorkflow.Request(plans, leadsFile, List.of(scoresFile),
                    Optional.of(eventsFile), Optional.empty(), night, dir.resolve("ref-" + night), dir.resolve("ref-state"),
                    InputFormat.DEFAULT, false, 0.5));
        }
        Set<String> referenceKeys = new HashSet<>(received.keySet());
        assertThat(received.values()).allMatch(v -> v == 1);
        received.clear();
        SplittableRandom kills = new SplittableRandom(42);
        int killed = 0;
        for (String night : NIGHTS) {
            for (int attempt = 0;; attempt++) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), ActivateChild.class.getName(), plans.toString(),
                        leadsFile.toString(), scoresFile.toString(), eventsFile.toString(), night,
                        dir.resolve("out-" + night).toString(), dir.resolve("state").toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
                boolean last = attempt >= 3;
                if (!last && !p.waitFor(150 + kills.nextInt(900), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    killed++;
                    continue;
                }
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
                break;
            }
            for (String f : OUTPUTS) {
                assertThat(Files.readAllBytes(dir.resolve("out-" + night).resolve(f))).as(night + " " + f)
                        .isEqualTo(Files.readAllBytes(dir.resolve("ref-" + night).resolve(f)));
            }
        }
        assertThat(killed).as("kills that hit a run").isGreaterThanOrEqualTo(3);
        // Sent steps over all nights: each (lead, plan, step) once.
        List<String> sent = new ArrayList<>();
        for (String night : NIGHTS) {
            for (String l : Files.readAllLines(dir.resolve("out-" + night).resolve(ActivateWorkflow.ACTIVATIONS_CSV))) {
                String[] f = l.split(",", -1);
                if (f[4].equals("sent")) {
                    sent.add(f[0] + " " + f[1] + " " + f[2]);
                }
            }
        }
        assertThat(sent).doesNotHaveDuplicates().hasSizeGreaterThan(4_000);
        // The webhook: every sales step sent reached the receiver (again only when in flight at a kill).
        Set<String> salesKeys = new HashSet<>();
        for (String night : NIGHTS) {
            for (String l : Files.readAllLines(dir.resolve("out-" + night).resolve(ActivateWorkflow.ACTIVATIONS_CSV))) {
                String[] f = l.split(",", -1);
                if (f[1].equals("sales") && f[4].equals("sent")) {
                    salesKeys.add(f[7]);
                }
            }
            String[] delivery = Files.readAllLines(dir.resolve("out-" + night).resolve(ActivateWorkflow.DELIVERY_CSV)).get(1)
                    .split(",");
            assertThat(delivery[2]).as("dead letters tonight").isEqualTo("0");
            assertThat(delivery[5]).as("dead letters so far").isEqualTo("0");
        }
        server.stop(0);
        assertThat(received.keySet()).isEqualTo(salesKeys).isEqualTo(referenceKeys);
        long twice = received.values().stream().filter(v -> v > 1).count();
        assertThat(received.values()).allMatch(v -> v <= 2);
        assertThat(twice).as("keys received twice").isLessThanOrEqualTo(killed);
    }
}
