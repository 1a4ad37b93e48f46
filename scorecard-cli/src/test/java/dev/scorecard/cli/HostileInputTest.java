package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every file of the hostile-input corpus ({@code src/test/resources/hostile/}, described in
 * its {@code cases.yaml}) through {@code scorecard score} as a user would, and checks the outcome the
 * table expects: scored with exact counts, reject lines and reasons, and every scored row equal to the
 * embedded scorer on the same cells; or an error with its exit code and whole message, and nothing
 * under the output name. Zero silent wrong scores: a row is scored right, rejected with a reason, or
 * the run fails.
 */
class HostileInputTest {
    @TempDir
    static Path shared;

    static Path model;
    static Scorecard scorecard;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() throws IOException {
        model = SmallModel.train(shared);
        scorecard = Scorecard.load(model);
        assertThat(scorecard.characteristicNames()).containsExactly("income", "city", "age");
    }

    static JsonNode table() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/cases.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : table().get("cases")) {
            out.add(Arguments.of(c.get("file").asText(), c));
        }
        return out.stream();
    }

    /** Every file in the folder has a case and every case a file; the corpus is as large as promised. */
    @Test
    void theTableListsEveryFileOnce() throws IOException {
        List<String> listed = new ArrayList<>();
        for (JsonNode c : table().get("cases")) {
            listed.add(c.get("file").asText());
            assertThat(c.get("exercises").asText()).as(c.get("file").asText()).isNotBlank();
        }
        assertThat(listed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(40);
        Path dir = Path.of("src/test/resources/hostile"); // the sources: target/ may hold files since removed
        TreeSet<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.yaml") && !n.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(new TreeSet<>(listed)).isEqualTo(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void score(String name, JsonNode c) throws IOException, URISyntaxException {
        Path data = Path.of(HostileInputTest.class.getResource("/hostile/" + name).toURI());
        Path out = tmp.resolve("scored.csv");
        Path rejectsFile = tmp.resolve("scored.csv.rejects.csv");
        List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--data", data.toString(),
                "--out", out.toString()));
        List<String> extra = texts(c.path("args"));
        if (!extra.contains("--max-reject-share") && !c.path("defaultRejectShare").asBoolean(false)) {
            args.addAll(List.of("--max-reject-share", "1"));
        }
        args.addAll(extra);
        CliRun run = CliRun.of(args.toArray(new String[0]));
        String expect = c.get("expect").asText();
        if (expect.equals("error")) {
            String message = c.get("message").asText().replace("{file}", data.toString()).replace("{out}", out.toString());
            assertThat(run.err()).isEqualTo("error: " + message + "\n");
            assertThat(run.exitCode()).isEqualTo(c.get("exit").asInt());
            assertThat(run.out()).isEmpty();
            assertThat(out).doesNotExist();
            try (Stream<Path> s = Files.list(tmp)) {
                assertThat(s.map(p -> p.getFileName().toString())).as("files left").noneMatch(f -> f.endsWith(".tmp"));
            }
            if (c.has("rejects")) {
                checkRejects(c.get("rejects"), rejectsFile, data, c);
            } else {
                assertThat(rejectsFile).doesNotExist();
            }
            return;
        }
        assertThat(expect).isEqualTo("scored");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        long scored = c.get("scored").asLong();
        long rejected = c.get("rejected").asLong();
        List<ReferenceCsv.Row> records = ReferenceCsv.parse(decoded(data, c), delimiter(c));
        List<String> header = header(records.get(0).fields());
        List<ReferenceCsv.Row> rows = records.subList(1, records.size());
        assertThat(scored + rejected).as("data rows = scored + rejected").isEqualTo(rows.size());
        assertThat(run.out()).isEqualTo(rows.size() + " rows: " + scored + " scored, " + rejected + " rejected\n"
                + (rejected > 0 ? "rejected rows: " + rejectsFile + "\n" : "") + "wrote " + out + "\n");
        List<Long> rejectLines = new ArrayList<>();
        if (rejected > 0) {
            rejectLines = checkRejects(c.get("rejects"), rejectsFile, data, c);
            assertThat(rejectLines).hasSize((int) rejected);
        } else {
            assertThat(c.has("rejects")).isFalse();
            assertThat(rejectsFile).doesNotExist();
        }
        checkScores(c, header, rows, rejectLines, out);
    }

    /** Every row not rejected is in the output, in order, exactly as the embedded scorer scores its cells. */
    private static void checkScores(JsonNode c, List<String> header, List<ReferenceCsv.Row> rows, List<Long> rejectLines,
            Path out) throws IOException {
        List<String> ids = List.of();
        List<String> keeps = List.of();
        List<String> a = texts(c.path("args"));
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).equals("--id")) {
                ids = List.of(a.get(i + 1).split(","));
            } else if (a.get(i).equals("--keep")) {
                keeps = List.of(a.get(i + 1).split(","));
            }
        }
        List<ReferenceCsv.Row> output = ReferenceCsv.parse(Files.readString(out), ',');
        List<String> head = new ArrayList<>(ids);
        head.addAll(List.of("score", "probability", "score10", "grade", "reason1", "reason2", "reason3", "reason4", "warnings"));
        head.addAll(keeps);
        assertThat(output.get(0).fields()).isEqualTo(head);
        List<String> warnings = c.has("warnings") ? texts(c.get("warnings")) : null;
        int o = 1;
        for (ReferenceCsv.Row row : rows) {
            Map<String, String> cells = cells(header, row);
            if (rejectLines.contains(row.line())) {
                // The embedded scorer refuses the same value with the same words.
                String reason = rejectReason(c, row.line());
                if (cells != null && reason.startsWith("column '") && !reason.contains(": bytes that are not ")) {
                    assertThatThrownBy(() -> scorecard.score(cells)).as("line %d", row.line())
                            .isInstanceOf(InputDataException.class).hasMessage("input, " + reason);
                }
                continue;
            }
            assertThat(cells).as("line %d has as many fields as the header, or it must be rejected", row.line()).isNotNull();
            assertThat(o).as("output rows").isLessThan(output.size());
            List<String> f = output.get(o).fields();
            ScoreResult r = scorecard.score(cells);
            String at = "line " + row.line();
            int k = 0;
            for (String id : ids) {
                assertThat(f.get(k++)).as(at).isEqualTo(cells.get(id));
            }
            assertThat(Double.parseDouble(f.get(k++))).as(at + " score").isEqualTo(r.score());
            // The file rounds probabilities to 15 decimals; SPEC §7 asks for parity to 1e-9.
            assertThat(Double.parseDouble(f.get(k++))).as(at + " probability").isCloseTo(r.probability(), within(1e-15));
            assertThat(Double.parseDouble(f.get(k++))).as(at + " score10").isCloseTo(r.score10(), within(0.05 + 1e-9));
            assertThat(f.get(k++)).as(at + " grade").isEqualTo(r.grade());
            List<String> reasons = new ArrayList<>(r.reasons());
            while (reasons.size() < 4) {
                reasons.add("");
            }
            assertThat(f.subList(k, k + 4)).as(at + " reasons").isEqualTo(reasons);
            k += 4;
            String w = f.get(k++);
            assertThat(w).as(at + " warnings").isEqualTo(String.join(";", r.warnings()));
            if (warnings != null) {
                assertThat(w).as(at + " warnings in the table").isEqualTo(warnings.get(o - 1));
            }
            for (String keep : keeps) {
                assertThat(f.get(k++)).as(at).isEqualTo(cells.get(keep));
            }
            assertThat(f).hasSize(k);
            o++;
        }
        assertThat(output).as("output rows").hasSize(o);
        if (warnings != null) {
            assertThat(warnings).as("warnings listed in the table").hasSize(o - 1);
        }
    }

    /** Checks the rejects file against the table and the input; returns the rejected lines. */
    private static List<Long> checkRejects(JsonNode expected, Path file, Path data, JsonNode c) throws IOException {
        assertThat(file).exists();
        List<ReferenceCsv.Row> input = ReferenceCsv.parse(decoded(data, c), delimiter(c));
        Map<Long, List<String>> byLine = new HashMap<>();
        input.forEach(r -> byLine.put(r.line(), r.fields()));
        List<ReferenceCsv.Row> rejects = ReferenceCsv.parse(Files.readString(file), ',');
        List<String> inputHeader = header(input.get(0).fields());
        // The rejects file's own columns are renamed when the input has a column of either name.
        boolean clash = inputHeader.contains("line") || inputHeader.contains("reason");
        List<String> head = new ArrayList<>(clash ? List.of("reject_line", "reject_reason") : List.of("line", "reason"));
        head.addAll(inputHeader);
        assertThat(rejects.get(0).fields()).isEqualTo(head);
        assertThat(rejects).hasSize(expected.size() + 1);
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            List<String> f = rejects.get(i + 1).fields();
            long line = e.get("line").asLong();
            assertThat(f.subList(0, 2)).as("reject %d", i + 1).containsExactly(String.valueOf(line), e.get("reason").asText());
            assertThat(f.subList(2, f.size())).as("reject %d: the fields as read", i + 1).isEqualTo(byLine.get(line));
            lines.add(line);
        }
        return lines;
    }

    private static String rejectReason(JsonNode c, long line) {
        for (JsonNode r : c.get("rejects")) {
            if (r.get("line").asLong() == line) {
                return r.get("reason").asText();
            }
        }
        throw new AssertionError("no reject at line " + line);
    }

    /** @return the row's cells by header name, or null when it does not have as many fields as the header */
    private static Map<String, String> cells(List<String> header, ReferenceCsv.Row row) {
        if (row.fields().size() != header.size()) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.putIfAbsent(header.get(i), row.fields().get(i));
        }
        return m;
    }

    private static List<String> header(List<String> names) {
        List<String> h = new ArrayList<>(names);
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).isEmpty()) {
                h.set(i, "unnamed_" + (i + 1));
            }
        }
        return h;
    }

    /**
     * The file as text: gunzipped when named .gz; decoded in the encoding of its byte order mark, else
     * the case's {@code --encoding}, else UTF-8, each byte that is not text in it becoming U+FFFD; the
     * mark dropped.
     */
    private static String decoded(Path file, JsonNode c) throws IOException {
        byte[] bytes;
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        Charset charset = StandardCharsets.UTF_8;
        List<String> a = texts(c.path("args"));
        int e = a.indexOf("--encoding");
        if (e >= 0) {
            charset = Charset.forName(a.get(e + 1));
        }
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        for (CoderResult r = decoder.decode(in, out, true); r.isError(); r = decoder.decode(in, out, true)) {
            for (int i = 0; i < r.length(); i++) {
                in.get();
                out.put('\uFFFD');
            }
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static char delimiter(JsonNode c) {
        return c.path("delimiter").asText(",").charAt(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
