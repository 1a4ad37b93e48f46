package dev.scorecard.train.export;

import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.xml.sax.SAXException;

/**
 * JPMML-Evaluator 1.6.5 (AGPL, test scope only) over an exported document, loaded strictly: the
 * unmarshaller validates against the PMML 4.4 schema that JPMML-Model ships ({@code pmml.xsd} in
 * {@code org.jpmml:pmml-model}) and stops at the first validation event, then the evaluator checks
 * the model's structure ({@code verify}).
 */
final class PmmlJpmml {
    private final Evaluator evaluator;

    private PmmlJpmml(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** @return the PMML 4.4 schema inside JPMML-Model's jar */
    static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(PmmlJpmml.class.getResource("/pmml.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("pmml.xsd from org.jpmml:pmml-model is not on the test classpath", e);
        }
    }

    static PmmlJpmml load(byte[] pmml) {
        try {
            Evaluator evaluator = new LoadingModelEvaluatorBuilder()
                    .setSchema(schema())
                    .setValidationEventHandler(event -> false)
                    .load(new ByteArrayInputStream(pmml))
                    .build();
            evaluator.verify();
            return new PmmlJpmml(evaluator);
        } catch (JAXBException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("JPMML refuses the document: " + e, e);
        }
    }

    /** @return the results for one row of raw values (text, numbers or null) */
    PmmlOutputs score(Map<String, ?> row, int reasons) {
        Map<String, ?> results = EvaluatorUtil.decodeAll(evaluator.evaluate(row));
        List<String> codes = new ArrayList<>();
        for (int r = 1; r <= reasons; r++) {
            codes.add((String) results.get("reason" + r));
        }
        return new PmmlOutputs(number(results.get("score")), number(results.get("probability")),
                number(results.get("score10")), (String) results.get("grade"), codes);
    }

    private static double number(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

}
