package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LogState;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, incremental nights: over 30 consecutive nights of an append-only log (each night's lines
 * appended, some arriving days late, some after the night's midnight, repeats of earlier nights'
 * lines, the generator's malformed lines), {@code rules --state} gives byte for byte what a full read
 * gives, file by file; it reads only the new lines except on the nights it must not (a rewritten
 * log, a lead whose events came before it), where it says why and still agrees.
 */
class RulesStateTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final int NIGHTS = 30;

    @TempDir
    Path dir;

    @Test
    void thirtyNightsFromTheStateEqualTheFullRead() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(2000).withSeed(7).withDates(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 11, 5))).generate(dir.resolve("crm"), (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = Files.readAllLines(dir.resolve("crm/events.csv"), StandardCharsets.UTF_8);
        List<String> leadLines = Files.readAllLines(dir.resolve("crm/leads.csv"), StandardCharsets.UTF_8);
        Random random = new Random(11);
        // Each line's night of arrival: the first night whose run comes after its time (the run is at 01:00,
        // so lines of the first hour after midnight arrive with the night before the as-of), a few days late
        // for one line in 40, at a random night when its time does not parse.
        List<List<String>> arrivals = new ArrayList<>();
        for (int k = 0; k <= NIGHTS; k++) {
            arrivals.add(new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            int night;
            try {
                long t = OffsetDateTime.parse(line.split(",", -1)[2]).toInstant().toEpochMilli();
                night = 0;
                while (night < NIGHTS && run(night) < t) {
                    night++;
                }
                if (random.nextInt(40) == 0) {
                    night = Math.min(NIGHTS, night + 1 + random.nextInt(6));
                }
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                night = random.nextInt(NIGHTS + 1);
            }
            arrivals.get(night).add(line);
        }
        for (int k = 1; k < NIGHTS; k++) { // a repeat of a line that arrived on an earlier night
            List<String> earlier = arrivals.get(random.nextInt(k));
            if (!earlier.isEmpty()) {
                arrivals.get(k).add(earlier.get(random.nextInt(earlier.size())));
            }
        }
        Collections.shuffle(arrivals.get(0), random);
        // Night 12: a lead created after the night has an event already (its lead row comes the night after).
        String lateLead = leadLines.stream().skip(1).filter(l -> created(l) > asOf(12) + 86_400_000L * 2).findFirst()
                .orElseThrow().split(",")[0];
        arrivals.get(12).add(lateLead + ",page_view," + OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(asOf(12)
                - 3_600_000L), ZONE) + ",,");
        long lateCreated = created(leadLines.stream().filter(l -> l.startsWith(lateLead + ",")).findFirst().orElseThrow());
        int appears = 13;
        while (run(appears) < lateCreated) {
            appears++;
        }
        Path events = dir.resolve("events.csv");
        Path leads = dir.resolve("leads.csv");
        Path state = dir.resolve("state");
        Files.writeString(events, lines.get(0) + "\n");
        int incremental = 0;
        List<String> fullReasons = new ArrayList<>();
        for (int k = 0; k < NIGHTS; k++) {
            List<String> appended = arrivals.get(k);
            if (k == 20) { // the export is rewritten in another order: the state must not trust its position
                List<String> all = new ArrayList<>(Files.readAllLines(events).subList(1, Files.readAllLines(events).size()));
                Collections.shuffle(all, random);
                Files.write(events, Stream.concat(Stream.of(lines.get(0)), all.stream()).toList());
            }
            Files.write(events, appended, StandardOpenOption.APPEND);
            long cut = run(k);
            List<String> known = new ArrayList<>(List.of(leadLines.get(0)));
            for (String l : leadLines.subList(1, leadLines.size())) {
                if (created(l) <= cut) {
                    known.add(l);
                }
            }
            Files.write(leads, known);
            LocalDate night = FIRST.plusDays(k);
            List<String> explain = List.of(known.get(1).split(",")[0], known.get(known.size() / 2).split(",")[0]);
            Optional<Path> previous = k == 0 ? Optional.empty() : Optional.of(dir.resolve("full" + (k - 1) + "/scores.csv"));
            RulesWorkflow.Outcome full = RulesWorkflow.run(request(leads, events, night, "full" + k, explain, previous,
                    Optional.empty()), n -> { });
            RulesWorkflow.Outcome inc = RulesWorkflow.run(request(leads, events, night, "inc" + k, explain, previous,
                    Optional.of(state)), n -> { });
            assertSameFiles(dir.resolve("full" + k), dir.resolve("inc" + k));
            assertThat(inc.events()).as("night %d", k).isEqualTo(full.events());
            assertThat(inc.scored()).isEqualTo(full.scored());
            RulesWorkflow.StateRead s = inc.state().orElseThrow();
            if (s.full().isEmpty()) {
                incremental++;
                assertThat(s.newLines()).as("night %d reads only the appended lines", k).isEqualTo(appended.size());
            } else {
                fullReasons.add(k + ": " + s.full().get());
            }
        }
        assertThat(fullReasons).hasSize(3);
        assertThat(fullReasons.get(0)).startsWith("0: no earlier night");
        assertThat(appears).isLessThan(20);
        assertThat(fullReasons.get(1)).startsWith(appears + ": lead '" + lateLead + "' had events before it was in the leads file");
        assertThat(fullReasons.get(2)).startsWith("20: the events file's first");
        assertThat(incremental).isEqualTo(NIGHTS - 3);
    }

    @Test
    void aNightStoppedBeforeItsCommitIsReadAgainAndASecondRunIsRefused() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(500).withSeed(3).withDates(LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 10, 20))).generate(dir.resolve("crm"), (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = Files.readAllLines(dir.resolve("crm/events.csv"), StandardCharsets.UTF_8);
        Path events = dir.resolve("events.csv");
        Path leads = dir.resolve("crm/leads.csv");
        Path state = dir.resolve("state");
        int half = lines.size() / 2;
        Files.write(events, lines.subList(0, half));
        LocalDate night = LocalDate.of(2026, 10, 10);
        RulesWorkflow.run(request(leads, events, night, "a", List.of(), Optional.empty(), Optional.of(state)), n -> { });
        Files.write(events, lines.subList(half, lines.size()), StandardOpenOption.APPEND);
        try (LogState held = LogState.open(state)) {
            // read but never committed: a run killed after reading the new lines
            held.read(events, dev.scorecard.crm.events.LeadTable.read(leads, InputFormat.DEFAULT, h -> null),
                    new dev.scorecard.crm.events.EventLog.Options(InputFormat.DEFAULT, 0,
                            dev.scorecard.crm.events.DuplicatePolicy.DEDUPE, Optional.empty(), List.of()), n -> { });
            assertThatThrownBy(() -> RulesWorkflow.run(request(leads, events, night, "b", List.of(), Optional.empty(),
                    Optional.of(state)), n -> { })).isInstanceOf(InputDataException.class)
                    .hasMessageContaining("another run is using this state");
        }
        RulesWorkflow.Outcome inc = RulesWorkflow.run(request(leads, events, night, "b", List.of(), Optional.empty(),
                Optional.of(state)), n -> { });
        RulesWorkflow.run(request(leads, events, night, "c", List.of(), Optional.empty(), Optional.empty()), n -> { });
        assertThat(inc.state().orElseThrow().full()).isEmpty();
        assertThat(inc.state().orElseThrow().newLines()).isEqualTo(lines.size() - half);
        assertSameFiles(dir.resolve("c"), dir.resolve("b"));
    }

    private RulesWorkflow.Request request(Path leads, Path events, LocalDate night, String out, List<String> explain,
            Optional<Path> previous, Optional<Path> state) {
        return new RulesWorkflow.Request(leads, events, dir.resolve("rules.yaml"), Optional.empty(), night.toString(),
                dir.resolve(out), InputFormat.DEFAULT,
                false, Optional.empty(), explain, previous, Optional.empty(), Optional.empty(), 0.05, state);
    }

    private static long asOf(int k) {
        return FIRST.plusDays(k).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /** The night's run: 01:00 after its midnight. */
    private static long run(int k) {
        return asOf(k) + 3_600_000L;
    }

    private static long created(String leadLine) {
        return OffsetDateTime.parse(leadLine.split(",", -1)[3]).toInstant().toEpochMilli();
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(expected)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> s = Files.list(actual)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names);
        }
        for (String n : names) {
            assertThat(Files.readString(actual.resolve(n))).as(actual.resolve(n).toString())
                    .isEqualTo(Files.readString(expected.resolve(n)));
        }
    }
}
