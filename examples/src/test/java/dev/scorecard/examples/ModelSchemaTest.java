package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scorecard.core.ModelFormatException;
import dev.scorecard.core.model.json.ModelReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/model.schema.json} against real model files: every fixture kept under
 * {@code scorecard-core/src/test/resources/model/} and models trained afresh ({@link TrainedModels})
 * validate; and the schema and {@link ModelReader} agree on a set of broken files, each refused by
 * both, so that the schema cannot drift into accepting what the reader refuses on these points.
 */
class ModelSchemaTest {
    private static final Path ROOT = Path.of("..");
    private static final Path FIXTURES = ROOT.resolve("scorecard-core/src/test/resources/model");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(ROOT.resolve("docs/model.schema.json")), InputFormat.JSON);
    }

    private static List<String> errors(JsonNode model) {
        return schema.validate(model).stream().map(Error::toString).toList();
    }

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theSchemaIsValidDraft202012() throws IOException {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(JSON.readTree(ROOT.resolve("docs/model.schema.json").toFile()))).isEmpty();
    }

    @Test
    void everyFixtureValidates() throws IOException {
        List<Path> fixtures = fixtures();
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(2);
        for (Path f : fixtures) {
            assertThat(errors(JSON.readTree(f.toFile()))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void freshlyTrainedModelsValidate() throws IOException {
        for (Path model : TrainedModels.all()) {
            JsonNode tree = JSON.readTree(model.toFile());
            assertThat(errors(tree)).as(model.toString()).isEmpty();
            assertThat(tree.get("verification")).as(model.toString()).isNotEmpty();
        }
        // Between them they hold every kind of bin the format has (special bins: in the fixture).
        String all = "";
        for (Path model : TrainedModels.all()) {
            all += Files.readString(model);
        }
        assertThat(all).contains("\"kind\": \"missing\"", "\"kind\": \"regular\"", "\"candidates\"",
                "\"higherScoreMeans\": \"non-event\"", "\"rounding\": \"none\"");
        assertThat(ModelReader.read(TrainedModels.creditDataMerged()).characteristics())
                .as("a characteristic names the regular bin its missing values were merged into")
                .anyMatch(c -> c.missingBin().isPresent());
    }

    /** A broken copy of the fixture, and a word of what is wrong, for messages. */
    private record Edit(String what, Consumer<ObjectNode> change) {
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
        List<Edit> edits = List.of(
                new Edit("a count as a string", m -> bin(m, 0, 0).put("count", "87")),
                new Edit("a count with a fraction", m -> bin(m, 0, 0).put("count", 87.5)),
                new Edit("a WOE as a string", m -> bin(m, 0, 1).put("woe", "-0.3228")),
                new Edit("basePoints as a boolean", m -> m.put("basePoints", true)),
                new Edit("an unknown member", m -> m.put("comment", "hand-edited")),
                new Edit("an unknown member in a bin", m -> bin(m, 1, 0).put("note", "x")),
                new Edit("an unknown unseen policy", m -> m.put("unseen", "neutral")),
                new Edit("an unknown bin kind", m -> bin(m, 0, 0).put("kind", "other")),
                new Edit("an unknown direction", m -> ((ObjectNode) m.get("scaling")).put("higherScoreMeans", "good")),
                new Edit("pdo of 0", m -> ((ObjectNode) m.get("scaling")).put("pdo", 0)),
                new Edit("a newer formatVersion", m -> m.put("formatVersion", 2)),
                new Edit("another format", m -> m.put("format", "something-else")),
                new Edit("a missing intercept", m -> m.remove("intercept")),
                new Edit("a missing bin label", m -> bin(m, 0, 0).remove("label")),
                new Edit("bounds on a categorical bin", m -> bin(m, 1, 0).put("lower", 1)),
                new Edit("a numeric regular bin without bounds", m -> bin(m, 0, 1).remove("upper")),
                new Edit("categories on a numeric bin", m -> bin(m, 0, 1).putArray("categories").add("a")),
                new Edit("special values on a missing bin", m -> bin(m, 0, 4).putArray("specialValues").add(-2)),
                new Edit("a bound that is another string", m -> bin(m, 0, 0).put("lower", "-infinity")),
                new Edit("a verification input that is a number", m -> ((ObjectNode) m.get("verification").get(0)
                        .get("inputs")).put("duration", 6)),
                new Edit("a negative missingBin", m -> characteristic(m, 1).put("missingBin", -1)),
                new Edit("a missingBin as a string", m -> characteristic(m, 1).put("missingBin", "0")),
                new Edit("a missingBin beside a missing bin", m -> characteristic(m, 0).put("missingBin", 0)));
        ObjectNode fixture = (ObjectNode) JSON.readTree(FIXTURES.resolve("v1/small-model.json").toFile());
        assertThat(errors(fixture)).isEmpty();
        List<String> disagreements = new ArrayList<>();
        for (Edit e : edits) {
            ObjectNode broken = fixture.deepCopy();
            e.change().accept(broken);
            if (errors(broken).isEmpty()) {
                disagreements.add(e.what() + ": the schema accepts it");
            }
            try {
                // Without the checksum: every edit breaks it, and the point is the structure.
                ModelReader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(broken)), false);
                disagreements.add(e.what() + ": the reader accepts it");
            } catch (ModelFormatException expected) {
                // refused, as the schema refuses it
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aWrongTypedFieldNamesItsPath() throws IOException {
        ObjectNode model = (ObjectNode) JSON.readTree(FIXTURES.resolve("v1/small-model.json").toFile());
        bin(model, 0, 0).put("count", "87");
        assertThat(errors(model)).isNotEmpty().anyMatch(m -> m.contains("/characteristics/0/bins/0/count"));
        assertThatThrownBy(() -> ModelReader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(model)), false))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("characteristics[0].bins[0].count: expected an integer, found the string \"87\"");
    }

    private static ObjectNode characteristic(ObjectNode model, int characteristic) {
        return (ObjectNode) model.get("characteristics").get(characteristic);
    }

    private static ObjectNode bin(ObjectNode model, int characteristic, int bin) {
        return (ObjectNode) ((ArrayNode) model.get("characteristics").get(characteristic).get("bins")).get(bin);
    }
}
