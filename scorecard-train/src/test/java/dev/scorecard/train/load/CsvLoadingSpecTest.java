package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the table of CSV dialects and edge cases in {@code spec/csv-loading.yaml}. */
class CsvLoadingSpecTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = CsvLoadingSpecTest.class.getResourceAsStream("/spec/csv-loading.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loads(String name, JsonNode c, @TempDir Path dir) throws IOException {
        boolean gzip = c.path("gzip").asBoolean(false);
        Path file = dir.resolve(gzip ? "case.csv.gz" : "case.csv");
        byte[] bytes = c.get("csv").asText().getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        CsvLoadOptions options = options(c);
        if (c.has("error")) {
            String expected = c.get("error").asText().replace("{file}", file.toString());
            assertThatThrownBy(() -> CsvLoader.load(file, options))
                    .isInstanceOf(InputDataException.class)
                    .hasMessage(expected);
            return;
        }
        LoadResult result = CsvLoader.load(file, options);
        check(c.get("expect"), result);
    }

    private static CsvLoadOptions options(JsonNode c) {
        CsvLoadOptions o = CsvLoadOptions.defaults(c.path("target").asText("y"));
        if (c.has("delimiter")) {
            o = o.withDelimiter(c.get("delimiter").asText().charAt(0));
        }
        if (c.has("missingValues")) {
            o = o.withMissingValues(texts(c.get("missingValues")));
        }
        if (c.has("types")) {
            Map<String, ColumnType> types = new LinkedHashMap<>();
            c.get("types").properties().forEach(e -> types.put(e.getKey(), ColumnType.fromConfig(e.getValue().asText())));
            o = o.withTypes(types);
        }
        if (c.has("positive")) {
            o = o.withPositive(c.get("positive").asText());
        }
        if (c.has("exclude")) {
            o = o.withExclude(new LinkedHashSet<>(texts(c.get("exclude"))));
        }
        if (c.has("id")) {
            o = o.withId(new LinkedHashSet<>(texts(c.get("id"))));
        }
        return o;
    }

    private static void check(JsonNode e, LoadResult r) {
        LoadReport report = r.report();
        if (e.has("delimiter")) {
            assertThat(report.delimiter()).as("delimiter").isEqualTo(e.get("delimiter").asText().charAt(0));
        }
        if (e.has("header")) {
            assertThat(report.header()).as("header").isEqualTo(texts(e.get("header")));
        }
        if (e.has("rowsRead")) {
            assertThat(report.rowsRead()).as("rowsRead").isEqualTo(e.get("rowsRead").asLong());
        }
        if (e.has("rowsRejected")) {
            assertThat(report.rowsRejected()).as("rowsRejected").isEqualTo(e.get("rowsRejected").asLong());
            assertThat(r.rejects()).as("rejects").hasSize(e.get("rowsRejected").asInt());
        }
        assertThat(r.dataset().rowCount()).as("rows kept").isEqualTo(report.rowsRead() - report.rowsRejected());
        if (e.has("features")) {
            e.get("features").properties().forEach(f -> checkColumn(r.dataset().features(), f.getKey(), f.getValue()));
        }
        if (e.has("ids")) {
            e.get("ids").properties().forEach(f -> checkColumn(r.dataset().ids(), f.getKey(), f.getValue()));
        }
        if (e.has("levels")) {
            e.get("levels").properties().forEach(f -> {
                Column col = r.dataset().feature(f.getKey()).orElseThrow();
                assertThat(((CategoricalColumn) col).levels()).as("levels of " + f.getKey()).isEqualTo(texts(f.getValue()));
            });
        }
        if (e.has("target")) {
            List<Integer> events = new ArrayList<>();
            for (int i = 0; i < r.dataset().rowCount(); i++) {
                events.add(r.dataset().target().event(i));
            }
            List<Integer> expected = new ArrayList<>();
            e.get("target").forEach(n -> expected.add(n.asInt()));
            assertThat(events).as("target").isEqualTo(expected);
        }
        if (e.has("event")) {
            assertThat(r.dataset().target().eventLabel()).as("event").isEqualTo(e.get("event").asText());
        }
        if (e.has("types")) {
            e.get("types").properties().forEach(t -> assertThat(report.column(t.getKey()).orElseThrow().type())
                    .as("type of " + t.getKey()).isEqualTo(ColumnType.fromConfig(t.getValue().asText())));
        }
        if (e.has("columns")) {
            assertThat(report.columns()).extracting(ColumnReport::name).as("report columns")
                    .isEqualTo(texts(e.get("columns")));
        }
        if (e.has("missing")) {
            e.get("missing").properties().forEach(m -> {
                Map<String, Long> expected = new LinkedHashMap<>();
                m.getValue().properties().forEach(t -> expected.put(t.getKey(), t.getValue().asLong()));
                Map<String, Long> actual = report.column(m.getKey()).orElseThrow().missingTokenCounts();
                assertThat(actual).as("missing tokens of " + m.getKey()).containsExactlyEntriesOf(expected);
            });
        }
        if (e.has("forced")) {
            Set<String> forced = new LinkedHashSet<>(texts(e.get("forced")));
            for (ColumnReport c : report.columns()) {
                assertThat(c.typeForced()).as("typeForced of " + c.name()).isEqualTo(forced.contains(c.name()));
            }
        }
        if (e.has("rejects")) {
            List<RejectedRow> expected = new ArrayList<>();
            e.get("rejects").forEach(x -> expected.add(new RejectedRow(x.get("line").asLong(), x.get("reason").asText(),
                    texts(x.get("fields")))));
            assertThat(r.rejects()).as("rejects").isEqualTo(expected);
        }
    }

    private static void checkColumn(List<Column> columns, String name, JsonNode expected) {
        Optional<Column> found = columns.stream().filter(c -> c.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            fail("no column '" + name + "' among " + columns);
        }
        Column col = found.get();
        boolean numeric = false;
        boolean allNull = true;
        for (JsonNode v : expected) {
            numeric |= v.isNumber();
            allNull &= v.isNull();
        }
        assertThat(col.size()).as("rows of " + name).isEqualTo(expected.size());
        if (allNull) {
            for (int i = 0; i < expected.size(); i++) {
                assertThat(col.isMissing(i)).as(name + "[" + i + "] is missing").isTrue();
            }
        } else if (numeric) {
            assertThat(col).as(name + " is numeric").isInstanceOf(NumericColumn.class);
            NumericColumn n = (NumericColumn) col;
            for (int i = 0; i < expected.size(); i++) {
                JsonNode v = expected.get(i);
                Double want = v.isNull() ? Double.NaN : v.asDouble();
                assertThat((Double) n.value(i)).as(name + "[" + i + "]").isEqualTo(want);
            }
        } else {
            assertThat(col).as(name + " is categorical").isInstanceOf(CategoricalColumn.class);
            CategoricalColumn k = (CategoricalColumn) col;
            for (int i = 0; i < expected.size(); i++) {
                JsonNode v = expected.get(i);
                assertThat(k.level(i)).as(name + "[" + i + "]").isEqualTo(v.isNull() ? null : v.asText());
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
