package dev.scorecard.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The document itself: the golden file, PMML 4.4 schema validity, byte-identical output, the edges
 * of the mapping (cut and special value at zero, levels a string array cannot hold, XML markup, names
 * the outputs also want, refused unseen levels) and the errors.
 */
class PmmlExportTest {
    static final String GOLDEN = "/export/pmml/small-model.pmml";
    static final Path GOLDEN_SOURCE = Path.of("src/test/resources" + GOLDEN);

    static byte[] export(ScorecardModel model, ReasonBaseline baseline, int reasons) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PmmlExport.write(model, baseline, reasons, out);
        return out.toByteArray();
    }

    /**
     * Core's small model as PMML, compared byte for byte; regenerate with
     * {@code mvn -pl scorecard-train test -Dtest='dev/scorecard/train/export/PmmlExportTest' -Dgolden.update=true}.
     */
    @Test
    void smallModelMatchesTheGoldenFile() throws IOException {
        byte[] written = export(PmmlTestModels.small(), ReasonBaseline.MAX, 4);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN_SOURCE.getParent());
            Files.write(GOLDEN_SOURCE, written);
        }
        byte[] golden;
        try (InputStream in = PmmlExportTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file %s on the test class path", GOLDEN).isNotNull();
            golden = in.readAllBytes();
        }
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(golden, StandardCharsets.UTF_8));
    }

    @Test
    void theSameModelGivesTheSameBytesAlsoAfterAModelFileRoundTrip() throws IOException {
        ScorecardModel model = PmmlTestModels.small();
        byte[] first = export(model, ReasonBaseline.MEAN, 4);
        assertThat(export(model, ReasonBaseline.MEAN, 4)).isEqualTo(first);
        ScorecardModel reread = ModelReader.read(new ByteArrayInputStream(ModelWriter.toBytes(model)));
        assertThat(export(reread, ReasonBaseline.MEAN, 4)).isEqualTo(first);
    }

    /**
     * Valid against the PMML 4.4 schema that JPMML-Model 1.6.5 ships ({@code pmml.xsd}: DMG's schema
     * plus optional {@code x-} extension attributes and elements), and free of those extensions, so
     * valid as plain PMML 4.4; also accepted by JPMML's strict load (schema-validating unmarshaller
     * that stops at the first event, then the evaluator's own checks).
     */
    @Test
    void documentsAreValidPmml44WithoutVendorExtensions() throws Exception {
        List<byte[]> documents = List.of(export(PmmlTestModels.small(), ReasonBaseline.MAX, 4),
                export(PmmlTestModels.small(), ReasonBaseline.MEAN, 0),
                export(PmmlTestModels.edgy(UnseenPolicy.ELSE_BIN_NEUTRAL), ReasonBaseline.MAX, 6),
                export(PmmlTestModels.edgy(UnseenPolicy.REJECT), ReasonBaseline.MEAN, 4),
                PmmlParityTest.export(PmmlTrainedModels.get(PmmlTrainedModels.BANK_SPECIAL).model(), ReasonBaseline.MAX));
        for (byte[] pmml : documents) {
            PmmlJpmml.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(pmml)));
            assertThat(vendorNames(parse(pmml).getDocumentElement(), new ArrayList<>())).isEmpty();
            PmmlJpmml.load(pmml);
        }
    }

    @Test
    void mapsTheSmallModelAsDocumented() throws Exception {
        Document d = parse(export(PmmlTestModels.small(), ReasonBaseline.MEAN, 4));
        Element scorecard = (Element) d.getElementsByTagName("Scorecard").item(0);
        assertThat(scorecard.getAttribute("functionName")).isEqualTo("regression");
        assertThat(scorecard.getAttribute("initialScore")).isEqualTo("624");
        assertThat(scorecard.getAttribute("reasonCodeAlgorithm")).isEqualTo("pointsBelow");
        assertThat(scorecard.getAttribute("baselineMethod")).isEqualTo("mean");
        NodeList characteristics = d.getElementsByTagName("Characteristic");
        // duration: (87·40 + 380·9 + 204·(−23) + 20·(−12) + 9·(−17)) / 700 = 1815 / 700
        assertThat(((Element) characteristics.item(0)).getAttribute("baselineScore")).isEqualTo("2.592857142857143");
        List<String> reasons = new ArrayList<>();
        NodeList attributes = ((Element) characteristics.item(0)).getElementsByTagName("Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            reasons.add(((Element) attributes.item(i)).getAttribute("reasonCode"));
        }
        // Missing first, then the special value, the regular bins and the catch-all (a NaN scores as missing).
        assertThat(reasons).containsExactly("duration: Missing", "duration: Special: -1", "duration: [-inf, 8.5)",
                "duration: [8.5, 20.5)", "duration: [20.5, inf)", "duration: Missing");
        List<String> outputs = new ArrayList<>();
        NodeList fields = d.getElementsByTagName("OutputField");
        for (int i = 0; i < fields.getLength(); i++) {
            Element f = (Element) fields.item(i);
            if (!"false".equals(f.getAttribute("isFinalResult"))) {
                outputs.add(f.getAttribute("name"));
            }
        }
        assertThat(outputs).containsExactly("score", "probability", "score10", "grade", "reason1", "reason2", "reason3",
                "reason4");
    }

    /**
     * The edge model, scored on every combination of probing values by the embedded scorer, JPMML and
     * pmml4s: text and numbers for zero of both signs at a cut that is also a special value, tiny
     * values either side, a value one ulp below a cut, NaN, missing tokens; levels that need escaping.
     */
    @Test
    void edgeModelScoresAsTheEmbeddedScorer() throws IOException {
        ScorecardModel model = PmmlTestModels.edgy(UnseenPolicy.ELSE_BIN_NEUTRAL);
        Scorecard scorecard = Scorecard.of(model);
        byte[] pmml = export(model, ReasonBaseline.MAX, 4);
        List<Object> numbers = Arrays.asList("-1", "-0", "0", "0.0", "1e-300", "-1e-300", "2.5", "2.4999999999999996",
                "NA", "", null, -0.0, 0.0, Double.NaN, 3.0);
        List<Object> levels = Arrays.asList(PmmlTestModels.QUOTED, PmmlTestModels.BACKSLASH, PmmlTestModels.MARKUP,
                "plain", "unseen level", "NA", "", null);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Object n : numbers) {
            for (Object l : levels) {
                Map<String, Object> row = new HashMap<>();
                row.put("amount", n);
                row.put("level", l);
                rows.add(row);
            }
        }
        List<String> mismatches = new ArrayList<>();
        PmmlJpmml jpmml = PmmlJpmml.load(pmml);
        PmmlParityTest.compare("JPMML", rows, 0,
                row -> PmmlParityTest.outputs(scorecard.score(row, 4, ReasonBaseline.MAX)), jpmml::score, mismatches);
        PmmlPmml4s pmml4s = PmmlPmml4s.load(pmml);
        PmmlParityTest.compare("pmml4s", rows, 0, row -> {
            var asSeen = PmmlParityTest.outputs(scorecard.score(PmmlParityTest.unseenAsMissing(model, row), 4,
                    ReasonBaseline.MAX));
            var pmmlRules = PmmlParityTest.outputs(scorecard.score(row, 4, ReasonBaseline.MAX));
            return new PmmlOutputs(asSeen.score(), pmmlRules.probability(), asSeen.score10(), asSeen.grade(),
                    PmmlParityTest.pmml4sReasons(model, ReasonBaseline.MAX,
                            scorecard.score(PmmlParityTest.unseenAsMissing(model, row), 2, ReasonBaseline.MAX)));
        }, pmml4s::score, mismatches);
        assertThat(mismatches).isEmpty();
    }

    /** Under the reject policy an unseen level is refused by both: an error, not a score. */
    @Test
    void anUnseenLevelIsRefusedUnderTheRejectPolicy() throws IOException {
        ScorecardModel model = PmmlTestModels.edgy(UnseenPolicy.REJECT);
        Map<String, Object> row = new HashMap<>();
        row.put("amount", "1");
        row.put("level", "unseen level");
        assertThatThrownBy(() -> Scorecard.of(model).score(row)).isInstanceOf(InputDataException.class);
        PmmlJpmml jpmml = PmmlJpmml.load(export(model, ReasonBaseline.MAX, 4));
        assertThatThrownBy(() -> jpmml.score(row, 4)).hasMessageContaining("level");
        row.put("level", "plain");
        assertThat(jpmml.score(row, 4).score()).isEqualTo(Scorecard.of(model).score(row).score());
    }

    /**
     * The one documented departure: text in a numeric field that is neither a number nor a missing
     * token is refused by the scorer, and scored as missing by the PMML (invalidValueTreatment
     * asMissing, which is how tokens such as NA become missing there).
     */
    @Test
    void textInANumericFieldIsMissingInPmml() throws IOException {
        ScorecardModel model = PmmlTestModels.small();
        Scorecard scorecard = Scorecard.of(model);
        Map<String, Object> row = new HashMap<>();
        row.put("duration", "twelve");
        row.put("purpose", "car (new)");
        assertThatThrownBy(() -> scorecard.score(row)).isInstanceOf(InputDataException.class)
                .hasMessageContaining("value 'twelve' is not a number");
        PmmlOutputs pmml = PmmlJpmml.load(export(model, ReasonBaseline.MAX, 4)).score(row, 4);
        row.put("duration", null);
        assertThat(pmml).isEqualTo(PmmlParityTest.outputs(scorecard.score(row, 4, ReasonBaseline.MAX)));
    }

    /** Output and derived field names keep clear of the input fields: the first free {@code _2}, {@code _3}. */
    @Test
    void outputNamesKeepClearOfInputNames() throws Exception {
        ScorecardModel small = PmmlTestModels.small();
        List<Characteristic> cs = new ArrayList<>();
        for (String name : List.of("score", "reason1", "woe(score)", "linearPredictor")) {
            cs.add(new Characteristic(name, VariableType.CATEGORICAL, 0.5, List.of(
                    PmmlTestModels.categorical("x", List.of("x"), 0.1, 1, 10),
                    PmmlTestModels.categorical("y", List.of("y"), -0.1, 2, 10)), 0));
        }
        Document d = parse(export(PmmlTestModels.with(small, cs, UnseenPolicy.ELSE_BIN_NEUTRAL), ReasonBaseline.MAX, 2));
        List<String> names = new ArrayList<>();
        for (String tag : List.of("DerivedField", "OutputField")) {
            NodeList fields = d.getElementsByTagName(tag);
            for (int i = 0; i < fields.getLength(); i++) {
                names.add(((Element) fields.item(i)).getAttribute("name"));
            }
        }
        assertThat(names).containsExactly("woe(score)_2", "woe(reason1)", "woe(woe(score))", "woe(linearPredictor)",
                "linearPredictor_2", "score_2", "probability", "score10", "grade", "rankedReasonCode1", "reason1_2",
                "rankedReasonCode2", "reason2");
    }

    @Test
    void outputsAsManyReasonsAsAsked() throws Exception {
        for (int reasons : new int[] {0, 1, 6}) {
            Document d = parse(export(PmmlTestModels.small(), ReasonBaseline.MAX, reasons));
            int count = 0;
            NodeList fields = d.getElementsByTagName("OutputField");
            for (int i = 0; i < fields.getLength(); i++) {
                if (((Element) fields.item(i)).getAttribute("name").matches("reason\\d+")) {
                    count++;
                }
            }
            assertThat(count).as("reasons %d", reasons).isEqualTo(reasons);
        }
        assertThatThrownBy(() -> export(PmmlTestModels.small(), ReasonBaseline.MAX, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reasons must be at least 0, got -1");
    }

    @Test
    void refusesTextXmlCannotCarry() {
        ScorecardModel small = PmmlTestModels.small();
        Characteristic c = new Characteristic("city", VariableType.CATEGORICAL, 0.5, List.of(
                PmmlTestModels.categorical("two\nlines", List.of("two\nlines"), 0.1, 1, 10),
                PmmlTestModels.categorical("other", List.of("other"), -0.1, 2, 10)), 0);
        ScorecardModel model = PmmlTestModels.with(small, List.of(c), UnseenPolicy.ELSE_BIN_NEUTRAL);
        assertThatThrownBy(() -> export(model, ReasonBaseline.MAX, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PMML (XML 1.0) cannot carry the character U+000A in 'two\nlines'");
    }

    /** PMML adds up the points lost of equal reason codes, so two characteristics may not share one. */
    @Test
    void refusesReasonCodesTwoCharacteristicsShare() {
        ScorecardModel small = PmmlTestModels.small();
        Characteristic a = new Characteristic("a", VariableType.CATEGORICAL, 0.5, List.of(
                PmmlTestModels.categorical("b: c", List.of("x"), 0.1, 1, 10),
                PmmlTestModels.categorical("d", List.of("y"), -0.1, 2, 10)), 0);
        Characteristic ab = new Characteristic("a: b", VariableType.CATEGORICAL, 0.5, List.of(
                PmmlTestModels.categorical("c", List.of("x"), 0.1, 1, 10),
                PmmlTestModels.categorical("e", List.of("y"), -0.1, 2, 10)), 0);
        ScorecardModel model = PmmlTestModels.with(small, List.of(a, ab), UnseenPolicy.ELSE_BIN_NEUTRAL);
        assertThatThrownBy(() -> export(model, ReasonBaseline.MAX, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("characteristics 'a' and 'a: b' both have the reason code 'a: b: c'; PMML would add their "
                        + "points lost together, so rename one");
    }

    static Document parse(byte[] pmml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(pmml));
    }

    /** @return the element and attribute names starting with {@code x-}: JPMML's extensions to PMML */
    static List<String> vendorNames(Element e, List<String> out) {
        if (e.getLocalName().startsWith("x-")) {
            out.add(e.getLocalName());
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            if (name.startsWith("x-")) {
                out.add(e.getLocalName() + "@" + name);
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                vendorNames(child, out);
            }
        }
        return out;
    }
}
