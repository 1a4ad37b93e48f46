package dev.scorecard.train.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pmml4s.model.Model;

/**
 * pmml4s 0.9.15 (Apache-2.0, test scope; the engine under PyPMML) over an exported document. It reads
 * every value of a field in the field's type, so a numeric field's unparseable text (NA, the empty
 * text) is NaN to it, which it treats as missing.
 */
final class PmmlPmml4s {
    private final Model model;

    private PmmlPmml4s(Model model) {
        this.model = model;
    }

    static PmmlPmml4s load(byte[] pmml) {
        return new PmmlPmml4s(Model.fromString(new String(pmml, StandardCharsets.UTF_8)));
    }

    /** @return the results for one row of raw values (text, numbers or null) */
    PmmlOutputs score(Map<String, ?> row, int reasons) {
        Map<String, Object> in = new HashMap<>(row);
        Map<String, Object> results = model.predict(in);
        List<String> codes = new ArrayList<>();
        for (int r = 1; r <= reasons; r++) {
            codes.add((String) results.get("reason" + r));
        }
        return new PmmlOutputs(number(results.get("score")), number(results.get("probability")),
                number(results.get("score10")), (String) results.get("grade"), codes);
    }

    /** pmml4s returns a {@code Discretize} output as its bin's text, whatever the field's dataType says. */
    private static double number(Object o) {
        if (o == null) {
            return Double.NaN;
        }
        return o instanceof String s ? Double.parseDouble(s) : ((Number) o).doubleValue();
    }
}
