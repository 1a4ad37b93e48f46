package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state's column files beside its store: a file that is not the one the store names (here, one
 * byte changed) makes the night read the whole log and say why, still giving the full read's
 * scores; a leads file the run cannot use fails as it does without a state (the leads are parsed
 * while the state loads).
 */
class RulesStateFilesTest {
    @TempDir
    Path dir;

    @Test
    void aChangedColumnFileIsNotTrusted() throws IOException {
        Path[] in = generate();
        Path events = in[0];
        Path leads = in[1];
        Path state = dir.resolve("state");
        LocalDate night = LocalDate.of(2026, 10, 10);
        RulesWorkflow.run(request(leads, events, night, "a", Optional.of(state)), n -> { });
        Path columns = state.resolve("night-000001.columns");
        assertThat(columns).exists();
        byte[] b = Files.readAllBytes(columns);
        b[b.length / 2] ^= 1;
        Files.write(columns, b);
        RulesWorkflow.Outcome inc = RulesWorkflow.run(request(leads, events, night, "b", Optional.of(state)), n -> { });
        RulesWorkflow.run(request(leads, events, night, "c", Optional.empty()), n -> { });
        assertThat(inc.state().orElseThrow().full()).contains("the state's night-000001.columns is not the file its"
                + " store names (its length or checksum differ)");
        assertThat(Files.readAllBytes(dir.resolve("b/scores.csv"))).isEqualTo(Files.readAllBytes(dir.resolve(
                "c/scores.csv")));
        // rebuilt: one night's file again, and nothing left over
        try (Stream<Path> s = Files.list(state)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("events-state.mv.db",
                    "night-000001.columns");
        }
        RulesWorkflow.Outcome next = RulesWorkflow.run(request(leads, events, night, "d", Optional.of(state)), n -> { });
        assertThat(next.state().orElseThrow().full()).isEmpty();
    }

    @Test
    void aLeadsFileWithoutIdsFailsAsWithoutAState() throws IOException {
        Path[] in = generate();
        Path bad = dir.resolve("bad-leads.csv");
        List<String> lines = Files.readAllLines(in[1], StandardCharsets.UTF_8);
        Files.write(bad, Stream.concat(Stream.of(lines.get(0).replace("lead_id", "id")), lines.stream().skip(1)).toList());
        LocalDate night = LocalDate.of(2026, 10, 10);
        String without = null;
        try {
            RulesWorkflow.run(request(bad, in[0], night, "a", Optional.empty()), n -> { });
        } catch (InputDataException e) {
            without = e.getMessage();
        }
        assertThat(without).contains("no column 'lead_id'");
        assertThatThrownBy(() -> RulesWorkflow.run(request(bad, in[0], night, "b", Optional.of(dir.resolve("state"))),
                n -> { })).isInstanceOf(InputDataException.class).hasMessage(without);
    }

    /** @return the events file (half the log, then the other half appended) and the leads file */
    private Path[] generate() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(300).withSeed(5).withDates(LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 10, 20))).generate(dir.resolve("crm"), (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = Files.readAllLines(dir.resolve("crm/events.csv"), StandardCharsets.UTF_8);
        Path events = dir.resolve("events.csv");
        Files.write(events, lines, StandardOpenOption.CREATE);
        return new Path[] {events, dir.resolve("crm/leads.csv")};
    }

    private RulesWorkflow.Request request(Path leads, Path events, LocalDate night, String out, Optional<Path> state) {
        return new RulesWorkflow.Request(leads, events, dir.resolve("rules.yaml"), Optional.empty(), night.toString(),
                dir.resolve(out), InputFormat.DEFAULT, false, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0.05, state);
    }
}
