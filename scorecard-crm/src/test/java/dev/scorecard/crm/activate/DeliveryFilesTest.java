package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.io.OutputSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSONL file channel and the dead-letter file: exact lines, a stable order, written as a set. */
class DeliveryFilesTest {
    @TempDir
    Path dir;

    private final Message a = new Message("k-a", "L2", "welcome", "email-1", "2026-12-04", "{\n  \"x\": 1.10,\n  \"s\": \"Zo\u00eb\"\n}");
    private final Message b = new Message("k-b", "L1", "welcome", "email-1", "2026-12-04", "[1,2]");
    private final Message c = new Message("k-c", "L9", "nurture", "sms-1", "2026-12-03", "\"hi\"");

    private void write(List<Message> messages, List<DeadLetter> dead) throws IOException {
        Path jsonl = dir.resolve("messages.jsonl");
        Path dl = dir.resolve(DeadLetterFile.NAME);
        try (OutputSet set = OutputSet.of(List.of(jsonl, dl))) {
            JsonlFile.write(set, jsonl, messages);
            DeadLetterFile.write(set, dl, dead);
            set.commit();
        }
    }

    @Test
    void linesInAStableOrder() throws IOException {
        List<DeadLetter> dead = List.of(new DeadLetter(a, "status 400 is not retried", 1, 400),
                new DeadLetter(c, "no response within 10s on the last of 5 attempts", 5, 0));
        write(List.of(a, b, c), dead);
        // by day, plan, step, lead; the payload as given, its line breaks (whitespace in JSON) as spaces
        String messages = """
                {"key":"k-c","lead":"L9","plan":"nurture","step":"sms-1","day":"2026-12-03","payload":"hi"}
                {"key":"k-b","lead":"L1","plan":"welcome","step":"email-1","day":"2026-12-04","payload":[1,2]}
                {"key":"k-a","lead":"L2","plan":"welcome","step":"email-1","day":"2026-12-04","payload":{   "x": 1.10,   "s": "Zo\u00eb" }}
                """;
        assertThat(Files.readString(dir.resolve("messages.jsonl"), StandardCharsets.UTF_8)).isEqualTo(messages);
        String deadLetters = """
                {"key":"k-c","lead":"L9","plan":"nurture","step":"sms-1","day":"2026-12-03","payload":"hi","reason":"no response within 10s on the last of 5 attempts","attempts":5,"status":null}
                {"key":"k-a","lead":"L2","plan":"welcome","step":"email-1","day":"2026-12-04","payload":{   "x": 1.10,   "s": "Zo\u00eb" },"reason":"status 400 is not retried","attempts":1,"status":400}
                """;
        assertThat(Files.readString(dir.resolve(DeadLetterFile.NAME), StandardCharsets.UTF_8)).isEqualTo(deadLetters);

        // another order in, the same bytes out; every line is one JSON object
        byte[] first = Files.readAllBytes(dir.resolve("messages.jsonl"));
        write(List.of(c, a, b), List.of(dead.get(1), dead.get(0)));
        assertThat(Files.readAllBytes(dir.resolve("messages.jsonl"))).isEqualTo(first);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve(DeadLetterFile.NAME))) {
            assertThat(json.readTree(line).isObject()).isTrue();
        }
    }

    @Test
    void emptyFiles() throws IOException {
        write(List.of(), List.of());
        assertThat(dir.resolve("messages.jsonl")).isEmptyFile();
        assertThat(dir.resolve(DeadLetterFile.NAME)).isEmptyFile();
    }
}
